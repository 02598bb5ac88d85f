import Foundation
import PaddockNet
import TestSupport
import Testing

/// `paddock review` on generated repositories, through the built binary.
@Suite struct ReviewEndToEndTests {
  static let claude = "\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>\n"
  /// A synthetic AWS access key id: the same risky line for every test.
  static let riskyLine = "AWS_ACCESS_KEY_ID = \"AKIAZ7QX4RLM2VBN6KTE\""

  /// `main` with a little code, and a branch whose one commit adds the risky line.
  static func repository(branch: String, message: String, author: TestRepository.Identity = .human) throws
    -> TestRepository
  {
    let repository = try TestRepository()
    try repository.write("src/app.py", "def main():\n    return 0\n")
    try repository.write("tests/test_app.py", "def test_main():\n    assert main() == 0\n")
    try repository.commit("Initial commit")
    try repository.git(["checkout", "-q", "-b", branch])
    try repository.write("src/settings.py", "REGION = \"eu-west-1\"\n\(riskyLine)\n")
    try repository.write("tests/test_settings.py", "def test_region():\n    assert REGION\n")
    try repository.commit(message, author: author)
    return repository
  }

  /// Rewrites the last commit's message, as a person adding a review trailer would.
  static func amend(_ repository: TestRepository, _ message: String) throws {
    let identity = [
      "GIT_AUTHOR_NAME": "Ada Lovelace", "GIT_AUTHOR_EMAIL": "ada@example.com", "GIT_COMMITTER_NAME": "Ada Lovelace",
      "GIT_COMMITTER_EMAIL": "ada@example.com",
    ]
    try repository.git(["commit", "-q", "--amend", "--cleanup=verbatim", "-m", message], extraEnvironment: identity)
  }

  static func verdict(_ result: ProcessResult) throws -> String {
    guard case .string(let verdict)? = try JSONValue.parse(result.out)["verdict"] else { return "?" }
    return verdict
  }

  static func rules(_ result: ProcessResult) throws -> [String] {
    guard case .array(let findings)? = try JSONValue.parse(result.out)["findings"] else { return [] }
    return findings.compactMap { if case .string(let rule)? = $0["rule"] { rule } else { nil } }
  }

  @Test func theSameLineBlocksFromAnAIAndWarnsFromAPerson() throws {
    let ai = try Self.repository(branch: "ai", message: "Add settings" + Self.claude)
    let aiResult = try ai.paddock(["review", "main..ai", "--format", "json"])
    #expect(aiResult.status == 1, "\(aiResult.err)")
    #expect(try Self.verdict(aiResult) == "block")
    #expect(try Self.rules(aiResult).contains { $0.contains("aws") })
    #expect(!aiResult.out.contains("AKIAZ7QX4RLM2VBN6KTE"), "the secret must be masked in reports")

    let human = try Self.repository(branch: "person", message: "Add settings")
    let humanResult = try human.paddock(["review", "main..person", "--format", "json"])
    #expect(humanResult.status == 0, "\(humanResult.err)")
    #expect(try Self.verdict(humanResult) == "warn")

    let strict = try human.paddock(["review", "main..person", "--fail-on", "warning"])
    #expect(strict.status == 1)
    let lenient = try ai.paddock(["review", "main..ai", "--fail-on", "none"])
    #expect(lenient.status == 0)
    #expect(lenient.out.contains("WARN"))
  }

  @Test func timingsGoToStandardErrorAndLeaveTheReportAlone() throws {
    let repository = try Self.repository(branch: "ai", message: "Add settings" + Self.claude)
    let plain = try repository.paddock(["review", "main..ai", "--format", "json"])
    let timed = try repository.paddock(["review", "main..ai", "--format", "json", "--timings"])
    #expect(timed.status == plain.status)
    #expect(timed.out == plain.out)
    for phase in ["load configuration and rules", "walk and classify commits", "run rules", "render json", "total"] {
      #expect(timed.err.contains(phase), "\(timed.err)")
    }
    #expect(!plain.err.contains("total"))
  }

  @Test func aProtectedPathBlocksUntilAPersonReviews() throws {
    let repository = try TestRepository()
    try repository.write(".github/workflows/ci.yml", "on: push\njobs: {}\n")
    try repository.commit("CI")
    try repository.git(["checkout", "-q", "-b", "agent"])
    try repository.write(".github/workflows/ci.yml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n")
    try repository.commit("Add a test job" + Self.claude)
    let unreviewed = try repository.paddock(["review", "main..agent", "--format", "json"])
    #expect(unreviewed.status == 1)
    #expect(try Self.rules(unreviewed).contains("ai-protected-path-unreviewed"))

    // An agent's own review trailer does not count.
    try Self.amend(repository, "Add a test job" + Self.claude + "Reviewed-by: Claude <noreply@anthropic.com>\n")
    let selfReviewed = try repository.paddock(["review", "main..agent", "--format", "json"])
    #expect(selfReviewed.status == 1)

    try Self.amend(repository, "Add a test job" + Self.claude + "Reviewed-by: Grace Hopper <grace@example.com>\n")
    let reviewed = try repository.paddock(["review", "main..agent", "--format", "json"])
    #expect(reviewed.status == 0, "\(reviewed.out)")
    #expect(try !Self.rules(reviewed).contains("ai-protected-path-unreviewed"))
  }

