import Foundation
import TestSupport
import Testing

/// `paddock review --staged` and the pre-commit hook: the index reviewed against HEAD before the commit exists, with
/// the authorship of the agent session the commit is made in.
@Suite struct CommitTimeTests {
  static let secret = "AWS_ACCESS_KEY_ID = \"AKIAZ7QX4RLM2VBN6KTE\"\n"
  static let agent = ["CLAUDECODE": "1"]

  static func repository() throws -> TestRepository {
    let repository = try TestRepository()
    try repository.git(["config", "user.name", "Ada Lovelace"])
    try repository.git(["config", "user.email", "ada@example.com"])
    return repository
  }

  static func run(_ repository: TestRepository, _ arguments: [String], session: Bool) throws -> ProcessResult {
    var environment = repository.environment
    if session { environment.merge(agent) { $1 } }
    return try PaddockBinary.run(arguments, in: repository.path, environment: environment)
  }

  @Test func aStagedSecretBlocksInAnAgentsSessionAndWarnsFromAPerson() throws {
    let repository = try Self.repository()
    try repository.write("src/app.py", "def main():\n    return 0\n")
    try repository.commit("Initial commit")
    try repository.write("src/settings.py", Self.secret)
    try repository.git(["add", "src/settings.py"])
    let headBefore = try repository.revParse("HEAD")

    let agent = try Self.run(repository, ["review", "--staged", "--format", "json"], session: true)
    #expect(agent.status == 1, "\(agent.err)")
    #expect(agent.out.contains("\"verdict\" : \"block\""), "\(agent.out)")
    #expect(agent.out.contains("aws-access-key-id"))
    #expect(agent.out.contains("\"agent\" : \"claude-code\""), "the staged lines are the session's agent's")

    let person = try Self.run(repository, ["review", "--staged"], session: false)
    #expect(person.status == 0, "\(person.err)")
    #expect(person.out.contains("staged changes: WARN"), "\(person.out)")
    #expect(person.out.contains("0 AI, 1 human"), "\(person.out)")

    // Nothing moved: HEAD, the branch and the index are as they were.
    #expect(try repository.revParse("HEAD") == headBefore)
    #expect(try repository.git(["diff", "--cached", "--name-only"]) == "src/settings.py\n")
  }

  @Test func onlyTheIndexCountsNotTheWorkingTree() throws {
    let repository = try Self.repository()
    try repository.write("src/app.py", "def main():\n    return 0\n")
    try repository.commit("Initial commit")
    // The secret is in the working tree only: `git commit` would not record it.
    try repository.write("src/settings.py", Self.secret)
    let unstaged = try Self.run(repository, ["review", "--staged"], session: true)
    #expect(unstaged.status == 0, "\(unstaged.err)")
    #expect(unstaged.out.contains("nothing to review (nothing is staged)"), "\(unstaged.out)")
  }

  @Test func anUnbornBranchIsReviewedAsItsFirstCommit() throws {
    let repository = try Self.repository()
    try repository.write("config.py", Self.secret)
    try repository.git(["add", "config.py"])
    let result = try Self.run(repository, ["review", "--staged"], session: true)
    #expect(result.status == 1, "\(result.err)")
    #expect(result.out.contains("aws-access-key-id"), "\(result.out)")
    #expect(try repository.gitResult(["rev-parse", "--verify", "-q", "HEAD"]).status != 0, "still no commit")
  }

  @Test func stagedTakesNoRange() throws {
    let repository = try Self.repository()
    let result = try Self.run(repository, ["review", "--staged", "HEAD~1"], session: false)
    #expect(result.status == 64)
    #expect(result.err.contains("--staged reviews the index against HEAD"), "\(result.err)")
  }

  @Test func conflictsInTheIndexAreNamed() throws {
    let repository = try Self.repository()
    try repository.write("a.txt", "base\n")
    try repository.commit("Base")
    try repository.git(["checkout", "-q", "-b", "side"])
    try repository.write("a.txt", "side\n")
    try repository.commit("Side")
    try repository.git(["checkout", "-q", "main"])
    try repository.write("a.txt", "main\n")
    try repository.commit("Main")
    _ = try repository.gitResult(["merge", "-q", "side"])
    let result = try Self.run(repository, ["review", "--staged"], session: false)
    #expect(result.status == 2)
    #expect(result.err.contains("unresolved conflicts"), "\(result.err)")
  }

  /// The installed pre-commit hook stops the commit of an agent's staged secret, and lets a clean one through.
  @Test func thePreCommitHookStopsASecretBeforeItIsCommitted() throws {
    let repository = try Self.repository()
    try repository.write("src/app.py", "def main():\n    return 0\n")
    try repository.commit("Initial commit")
    let install = try repository.paddock(["hook", "install", "--pre-commit"])
    #expect(install.status == 0, "\(install.err)")
    #expect(install.err.contains("pre-commit"), "\(install.err)")

    try repository.write("src/settings.py", Self.secret)
    try repository.git(["add", "src/settings.py"])
    let blocked = try repository.gitResult(["commit", "-m", "Add settings"], extraEnvironment: Self.agent)
    #expect(blocked.status != 0)
    #expect(blocked.err.contains("aws-access-key-id"), "\(blocked.err)")
    #expect(blocked.err.contains("commit blocked"), "\(blocked.err)")
    #expect(!blocked.err.contains("AKIAZ7QX4RLM2VBN6KTE"), "the secret is masked")
    #expect(try repository.git(["log", "--format=%s"]) == "Initial commit\n", "nothing was committed")

    try repository.write("src/settings.py", "REGION = \"eu-west-1\"\n")
    try repository.git(["add", "src/settings.py"])
    let clean = try repository.gitResult(["commit", "-m", "Add settings"], extraEnvironment: Self.agent)
    #expect(clean.status == 0, "\(clean.err)")

    let status = try repository.paddock(["hook", "status"])
    #expect(status.out.contains("pre-commit: installed"), "\(status.out)")
    let uninstall = try repository.paddock(["hook", "uninstall"])
    #expect(uninstall.status == 0)
    #expect(!FileManager.default.fileExists(atPath: repository.path + "/.git/hooks/pre-commit"))
  }
}
