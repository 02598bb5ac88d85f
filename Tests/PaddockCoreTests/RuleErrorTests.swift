import Foundation
import PaddockChange
import PaddockCore
import PaddockRules
import Testing

/// Bad rule files and bad configuration name the file, the line and the fix.
@Suite struct RuleErrorTests {
  static let validRule = """
    pack: mine
    rules:
      - id: my-rule
        title: t
        severity: warning
        pattern: 'x'
        message: m
        fix: f
    """

  @Test func malformedYAML() {
    let error = #expect(throws: ConfigError.self) {
      try RulePack.parse("pack: mine\nrules:\n  - id: a\n    title: [unclosed\n", file: "rules/mine.yml")
    }
    #expect(error?.file == "rules/mine.yml")
    #expect(error?.line != nil)
    #expect(error?.description.contains("not valid YAML") == true)
  }

  @Test func unknownKeyNamesLineAndSuggestion() {
    let text = Self.validRule.replacingOccurrences(of: "    pattern: 'x'", with: "    patern: 'x'")
    let error = #expect(throws: ConfigError.self) { try RulePack.parse(text, file: "rules/mine.yml") }
    #expect(error?.line == 6)
    #expect(error?.message.contains("unknown key `patern`") == true)
    #expect(error?.fix.contains("did you mean `pattern`") == true)
  }

  @Test func invalidRegularExpression() {
    let text = Self.validRule.replacingOccurrences(of: "pattern: 'x'", with: "pattern: '(unclosed'")
    let error = #expect(throws: ConfigError.self) { try RulePack.parse(text, file: "rules/mine.yml") }
    #expect(error?.line == 6)
    #expect(error?.message.contains("invalid regular expression") == true)
    #expect(error?.fix.contains("RE2 syntax") == true)
  }

  /// Lookarounds need backtracking; the error says what to write instead.
  @Test func lookaroundIsRefusedWithAnAlternative() {
    let text = Self.validRule.replacingOccurrences(of: "pattern: 'x'", with: "pattern: 'key(?![a-z])'")
    let error = #expect(throws: ConfigError.self) { try RulePack.parse(text, file: "rules/mine.yml") }
    #expect(error?.line == 6)
    #expect(error?.fix.contains("lookarounds are not supported") == true, "\(String(describing: error))")
    #expect(error?.fix.contains("pattern-not") == true)
  }

  /// The options that read around the line are parsed, and their regexes checked like `pattern`'s.
  @Test func patternsAroundTheLineAreParsedAndChecked() throws {
    let text = Self.validRule.replacingOccurrences(
      of: "pattern: 'x'", with: "pattern: 'x'\n    pattern-not-before: 'y'\n    pattern-not-statement: 'z'")
    let rule = try #require(try RulePack.parse(text, file: "rules/mine.yml").rules.first)
    #expect(rule.patternNotBefore == "y" && rule.patternNotStatement == "z")
    // A list is one alternation; each item is checked on its own, and an empty list is refused.
    let list = Self.validRule.replacingOccurrences(
      of: "pattern: 'x'", with: "pattern: 'x'\n    pattern-not:\n      - 'a|b'\n      - '(?i)c'")
    #expect(try RulePack.parse(list, file: "rules/mine.yml").rules.first?.patternNot == "(?:a|b)|(?:(?i)c)")
    let badItem = list.replacingOccurrences(of: "'(?i)c'", with: "'(c'")
    let itemError = #expect(throws: ConfigError.self) { try RulePack.parse(badItem, file: "rules/mine.yml") }
    #expect(itemError?.line == 9)
    let empty = Self.validRule.replacingOccurrences(of: "pattern: 'x'", with: "pattern: 'x'\n    pattern-not: []")
    let emptyError = #expect(throws: ConfigError.self) { try RulePack.parse(empty, file: "rules/mine.yml") }
    #expect(emptyError?.message.contains("empty list") == true)
    for key in ["pattern-not-before", "pattern-not-statement", "pattern-not-in-file"] {
      let bad = Self.validRule.replacingOccurrences(of: "pattern: 'x'", with: "pattern: 'x'\n    \(key): '(y'")
      let error = #expect(throws: ConfigError.self) { try RulePack.parse(bad, file: "rules/mine.yml") }
      #expect(error?.line == 7, "\(key)")
      #expect(error?.message.contains("invalid regular expression") == true, "\(key)")
    }
  }

  @Test func nonKebabIDAndUnknownKind() {
    let badID = Self.validRule.replacingOccurrences(of: "id: my-rule", with: "id: My_Rule")
    let error = #expect(throws: ConfigError.self) { try RulePack.parse(badID, file: "r.yml") }
    #expect(error?.message.contains("kebab-case") == true)
    let badKind = Self.validRule.replacingOccurrences(
      of: "    pattern: 'x'", with: "    kind: secrte\n    pattern: 'x'")
    let kindError = #expect(throws: ConfigError.self) { try RulePack.parse(badKind, file: "r.yml") }
    #expect(kindError?.fix.contains("did you mean `secret`") == true)
  }

  @Test func unknownRuleIDInConfig() throws {
    let config = try PaddockConfig.parse(
      "version: 1\nrules:\n  disable:\n    - python-evl-call\n    - nonexistent-thing\n", file: ".paddock.yml")
    let error = #expect(throws: ConfigError.self) { try RuleCatalog.builtin.enabledRules(config) }
    #expect(error?.file == ".paddock.yml")
    #expect(error?.line == 4)
    #expect(error?.message.contains("does not exist") == true)
    #expect(error?.fix.contains("paddock rules list") == true)
  }

  @Test func unknownConfigKeyAndBadPolicy() {
    let unknown = #expect(throws: ConfigError.self) {
      try PaddockConfig.parse("version: 1\npolcy:\n  ai:\n    block: error\n", file: ".paddock.yml")
    }
    #expect(unknown?.line == 2)
    #expect(unknown?.fix.contains("did you mean `policy`") == true)
    let badLevel = #expect(throws: ConfigError.self) {
      try PaddockConfig.parse("policy:\n  ai:\n    block: fatal\n", file: ".paddock.yml")
    }
    #expect(badLevel?.line == 3)
    #expect(badLevel?.fix.contains("error, warning, note, or none") == true)
  }

  @Test func configDisablesAndOverrides() throws {
    let config = try PaddockConfig.parse(
      """
      rules:
        disable-packs: [ai-hygiene]
        disable: [duplicate-code]
        severity:
          new-dependency: error
          ai-change-without-tests: { human: off, ai: error }
      protected-paths: ['infra/**']
      limits: { ai-lines-per-commit: 10 }
      policy:
        human: { block: error }
      """, file: ".paddock.yml")
    let rules = try RuleCatalog.builtin.enabledRules(config)
    #expect(!rules.contains { $0.pack == "ai-hygiene" })
    #expect(!rules.contains { $0.id == "duplicate-code" })
    let protected = try #require(rules.lazy.compactMap { $0.kind as? ProtectedPathsKind }.first)
    let globs = protected.globs + protected.configured
    #expect(globs.contains("infra/**") && globs.contains(".github/workflows/**"))
    let size = try #require(rules.lazy.compactMap { $0.kind as? ChangeSizeKind }.first)
    #expect(size.limits.perCommit == 10)
    #expect(config.review.policy.human.block == .error)
    let overrides = RuleCatalog.builtin.severityOverrides(config)
    #expect(overrides["new-dependency"]?.severity(for: .human, default: .warning) == .error)
    #expect(overrides["ai-change-without-tests"]?.severity(for: .human, default: .warning) == nil)
    #expect(overrides["ai-change-without-tests"]?.severity(for: .ai, default: .warning) == .error)
  }
}