  @Test func aPersonsInlineSuppressionLetsTheLineThrough() throws {
    let repository = try Self.repository(branch: "ai", message: "Add settings" + Self.claude)
    let rule = try #require(
      try Self.rules(try repository.paddock(["review", "main..ai", "--format", "json"])).first {
        $0.contains("aws")
      })
    try repository.write(
      "src/settings.py",
      "REGION = \"eu-west-1\"\n# paddock:ignore \(rule) -- test fixture key, never valid\n\(Self.riskyLine)\n")
    try repository.commit("Mark the fixture key")
    let result = try repository.paddock(["review", "main..ai", "--format", "json"])
    #expect(result.status == 0, "\(result.out)")
    guard case .array(let suppressed)? = try JSONValue.parse(result.out)["suppressed"] else {
      Issue.record("no suppressed[]")
      return
    }
    #expect(suppressed.count == 1)
  }

  @Test func theBaselineAcceptsOldFindings() throws {
    let repository = try Self.repository(branch: "ai", message: "Add settings" + Self.claude)
    let baseline = try repository.paddock(["baseline"])
    #expect(baseline.status == 0, "\(baseline.err)")
    #expect(FileManager.default.fileExists(atPath: repository.path + "/.paddock-baseline.json"))
    let result = try repository.paddock(["review", "main..ai", "--format", "json"])
    #expect(result.status == 0, "\(result.out)")
    #expect(try Self.verdict(result) != "block")
    let text = try repository.paddock(["review", "main..ai"])
    #expect(text.out.contains("suppressed"))
  }

  @Test func everyFormatRendersAndSarifValidates() throws {
    let repository = try Self.repository(branch: "ai", message: "Add settings" + Self.claude)
    for format in ["text", "json", "sarif", "github", "markdown", "rdjson", "rdjsonl", "junit", "codeclimate"] {
      let file = repository.siblingPath("report.\(format)")
      let result = try repository.paddock(["review", "main..ai", "--format", format, "--output", file])
      #expect(result.status == 1, "\(format): \(result.err)")
      #expect(result.stdout.isEmpty)
      let written = try String(contentsOfFile: file, encoding: .utf8)
      #expect(!written.isEmpty, "\(format) wrote nothing")
      if format == "sarif" {
        let schemaURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
          .appendingPathComponent("../PaddockCoreTests/Fixtures/sarif-schema-2.1.0.json")
        let schema = try JSONValue.parse(try String(contentsOf: schemaURL, encoding: .utf8))
        let errors = JSONSchemaValidator(schema: schema).validate(try JSONValue.parse(written))
        #expect(errors.isEmpty, "\(errors.prefix(5))")
      }
    }
  }

  @Test func githubFormatWritesTheJobSummary() throws {
    let repository = try Self.repository(branch: "ai", message: "Add settings" + Self.claude)
    let summary = repository.siblingPath("summary.md")
    let result = try PaddockBinary.run(
      ["review", "main..ai", "--format", "github"], in: repository.path,
      environment: repository.environment.merging(["GITHUB_STEP_SUMMARY": summary]) { $1 })
    #expect(result.out.contains("::error file=src/settings.py,line=2"))
    #expect(try String(contentsOfFile: summary, encoding: .utf8).contains("Paddock review: **block**"))
  }

  @Test func configurationErrorsAndUsage() throws {
    let repository = try Self.repository(branch: "ai", message: "Add settings" + Self.claude)
    try repository.write(".paddock.yml", "version: 1\nrules:\n  disable:\n    - no-such-rule\n")
    let unknown = try repository.paddock(["review", "main..ai"])
    #expect(unknown.status == 2)
    #expect(unknown.err.contains(".paddock.yml:4"))
    #expect(unknown.err.contains("paddock rules list"))
    try repository.write(".paddock.yml", "version: 1\nrules:\n  files: [rules/mine.yml]\n")
    try repository.write(
      "rules/mine.yml",
      "pack: mine\nrules:\n  - id: mine\n    title: t\n    severity: error\n    pattern: '(x'\n    message: m\n    fix: f\n"
    )
    let badRegex = try repository.paddock(["review", "main..ai"])
    #expect(badRegex.status == 2)
    #expect(badRegex.err.contains("rules/mine.yml:6"))
    let usage = try repository.paddock(["review", "--fail-on", "bogus"])
    #expect(usage.status == 64)
  }

  @Test func rulesCommands() throws {
    let repository = try TestRepository()
    let list = try repository.paddock(["rules", "list"])
    #expect(list.status == 0)
    #expect(list.out.contains("ai-protected-path-unreviewed"))
    // The JSON listing shows a rule's mechanical fix.
    let json = try repository.paddock(["rules", "list", "--format", "json"])
    #expect(json.status == 0)
    let listed = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]]
    let yaml = listed?.first { $0["id"] as? String == "python-yaml-unsafe-load" }
    #expect((yaml?["replacement"] as? String)?.contains("safe_load") == true, "\(String(describing: yaml))")
    let explain = try repository.paddock(["rules", "explain", "ai-signoff"])
    #expect(explain.status == 0)
    #expect(explain.out.contains("Signed-off-by"))
    let typo = try repository.paddock(["rules", "explain", "ai-sigoff"])
    #expect(typo.status == 2)
    #expect(typo.err.contains("did you mean `ai-signoff`"))
    let test = try repository.paddock(["rules", "test"])
    #expect(test.status == 0, "\(test.out)")
    #expect(test.out.contains(" 0 failed"))
    try repository.write(
      "mine.yml",
      "pack: mine\nrules:\n  - id: mine\n    title: t\n    severity: error\n    pattern: 'foo'\n    message: m\n    fix: f\n    examples:\n      fire: ['bar']\n      quiet: ['baz']\n"
    )
    let failing = try repository.paddock(["rules", "test", repository.path + "/mine.yml"])
    #expect(failing.status == 1)
    #expect(failing.out.contains("FAIL mine"))
  }
}
