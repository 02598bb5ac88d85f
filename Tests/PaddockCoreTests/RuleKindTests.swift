import Foundation
import PaddockChange
import PaddockGit
import TestSupport
import Testing

@testable import PaddockCore
@testable import PaddockRules

/// A kind defined here, outside the registry: the engine, the explainer and the renderers learn everything about it
/// from the type, so a new kind needs no change to any of them.
struct ChangedFilesKind: RuleKind, KindCheck {
  static let name = "changed-files"
  var limit: Int

  static func parse(_ parameters: RuleKindParameters) throws -> ChangedFilesKind {
    try parameters.allow(["limit"])
    return ChangedFilesKind(limit: try parameters.int("limit") ?? 1)
  }

  var reach: RuleReach { .change }
  var precision: String { "low" }
  var codeQualityCategory: String? { "Complexity" }
  var explanation: [(label: String, text: String)] { [("limit", "\(limit) files")] }

  func check(for rule: Rule) throws -> RuleCheck { RuleCheck(self) }

  func findings(change: ReviewChange, compiled: CompiledRule, everyAuthorship: Bool) -> [Finding] {
    guard change.files.count > limit else { return [] }
    return [
      ChangeChecks.finding(
        compiled.rule, file: nil, line: nil, change: change, message: "\(change.files.count) files", key: "files")
    ]
  }
}

@Suite struct RuleKindTests {
  static let rule = Rule(
    id: "many-files", title: "Many files", pack: "p", kind: ChangedFilesKind(limit: 1), severity: .warning,
    message: "m", fix: "f")

  static func change() -> ReviewChange {
    let commit = ReviewCommit(id: .repeating("a"), summary: "ai", author: "x <x@x>", authorship: .ai)
    let files = ["a.py", "b.py"].map {
      ReviewFile(path: $0, added: [AddedLine(number: 1, text: "x = 1", authorship: .ai, commit: 0)], content: ["x = 1"])
    }
    return ReviewChange(files: files, commits: [commit])
  }

  @Test func anUnregisteredKindRunsAndRendersFromItsType() throws {
    let findings = try RuleSet(rules: [Self.rule]).evaluate(Self.change())
    #expect(findings.map(\.message) == ["2 files"])
    let report = ReviewReport(
      outcome: ReviewOutcome(findings: findings, suppressed: [], verdict: .warn), change: Self.change(),
      attribution: nil, rules: [Self.rule], policy: .default, label: "x", head: .zero, version: "0")
    #expect(report.rules.first?.kind == "changed-files")
    #expect(report.rules.first?.precision == "low")
    #expect(report.rules.first?.category == "Complexity")
    let explained = RuleExplainer.explain(Self.rule)
    #expect(explained.contains("  kind        changed-files\n"))
    #expect(explained.contains("  limit       2 files\n") == false)
    #expect(explained.contains("  limit       1 files\n"))
  }

  @Test func kindsAreComparedWithTheirParameters() {
    var other = Self.rule
    #expect(other == Self.rule)
    other.kind = ChangedFilesKind(limit: 2)
    #expect(other != Self.rule)
    other.kind = DuplicateCodeKind(minLines: 2)
    #expect(other != Self.rule)
  }

  @Test func theRegistryNamesEachKindOnceAndCoversTheBuiltInRules() {
    #expect(Set(RuleKinds.names).count == RuleKinds.all.count)
    let used = Set(RuleCatalog.builtin.allRules.map(\.kind.name))
    #expect(used.isSubset(of: Set(RuleKinds.names)))
    #expect(Set(RuleKinds.names) == used, "a registered kind with no built-in rule has no example proving it")
  }

  @Test func anUnknownKindSuggestsTheNearestRegisteredOne() {
    let yaml = """
      pack: p
      rules:
        - id: r
          title: t
          kind: mising-tests
          severity: error
          message: m
          fix: f
      """
    #expect {
      try RulePack.parse(yaml, file: "p.yml")
    } throws: {
      "\($0)".contains("has unknown kind `mising-tests`") && "\($0)".contains("did you mean `missing-tests`?")
    }
  }

  @Test(arguments: [
    ("kind: duplicate-code\n    with: {min-lines: 1}", "sets `min-lines` below 2"),
    ("kind: missing-tests\n    with: {source: ['**/*.py']}", "without `with.source` and `with.test`"),
    ("kind: protected-paths\n    with: {pathz: ['x']}", "pathz"),
    ("kind: change-size\n    with: {max-ai-lines-per-commit: many}", "max-ai-lines-per-commit"),
    ("kind: multi-line\n    pattern: 'a'\n    with: {then: '${v}'}", "no group named `v`"),
    ("kind: secret", "without `pattern`"),
  ])
  func eachKindReadsItsOwnParameters(lines: String, expected: String) {
    let yaml = """
      pack: p
      rules:
        - id: r
          title: t
          severity: error
          \(lines)
          message: m
          fix: f
      """
    #expect {
      try RulePack.parse(yaml, file: "p.yml")
    } throws: {
      "\($0)".contains(expected)
    }
  }
}
