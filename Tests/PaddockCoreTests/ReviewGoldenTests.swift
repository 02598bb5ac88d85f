import Foundation
import PaddockChange
import PaddockCore
import PaddockGit
import PaddockModelReview
import PaddockNet
import PaddockRules
import TestSupport
import Testing

/// Every review format, byte for byte, against `Golden/review.*`; machine formats also against their schema.
/// Re-record with `RECORD_SNAPSHOTS=1 swift test --filter ReviewGoldenTests`.
@Suite struct ReviewGoldenTests {
  static let rules = [
    Rule(
      id: "demo-eval", title: "eval on input", pack: "demo", severity: .error, languages: [.python],
      keywords: ["eval"], pattern: #"\b(eval)\("#, ignoreIn: [.comments, .strings],
      message: "Evaluates text as code: 100% of input, even \"quotes\", <tags>, a|b, and a:b,c reach it.",
      fix: "Use ast.literal_eval.\nOr parse it.", references: ["CWE-95"], tags: ["security"]),
    Rule(
      id: "demo-todo", title: "Placeholder left in", pack: "demo", severity: .warning, keywords: ["todo"],
      pattern: "TODO: implement", message: "A placeholder instead of code.", fix: "Write the code."),
    Rule(
      id: "demo-print", title: "Debug print", pack: "demo", severity: .note, keywords: ["print"],
      pattern: #"print\("#, message: "A debug print.", fix: "Remove it."),
  ]

  /// A fixed change: AI and human lines, a suppression, a non-ASCII path.
  static func report() throws -> ReviewReport {
    let commits = [
      ReviewCommit(
        id: .repeating("a"), summary: "Add loader", author: "Claude <noreply@anthropic.com>",
        authorship: .ai, agent: "claude-code"),
      ReviewCommit(
        id: .repeating("b"), summary: "Fix loader", author: "Ada <ada@example.com>",
        authorship: .human),
    ]
    let loader = [
      "import ast", "def load(text):", "    # TODO: implement caching", "    return eval(text)",
      "# paddock:ignore demo-eval -- input is a constant", "CONST = eval('1+1')", "print(load('2'))",
    ]
    let authors: [Authorship] = [.human, .ai, .ai, .ai, .human, .human, .human]
    let added = loader.indices.map {
      AddedLine(
        number: $0 + 1, text: loader[$0], authorship: authors[$0], commit: authors[$0] == .ai ? 0 : 1,
        agent: authors[$0] == .ai ? "claude-code" : nil)
    }
    let scriptLines = ["value = eval(input())"]
    let script = ReviewFile(
      path: "tools/größe, v1.py",
      added: [AddedLine(number: 1, text: scriptLines[0], authorship: .human, commit: 1)], content: scriptLines)
    let change = ReviewChange(
      files: [ReviewFile(path: "src/loader.py", added: added, content: loader), script], commits: commits)
    let reviewer = Reviewer(ruleSet: try RuleSet(rules: rules))
    let outcome = reviewer.adding(model: modelResult(), to: reviewer.review(change), change: change)
    return ReviewReport(
      outcome: outcome, change: change, attribution: nil, rules: rules, policy: .default, label: "main..feature",
      head: .repeating("c"), version: "0.1.0", modelReview: modelResult().summary)
  }

  /// A model review that found one thing, skipped a hunk past the deadline and rejected a finding.
  static func modelResult() -> ModelReviewResult {
    var finding = Finding(
      rule: ModelReviewer.ruleID, title: "Unvalidated input reaches eval", severity: .warning, path: "src/loader.py",
      line: 4, authorship: .ai, agent: "claude-code", commit: .repeating("a"),
      message: "`text` comes from the caller and is evaluated as code.", fix: "Check the finding.",
      snippet: "    return eval(text)", fingerprint: "model-fingerprint")
    finding.source = .model
    finding.confidence = 0.8
    finding.model = "qwen2.5-coder"
    let summary = ModelReviewSummary(
      status: .partial, provider: "openai", model: "qwen2.5-coder", promptVersion: ModelPrompt.version,
      onUnavailable: .warn, hunks: 3, cached: 1, sent: 1,
      requests: 2, promptTokens: 900, completionTokens: 120, milliseconds: 4200, findings: 1, lowConfidence: 1,
      skipped: [
        .init(path: "tools/größe, v1.py", start: 1, reason: "model.deadline (60 s) passed before this batch was sent")
      ],
      rejected: [
        .init(
          path: "src/loader.py", line: 1, title: "Unused import",
          reason: "line 1 of src/loader.py is not a line this change added")
      ],
      errors: ["model.deadline (60 s) passed before this batch was sent"])
    return ModelReviewResult(findings: [finding], summary: summary)
  }

  @Test(arguments: OutputFormat.Menu.review.formats)
  func format(_ format: OutputFormat) throws {
    let ext =
      switch format {
      case .text: "txt"
      case .json, .sarif, .rdjson, .codeclimate: "\(format.rawValue).json"
      case .rdjsonl: "rdjsonl"
      case .github: "github.txt"
      case .markdown: "md"
      case .junit: "junit.xml"
      case .csv, .html: "not on the review menu"
      }
    try GoldenOutputTests.check(try format.render(try Self.report()), against: "review.\(ext)")
  }

  @Test func reportContents() throws {
    let report = try Self.report()
    #expect(report.verdict == .block)
    #expect(report.findings.map(\.rule) == ["demo-todo", "demo-eval", "model-review", "demo-print", "demo-eval"])
    #expect(report.findings.map(\.decision) == [.warn, .block, .warn, .pass, .warn])
    #expect(report.findings.map(\.source) == [.rule, .rule, .model, .rule, .rule])
    #expect(report.modelReview?.effect == .warn)
    #expect(report.suppressed.map(\.line) == [6])
    #expect(report.summary.lines.ai == 3 && report.summary.lines.human == 5)
    let json = try JSONValue.parse(try OutputFormat.json.render(report))
    #expect(json["schema"] == .string("paddock.review/1"))
    #expect(json["verdict"] == .string("block"))
    guard case .array(let findings)? = json["findings"], case .object(let first)? = findings.first else {
      Issue.record("findings is not an array of objects")
      return
    }
    for key in ["rule", "severity", "path", "line", "authorship", "fingerprint", "decision"] {
      #expect(first[key] != nil, "findings[] lacks \(key)")
    }
  }

  static let sarifSchema: JSONValue = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/sarif-schema-2.1.0.json")
    do {
      return try JSONValue.parse(try String(contentsOf: url, encoding: .utf8))
    } catch {
      preconditionFailure("cannot read the SARIF schema fixture: \(error)")
    }
  }()

