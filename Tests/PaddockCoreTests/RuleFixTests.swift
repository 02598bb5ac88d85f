import Foundation
import PaddockChange
import PaddockGit
import PaddockRegex
import TestSupport
import Testing

@testable import PaddockCore
@testable import PaddockRules

/// A pattern rule's `replacement:` from its pack to the finding and the GitHub suggestion a reviewer applies.
@Suite struct RuleFixTests {
  static let pack = """
    pack: fixes
    rules:
      - id: no-focused-suite
        title: Focused suite
        severity: error
        languages: [javascript]
        pattern: '\\b((describe|it)\\.only\\()'
        message: A focused suite skips the others.
        fix: Remove .only.
        replacement: '$2('
        examples:
          fire:
            - line: '  ⟦describe.only(⟧"cart", () => {'
              fixed: '  describe("cart", () => {'
          quiet:
            - 'describe("cart", () => {'
    """

  static func change(_ path: String, _ lines: [String]) -> ReviewChange {
    let commit = ReviewCommit(id: .repeating("a"), summary: "ai", author: "x <x@x>", authorship: .ai)
    let added = lines.enumerated().map {
      AddedLine(number: $0.offset + 1, text: $0.element, authorship: .ai, commit: 0, agent: "claude-code")
    }
    return ReviewChange(files: [ReviewFile(path: path, added: added, content: lines)], commits: [commit])
  }

  @Test func aPackReplacementReachesTheSuggestion() throws {
    let rules = try RulePack.parse(Self.pack, file: "fixes.yml").rules
    let findings = try RuleSet(rules: rules).evaluate(
      Self.change("cart.test.js", ["  describe.only(\"cart\", () => {"]))
    let finding = try #require(findings.first)
    // The finding still points at the match; the fix is the whole line.
    #expect(finding.column == 3 && finding.endColumn == 17)
    #expect(finding.replacement == "  describe(\"cart\", () => {")
    let body = GitHubReviewPublisher.commentBody(finding)
    #expect(body.contains("```suggestion\n  describe(\"cart\", () => {\n```"), "\(body)")
  }

  /// SARIF's `fixes` and reviewdog's `suggestions` carry the same fixed line as the GitHub suggestion.
  @Test func aPackReplacementReachesSARIFAndReviewdog() throws {
    let rules = try RulePack.parse(Self.pack, file: "fixes.yml").rules
    let change = Self.change("cart.test.js", ["ok()", "  describe.only(\"cart\", () => {"])
    let findings = try RuleSet(rules: rules).evaluate(change)
    let report = ReviewReport(
      outcome: ReviewOutcome(findings: findings, suppressed: [], verdict: .block), change: change, attribution: nil,
      rules: rules, policy: .default, label: "x", head: .zero, version: "0")

    let sarif = try JSONSerialization.jsonObject(with: Data(try SARIFRenderer.render(report).utf8)) as? [String: Any]
    let result = try #require(((sarif?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
    let change0 = try #require(
      ((result["fixes"] as? [[String: Any]])?.first?["artifactChanges"] as? [[String: Any]])?.first)
    let replacement = try #require((change0["replacements"] as? [[String: Any]])?.first)
    #expect((replacement["deletedRegion"] as? [String: Any])?["startLine"] as? Int == 2)
    #expect((replacement["insertedContent"] as? [String: Any])?["text"] as? String == "  describe(\"cart\", () => {")
    #expect((change0["artifactLocation"] as? [String: Any])?["uri"] as? String == "cart.test.js")

