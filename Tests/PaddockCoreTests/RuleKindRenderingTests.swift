import Foundation
import PaddockChange
import PaddockCore
import PaddockGit
import PaddockRules
import Testing

/// Renderers ask a rule's kind what they need; a rule's id or kind name does not decide it.
@Suite struct RuleKindRenderingTests {
  static func report(_ rules: [Rule]) -> ReviewReport {
    let findings = rules.map {
      Finding(
        rule: $0.id, title: $0.title, severity: .warning, path: "a.py", line: 1, authorship: .ai, message: "m",
        fix: "f")
    }
    return ReviewReport(
      outcome: ReviewOutcome(findings: findings, suppressed: [], verdict: .warn),
      change: ReviewChange(files: [], commits: []), attribution: nil, rules: rules, policy: .default, label: "x",
      head: .zero, version: "0")
  }

  @Test func codeClimateCategoryComesFromTheKind() throws {
    // Named to mislead: the pattern rule's id says "duplicate", the duplicate-code rule's does not.
    let pattern = Rule(
      id: "no-duplicate-keys", title: "t", pack: "p", severity: .warning, pattern: "x", message: "m", fix: "f")
    let copies = Rule(
      id: "pasted-logic", title: "t", pack: "p", kind: DuplicateCodeKind(minLines: 6), severity: .warning, message: "m",
      fix: "f")
    let json = try CodeClimateRenderer.render(Self.report([pattern, copies]))
    let issues = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    let categories = Dictionary(
      uniqueKeysWithValues: issues.map { ($0["check_name"] as? String ?? "", $0["categories"] as? [String] ?? []) })
    #expect(categories["no-duplicate-keys"] == ["Security"])
    #expect(categories["pasted-logic"] == ["Duplication"])
  }

  @Test func sarifPrecisionComesFromTheKind() throws {
    let multiLine = Rule(
      id: "m", title: "t", pack: "p", kind: MultiLineKind(), severity: .warning, pattern: "x",
      message: "m", fix: "f")
    let size = Rule(
      id: "s", title: "t", pack: "p", kind: ChangeSizeKind(ChangeSizeLimits(perCommit: 1, perChange: nil)),
      severity: .warning, message: "m", fix: "f")
    let sarif = try SARIFRenderer.render(Self.report([multiLine, size]))
    let root = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
    let runs = try #require(root["runs"] as? [[String: Any]])
    let driver = try #require((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let rules = try #require(driver["rules"] as? [[String: Any]])
    let precision = Dictionary(
      uniqueKeysWithValues: rules.map {
        ($0["id"] as? String ?? "", ($0["properties"] as? [String: Any])?["precision"] as? String ?? "")
      })
    #expect(precision == ["m": "high", "s": "medium"])
  }
}
