import Foundation
import TestSupport
import Testing

/// Input written to hurt: rules that backtrack without end, and lines of megabytes.
@Suite struct HostileInputTests {
  static let rule = """
    pack: mine
    rules:
      - id: slow
        title: A pattern that backtracks
        severity: error
        pattern: '(a+)+$'
        message: m
        fix: f
        examples:
          fire: ['aaa']
          quiet: ['b']

    """

  /// Each line makes `(a+)+$` try about 2^40 ways before failing: without a budget the review would not finish.
  @Test func aBacktrackingRuleIsStoppedPerFileAndReported() throws {
    let repository = try TestRepository()
    try repository.write("README.md", "start\n")
    try repository.write("rules/mine.yml", Self.rule)
    try repository.write(".paddock.yml", "version: 1\nrules:\n  files: [rules/mine.yml]\n")
    try repository.commit("Start")
    try repository.git(["checkout", "-q", "-b", "ai"])
    let hostile = (0..<20).map { _ in String(repeating: "a", count: 40) + "!\n" }.joined()
    try repository.write("one.txt", hostile)
    try repository.write("two.txt", hostile)
    try repository.commit("Add data" + ReportEndToEndTests.claude)

    // Without the budget this review does not finish: the test hangs instead of passing.
    let result = try repository.paddock(["review", "main..ai", "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    let findings = json["findings"] as? [[String: Any]] ?? []
    let stopped = findings.filter { $0["rule"] as? String == "paddock-rule-timeout" }
    // One finding per file, on the line where the rule was stopped; the rule itself never fires.
    #expect(Set(stopped.compactMap { $0["path"] as? String }) == ["one.txt", "two.txt"], "\(findings)")
    #expect(stopped.allSatisfy { $0["line"] as? Int == 1 && $0["severity"] as? String == "warning" })
    #expect(stopped.allSatisfy { ($0["message"] as? String)?.contains("`slow`") == true })
    #expect(!findings.contains { $0["rule"] as? String == "slow" })
  }

  @Test func linesOfMegabytesAreReviewed() throws {
    let repository = try TestRepository()
    try repository.write("README.md", "start\n")
    try repository.commit("Start")
    try repository.git(["checkout", "-q", "-b", "ai"])
    // A 3 MB minified line that also holds a secret-shaped token at its end, and a 6 MB file over the text limit.
    let long = String(repeating: "x=1;", count: 750_000) + "AKIAIOSFODNN7EXAMPLF\n"
    try repository.write("bundle.min.js", long)
    try repository.write("big.txt", String(repeating: "line of text\n", count: 500_000))
    try repository.commit("Add bundle" + ReportEndToEndTests.claude)
    let result = try repository.paddock(["review", "main..ai", "--format", "json"])
    #expect(result.status == 1, "\(result.err)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    let findings = json["findings"] as? [[String: Any]] ?? []
    // The key at the end of the 3 MB line is found, and masked in the snippet.
    let key = try #require(findings.first { $0["rule"] as? String == "aws-access-key-id" })
    #expect(key["path"] as? String == "bundle.min.js" && key["line"] as? Int == 1)
    #expect((key["snippet"] as? String)?.contains("AKIAIOSFODNN7EXAMPLF") == false)
    // 500,000 repeated lines are one duplicated span, reported once, not one finding per window.
    let duplicates = findings.filter { $0["rule"] as? String == "duplicate-code" }
    #expect(duplicates.count == 1 && duplicates.first?["path"] as? String == "big.txt", "\(duplicates.count)")
    #expect(duplicates.first?["end_line"] as? Int == 500_000, "\(duplicates.first ?? [:])")
    let attribution = try repository.paddock(["attribute", "main..ai", "--format", "json"])
    #expect(attribution.status == 0, "\(attribution.err)")
  }
}
