import Foundation
import PaddockCore
import PaddockGit
import TestSupport
import Testing

/// The pre-push hook's flow without a process: a real repository, git's stdin lines or the pre-commit framework's
/// variables in, per-ref outcomes and the exit status out.
@Suite struct PrePushRunTests {
  static let claude = "\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>\n"
  static let zero = String(repeating: "0", count: 40)

  /// `main` with a clean first commit (what the remote has) and an AI commit that adds a credential.
  static func repository() throws -> (TestRepository, base: String, head: String) {
    let repository = try TestRepository()
    try repository.write("src/app.py", "def main():\n    return 0\n")
    let base = try repository.commit("Initial commit")
    try repository.write("src/settings.py", "AWS_ACCESS_KEY_ID = \"AKIAZ7QX4RLM2VBN6KTE\"\n")
    let head = try repository.commit("Add settings" + claude)
    return (repository, base, head)
  }

  static func run(_ repository: TestRepository, _ input: PrePushRun.Input) throws -> PrePushRun.Result {
    try PrePushRun(repository: try Repository(discoveringFrom: repository.path), input: input).run()
  }

  @Test func anUpdateThatAddsACredentialBlocksItsRef() throws {
    let (repository, base, head) = try Self.repository()
    let result = try Self.run(
      repository,
      PrePushRun.Input(
        remote: "origin", standardInput: "refs/heads/main \(head) refs/heads/main \(base)\n", version: "test"))
    let ref = try #require(result.refs.first)
    #expect(result.refs.count == 1)
    #expect(ref.ref == "main" && !ref.refused)
    #expect(ref.report?.findings.contains { $0.rule == "aws-access-key-id" } == true)
    #expect(ref.verdict == .block)
    #expect(result.blocked == ["main"] && result.exitStatus == 1)
    #expect(result.blockMessage?.hasPrefix("push blocked (main)") == true)
    #expect(result.notices.isEmpty)
  }

  /// Each ref's outcome is handed over when it is known, in push order, so the hook shows a review before the next
  /// ref's starts; the events are the result's notices and refs.
  @Test func eachRefIsReportedAsItIsReviewed() throws {
    let (repository, base, head) = try Self.repository()
    let lines = "refs/heads/main \(head) refs/heads/main \(base)\n(delete) \(Self.zero) refs/heads/old \(base)\n"
    var events: [String] = []
    let result = try PrePushRun(
      repository: try Repository(discoveringFrom: repository.path),
      input: PrePushRun.Input(standardInput: lines, version: "test")
    ).run { event in
      switch event {
      case .notice(let text): events.append("notice: \(text)")
      case .ref(let ref): events.append("\(ref.ref): \(ref.report == nil ? "nothing" : "reviewed")")
      }
    }
    #expect(events == ["main: reviewed", "old: nothing"])
    #expect(result.refs.map(\.ref) == ["main", "old"])
  }

  @Test func aDeletionChecksNothing() throws {
    let (repository, base, _) = try Self.repository()
    let lines = "(delete) \(Self.zero) refs/heads/old \(base)\n"
    let result = try Self.run(repository, PrePushRun.Input(standardInput: lines, version: "test"))
    #expect(result.refs.map(\.ref) == ["old"])
    #expect(result.refs.first?.report == nil && result.refs.first?.verdict == nil)
    #expect(result.exitStatus == 0 && result.blockMessage == nil)
  }

  /// A ref naming a tree is refused without a review, and blocks the push.
  @Test func aTreeIsRefused() throws {
    let (repository, base, _) = try Self.repository()
    let tree = try repository.revParse("HEAD^{tree}")
    let result = try Self.run(
      repository, PrePushRun.Input(standardInput: "HEAD \(tree) refs/heads/tree \(base)\n", version: "test"))
    #expect(result.refs.first?.refused == true && result.refs.first?.verdict == .block)
    #expect(result.exitStatus == 1)
  }

  /// Under the pre-commit framework the push comes in variables (stdin is not read) and the hook says it was
  /// handed one ref; with the `git push` command line it says which refs went unreviewed.
  @Test func thePreCommitFrameworksVariablesDescribeThePush() throws {
    let (repository, base, head) = try Self.repository()
    let environment = [
      "PRE_COMMIT_FROM_REF": base, "PRE_COMMIT_TO_REF": head, "PRE_COMMIT_LOCAL_BRANCH": "refs/heads/main",
      "PRE_COMMIT_REMOTE_BRANCH": "refs/heads/main", "PRE_COMMIT_REMOTE_NAME": "origin",
    ]
    let result = try Self.run(
      repository, PrePushRun.Input(environment: environment, standardInput: "not read", version: "test"))
    #expect(result.refs.map(\.ref) == ["main"] && result.exitStatus == 1)
    #expect(result.notices.count == 1)
    #expect(result.notices.first?.hasPrefix("note: the pre-commit framework hands Paddock one ref") == true)

    let push = try #require(PushCommandLine.parse(["git", "push", "origin", "main", "feature"]))
    let warned = try Self.run(
      repository, PrePushRun.Input(environment: environment, pushCommandLine: push, version: "test"))
    #expect(warned.notices.count == 1)
    #expect(warned.notices.first?.hasPrefix("WARNING: ") == true, "\(warned.notices)")
  }

  /// `--config` replaces the working tree's `.paddock.yml`: a file that switches the rule off lets the push pass.
  @Test func theConfigurationFileJudgesThePush() throws {
    let (repository, base, head) = try Self.repository()
    let file = repository.siblingPath("paddock.yml")
    try Data("rules:\n  disable: [aws-access-key-id]\n".utf8).write(to: URL(fileURLWithPath: file))
    let lines = "refs/heads/main \(head) refs/heads/main \(base)\n"
    let result = try Self.run(
      repository, PrePushRun.Input(standardInput: lines, configFile: file, version: "test"))
    #expect(result.refs.first?.report?.findings.contains { $0.rule == "aws-access-key-id" } == false)
    #expect(result.exitStatus == 0)
  }

  @Test func aLineGitWouldNotWriteIsAnError() throws {
    let (repository, _, _) = try Self.repository()
    let error = #expect(throws: PushInputError.self) {
      try Self.run(repository, PrePushRun.Input(standardInput: "not a pre-push line\n", version: "test"))
    }
    #expect(error?.line == 1)
  }
}
