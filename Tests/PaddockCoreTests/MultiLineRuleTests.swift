import PaddockChange
import PaddockCore
import PaddockRules
import Testing

/// The `multi-line` kind: a pattern over lines joined by line breaks, `then`, `inside`, and their errors.
@Suite struct MultiLineRuleTests {
  static func pack(_ with: String, pattern: String = "'(?P<var>\\w+) = build\\('") -> String {
    """
    pack: mine
    rules:
      - id: my-rule
        title: t
        kind: multi-line
        severity: warning
        pattern: \(pattern)
        message: m
        fix: f
    \(with)
    """
  }

  static func findings(_ pack: String, lines: [String], context: [String] = []) throws -> [Finding] {
    let rule = try #require(try RulePack.parse(pack, file: "rules/mine.yml").rules.first)
    return RuleExampleRunner.evaluate(
      rule, on: RuleExample(lines: lines, context: context), classifier: try CommitClassifier(catalogue: .builtin))
  }

  @Test func thenNamesAGroupThePatternLacks() {
    let error = #expect(throws: ConfigError.self) {
      try RulePack.parse(Self.pack("    with: { then: 'run\\(${name}\\)' }"), file: "rules/mine.yml")
    }
    #expect(error?.line == 10)
    #expect(error?.message.contains("`${name}`") == true)
    #expect(error?.fix.contains("(?P<name>") == true)
  }

  @Test func insideNeedsBothRegexes() {
    let error = #expect(throws: ConfigError.self) {
      try RulePack.parse(Self.pack("    with: { inside: { opener: '^func' } }"), file: "rules/mine.yml")
    }
    #expect(error?.message.contains("without `opener` and `require`") == true)
    #expect(error?.fix.contains("opener:") == true)
  }

  @Test func badLimitsAndUnknownKeys() {
    let zero = #expect(throws: ConfigError.self) {
      try RulePack.parse(Self.pack("    with: { max-lines: 0 }"), file: "rules/mine.yml")
    }
    #expect(zero?.fix.contains("how many lines a match may span") == true)
    let unknown = #expect(throws: ConfigError.self) {
      try RulePack.parse(Self.pack("    with: { thn: 'x' }"), file: "rules/mine.yml")
    }
    #expect(unknown?.fix.contains("did you mean `then`") == true)
  }

  /// `then` must match within `within` lines, naming the same variable; a `then` running past the end of the file
  /// is cut there.
  @Test func thenFollowsTheCapturedName() throws {
    let pack = Self.pack("    with: { then: 'run\\(${var}\\)', within: 2 }")
    #expect(try Self.findings(pack, lines: ["q = build(x)", "run(q)"]).map(\.line) == [1])
    #expect(try Self.findings(pack, lines: ["q = build(x)", "run(other)"]).isEmpty)
    #expect(try Self.findings(pack, lines: ["q = build(x)", "", "", "run(q)"]).isEmpty)
    #expect(try Self.findings(pack, lines: ["q = build(x)"]).isEmpty)
    // The name is taken literally: `a.b` in the pattern's capture does not match `aXb`.
    let dotted = Self.pack(
      "    with: { then: 'run\\(${var}\\)' }", pattern: "'(?P<var>[\\w.]+) = build\\('")
    #expect(try Self.findings(dotted, lines: ["a.b = build(x)", "run(aXb)"]).isEmpty)
    #expect(try Self.findings(dotted, lines: ["a.b = build(x)", "run(a.b)"]).count == 1)
    // Only the run was added: the finding is still reported, on the line that built the value.
    let onContext = try Self.findings(pack, lines: ["run(q)"], context: ["q = build(x)"])
    #expect(onContext.map(\.line) == [1])
  }

  /// A match none of whose lines the change added is not reported; one spanning more than `max-lines` is dropped.
  @Test func addedLinesAndSpan() throws {
    let pack = Self.pack("    with: { max-lines: 2 }", pattern: "'(a\\s*b)'")
    #expect(try Self.findings(pack, lines: ["x"], context: ["a", "b"]).isEmpty)
    let found = try Self.findings(pack, lines: ["  a", "b"])
    #expect(found.map { [$0.line, $0.column, $0.endLine, $0.endColumn] } == [[1, 3, 2, 2]])
    #expect(try Self.findings(pack, lines: ["a", "", "b"]).isEmpty)
  }

  @Test func insideRequiresTheEnclosingLine() throws {
    let pack = Self.pack(
      "    with: { inside: { opener: '^func', require: 'error \\{$' } }", pattern: "'return nil'")
    #expect(try Self.findings(pack, lines: ["  return nil"], context: ["func f() error {"]).count == 1)
    #expect(try Self.findings(pack, lines: ["  return nil"], context: ["func f() *T {"]).isEmpty)
    #expect(try Self.findings(pack, lines: ["return nil"]).isEmpty)
  }

  /// Every line of a long file matches; the whole file is one RE2 scan per match, so this ends promptly and
  /// reports each match once.
  @Test func aFileOfMatchesReportsEachOnce() throws {
    let pack = Self.pack("    with: { max-lines: 2 }", pattern: "'(x\\s*y)'")
    let lines = Array(repeating: ["x", "y"], count: 2_000).flatMap { $0 }
    #expect(try Self.findings(pack, lines: lines).count == 2_000)
  }
}