  @Test func sarifValidatesAgainstTheSchema() throws {
    let sarif = try JSONValue.parse(try OutputFormat.sarif.render(try Self.report()))
    let errors = JSONSchemaValidator(schema: Self.sarifSchema).validate(sarif)
    #expect(errors.isEmpty, "\(errors.prefix(10))")
    // What GitHub code scanning needs beyond the schema.
    guard case .array(let runs)? = sarif["runs"], case .array(let results)? = runs.first?["results"] else {
      Issue.record("no runs[0].results")
      return
    }
    #expect(results.count == 6)
    for result in results {
      #expect(result["partialFingerprints"]?["primaryLocationLineHash"] != nil)
      guard case .array(let locations)? = result["locations"] else { continue }
      #expect(locations.first?["physicalLocation"]?["region"]?["startLine"] != nil)
    }
  }

  /// The validator is not a rubber stamp: a SARIF log with a wrong version and a bad level fails.
  @Test func brokenSarifFailsTheSchema() throws {
    var text = try OutputFormat.sarif.render(try Self.report())
    text = text.replacingOccurrences(of: "\"version\" : \"2.1.0\"", with: "\"version\" : \"2.0\"")
    text = text.replacingOccurrences(of: "\"level\" : \"warning\"", with: "\"level\" : \"severe\"")
    let errors = JSONSchemaValidator(schema: Self.sarifSchema).validate(try JSONValue.parse(text))
    #expect(errors.contains { $0.contains("$.version") })
    #expect(errors.contains { $0.contains(".level") })
  }

  @Test func githubEscaping() {
    #expect(GitHubRendererProbe.property("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
  }
}

/// Reaches the GitHub escaping through the public renderer.
enum GitHubRendererProbe {
  static func property(_ text: String) -> String {
    let finding = Finding(
      rule: "r", title: text, severity: .error, path: "p", line: 1, authorship: .human, message: "m", fix: "")
    let report = ReviewReport(
      outcome: ReviewOutcome(findings: [finding], suppressed: [], verdict: .warn),
      change: ReviewChange(files: [], commits: []), attribution: nil, rules: [], policy: .default, label: "x",
      head: .zero, version: "0")
    let line = GitHubRenderer.render(report).split(separator: "\n").first.map(String.init) ?? ""
    guard let start = line.range(of: "title=r%3A "), let end = line.range(of: " [human]::") else { return line }
    return String(line[start.upperBound..<end.lowerBound])
  }
}
