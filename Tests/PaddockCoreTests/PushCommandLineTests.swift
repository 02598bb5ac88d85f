import PaddockCore
import Testing

/// Reading a `git push` command line: how the pre-push hook under the pre-commit framework knows a push carries more
/// refs than the framework handed over.
@Suite struct PushCommandLineTests {
  @Test(
    arguments: [
      (["git", "push"], nil, [String](), nil, false),
      (["git", "push", "origin", "main"], "origin", ["main"], nil, false),
      (
        ["/usr/bin/git", "-C", "repo", "-c", "a=b", "push", "-u", "origin", "a", "b"], "origin", ["a", "b"], nil, true
      ),
      (["git", "push", "--all", "origin"], "origin", [], "--all", true),
      (["git", "push", "--tags"], nil, [], "--tags", true),
      (["git", "push", "-o", "ci.skip", "origin", "HEAD:refs/heads/x"], "origin", ["HEAD:refs/heads/x"], nil, false),
      (["git", "push", "origin", "--", "-weird", "main"], "origin", ["-weird", "main"], nil, true),
    ] as [([String], String?, [String], String?, Bool)])
  func parses(arguments: [String], remote: String?, refspecs: [String], flag: String?, several: Bool) throws {
    let push = try #require(PushCommandLine.parse(arguments))
    #expect(push.remote == remote)
    #expect(push.refspecs == refspecs)
    #expect(push.everyRefFlag == flag)
    #expect(push.carriesSeveralRefs == several)
    #expect((push.warning(reviewed: "main") != nil) == several)
  }

  @Test func otherCommandsAreNotPushes() {
    #expect(PushCommandLine.parse(["git", "commit", "-m", "push"]) == nil)
    #expect(PushCommandLine.parse(["python3", "-m", "pre_commit", "hook-impl", "push"]) == nil)
    #expect(PushCommandLine.parse([]) == nil)
  }

  @Test func theWarningNamesWhatWasReviewedAndWhatWasNot() throws {
    let push = try #require(PushCommandLine.parse(["git", "push", "origin", "one", "two"]))
    let warning = try #require(push.warning(reviewed: "refs/heads/one"))
    #expect(warning.contains("2 refs (one, two)"))
    #expect(warning.contains("only the first with new commits (refs/heads/one)"))
    #expect(warning.contains("NOT reviewed"))
  }
}
