import Foundation
import PaddockNet
import TestSupport
import Testing

/// `.gitattributes` cannot hide the lines a change adds: `review` and the pre-push hook read every text file's
/// lines, wherever attributes that call it binary are written.
@Suite struct GitAttributesTests {
  static let claude = "\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>\n"
  static let secret = "AWS_ACCESS_KEY_ID = \"AKIAZ7QX4RLM2VBN6KTE\"\n"
  /// The attribute lines that make git and libgit2 treat a file as binary.
  static let forms = ["*.py -diff", "*.py binary", "*.py -text -diff"]

  /// Where the attributes are written.
  enum Location: String, CaseIterable, Sendable {
    /// `.gitattributes` in the working tree, not committed.
    case workingTree
    /// `.gitattributes` committed by the change under review.
    case change
    /// `src/.gitattributes`, beside the file, committed by the change.
    case nestedFolder
    /// `.git/info/attributes`.
    case infoAttributes

    /// Writes `line` where this location says; `beforeCommit` is called before the change is committed.
    func place(_ line: String, in repository: TestRepository, beforeCommit: Bool) throws {
      switch (self, beforeCommit) {
      case (.change, true): try repository.write(".gitattributes", line + "\n")
      case (.nestedFolder, true): try repository.write("src/.gitattributes", line + "\n")
      case (.workingTree, false): try repository.write(".gitattributes", line + "\n")
      case (.infoAttributes, false):
        let gitDirectory = try repository.git(["rev-parse", "--git-dir"]).trimmingCharacters(
          in: .whitespacesAndNewlines)
        try repository.write(gitDirectory + "/info/attributes", line + "\n")
      default: break
      }
    }
  }

  /// Adds a tested Python file holding a key, in an AI commit, with the attributes placed around it.
  static func addKey(_ repository: TestRepository, attributes line: String, at location: Location) throws {
    try location.place(line, in: repository, beforeCommit: true)
    try repository.write("src/settings.py", "REGION = \"eu-west-1\"\n" + secret)
    try repository.write("tests/test_settings.py", "def test_region():\n    assert REGION\n")
    try repository.commit("Add settings" + claude)
    try location.place(line, in: repository, beforeCommit: false)
    // The attributes really do make git call the file binary, so the test sees what an attacker would use.
    let numstat = try repository.git(["diff", "--numstat", "HEAD~1", "HEAD", "--", "src/settings.py"])
    #expect(numstat.hasPrefix("-\t-\t"), "git does not treat the file as binary: \(numstat)")
  }

  @Test(arguments: Location.allCases, forms)
  func reviewSeesLinesThatAttributesCallBinary(location: Location, form: String) throws {
    let repository = try TestRepository()
    try repository.write("src/app.py", "def main():\n    return 0\n")
    try repository.write("tests/test_app.py", "def test_main():\n    assert main() == 0\n")
    try repository.commit("Initial commit")
    try repository.git(["checkout", "-q", "-b", "ai"])
    try Self.addKey(repository, attributes: form, at: location)

    let result = try repository.paddock(["review", "main..ai", "--format", "json"])
    #expect(result.status == 1, "\(result.err)")
    let json = try JSONValue.parse(result.out)
    #expect(json["verdict"] == .string("block"))
    guard case .array(let findings)? = json["findings"] else {
      Issue.record("no findings in \(result.out)")
      return
    }
    #expect(findings.contains { $0["rule"] == .string("aws-access-key-id") }, "\(result.out)")
  }

  @Test(arguments: Location.allCases)
  func thePrePushHookSeesLinesThatAttributesCallBinary(location: Location) throws {
    let (work, remote) = try HookEndToEndTests.clone()
    let form = Self.forms[(Location.allCases.firstIndex(of: location) ?? 0) % Self.forms.count]
    try Self.addKey(work, attributes: form, at: location)

    let push = try work.gitResult(["push", "origin", "main"])
    #expect(push.status != 0, "\(push.err)")
    #expect(push.err.contains("aws-access-key-id"), "\(push.err)")
    #expect(push.err.contains("push blocked"), "\(push.err)")
    #expect(try remote.git(["rev-parse", "main"]) != (try work.git(["rev-parse", "main"])))
  }
}