    let rdjson = try JSONSerialization.jsonObject(with: Data(try ReviewdogRenderer.render(report, lines: false).utf8))
    let diagnostic = try #require(((rdjson as? [String: Any])?["diagnostics"] as? [[String: Any]])?.first)
    let suggestion = try #require((diagnostic["suggestions"] as? [[String: Any]])?.first)
    #expect(suggestion["text"] as? String == "  describe(\"cart\", () => {\n")
    let range = try #require(suggestion["range"] as? [String: [String: Int]])
    #expect(range["start"] == ["line": 2, "column": 1] && range["end"] == ["line": 3, "column": 1])
  }

  @Test func theBuiltInYamlFixKeepsTheColumnsAndSkipsALoaderArgument() throws {
    let rule = try #require(RuleCatalog.builtin.allRules.first { $0.id == "python-yaml-unsafe-load" })
    let findings = try RuleSet(rules: [rule]).evaluate(
      Self.change(
        "app.py",
        [
          "cfg = yaml.load(stream)", "docs = yaml.load_all(f)",
          "docs = list(yaml.load_all(stream, Loader=yaml.FullLoader))",
        ]))
    #expect(findings.map(\.line) == [1, 2, 3])
    #expect(findings.map(\.column) == [7, 8, 13])
    #expect(findings.map(\.endColumn) == [17, 22, 27])
    #expect(
      findings.map(\.replacement) == ["cfg = yaml.safe_load(stream)", "docs = yaml.safe_load_all(f)", nil])
    #expect(GitHubReviewPublisher.commentBody(findings[0]).contains("```suggestion\ncfg = yaml.safe_load(stream)\n```"))
    #expect(!GitHubReviewPublisher.commentBody(findings[2]).contains("suggestion"))
  }

  @Test func aLineHoldingASecretOffersNoFix() throws {
    let secret = Rule(
      id: "tok", title: "token", pack: "p", kind: SecretKind(), severity: .error, pattern: #"(tok_[A-Za-z0-9]{16})"#,
      message: "m", fix: "f")
    let rules = try RulePack.parse(Self.pack, file: "fixes.yml").rules + [secret]
    let findings = try RuleSet(rules: rules).evaluate(
      Self.change("a.test.js", ["describe.only(\"tok_q8Zr2LmX0pVw7KcT\", () => {"]))
    let focused = try #require(findings.first { $0.rule == "no-focused-suite" })
    #expect(focused.replacement == nil)
  }

  @Test(arguments: [
    ("x$", "it ends with a lone `$`"),
    ("$a", "`$a` is neither a group nor a dollar"),
  ])
  func badTemplatesSayWhatToWrite(template: String, problem: String) {
    #expect(throws: ReplacementError(problem: problem)) { try Replacement(template) }
  }

  @Test func templatesExpandGroupsAndDollars() throws {
    let regex = try LinearRegex(#"(\w+)\.only\(()"#)
    let line = "  it.only(x)"
    let match = try #require(regex.firstMatch(in: line))
    #expect(try Replacement("$1($$)$2").fixed(line, match: match) == "  it($)x)")
    #expect(try Replacement("$0").fixed(line, match: match) == line)
  }

  @Test(arguments: [
    ("replacement: '$2('", "naming `$2`, but `pattern` has 1 group; use `$0` to `$1`"),
    ("replacement: 'x$'", "where it ends with a lone `$`; write `$0` for the whole match"),
    ("kind: secret\n    replacement: 'x'", "gives `replacement` to a secret rule"),
  ])
  func packErrorsNameTheProblem(line: String, expected: String) {
    let yaml = """
      pack: p
      rules:
        - id: r
          title: t
          severity: error
          pattern: '(a)'
          \(line)
          message: m
          fix: f
          examples:
            fire: [{line: '⟦a⟧', fixed: 'b'}]
            quiet: ['b']
      """
    #expect {
      try RulePack.parse(yaml, file: "p.yml")
    } throws: {
      "\($0)".contains(expected)
    }
  }

  @Test func aRuleWithAReplacementProvesItWithAFixedExample() {
    let yaml = """
      pack: p
      rules:
        - id: r
          title: t
          severity: error
          pattern: 'a'
          replacement: 'b'
          message: m
          fix: f
          examples:
            fire: ['⟦a⟧']
            quiet: ['b']
      """
    #expect {
      try RulePack.parse(yaml, file: "p.yml")
    } throws: {
      "\($0)".contains("has `replacement` but no fire example with `fixed`")
    }
  }

  @Test func aWrongFixedLineFailsTheExampleAndItsMutations() throws {
    let wrong = Self.pack.replacingOccurrences(
      of: "fixed: '  describe(\"cart\", () => {'", with: "fixed: '  describe(\"basket\", () => {'")
    let rule = try #require(try RulePack.parse(wrong, file: "fixes.yml").rules.first)
    let results = RuleExampleRunner.run(rule, classifier: try CommitClassifier(catalogue: .builtin))
    let failed = results.filter { !$0.passed }
    #expect(failed.count == 1)
    #expect(failed.first?.problem?.contains("offers the fixed line `  describe(\"cart\", () => {`") == true)
    // Right, it passes as written and under `crlf` and `prefix`, whose fixed line carries the prefix.
    let right = try #require(try RulePack.parse(Self.pack, file: "fixes.yml").rules.first)
    let passed = RuleExampleRunner.run(right, classifier: try CommitClassifier(catalogue: .builtin))
    #expect(passed.filter { !$0.passed }.isEmpty)
    #expect(Set(passed.compactMap(\.mutation)).isSuperset(of: [.crlf, .prefix]))
  }

  @Test func aMutationMovesTheFixedLineWithItsEdits() {
    let line = "  describe.only(\"cart\", x)"
    let fixed = "  describe(\"cart\", x)"
    let prefix = [TextEdit(offset: 2, insert: "/* é */ ")]
    #expect(
      RuleExampleRunner.mutatedFix(line: line, fixed: fixed, edits: prefix, column: 3)
        == "  /* é */ describe(\"cart\", x)")
    // A split after the fixed bytes: the piece the mark starts on.
    let split = [TextEdit(offset: 16, insert: "\n    "), TextEdit(offset: 23, remove: 1, insert: "\n    ")]
    #expect(RuleExampleRunner.mutatedFix(line: line, fixed: fixed, edits: split, column: 3) == "  describe(")
    // An edit inside the bytes the fix changes: no line to expect.
    #expect(
      RuleExampleRunner.mutatedFix(line: line, fixed: fixed, edits: [TextEdit(offset: 12, insert: "x")], column: 3)
        == nil)
  }
}
