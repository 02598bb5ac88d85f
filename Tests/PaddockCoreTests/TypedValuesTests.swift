import Foundation
import PaddockChange
import PaddockCore
import PaddockGit
import TestSupport
import Testing

@Suite struct TypedValuesTests {
  @Test func authorshipSummaryOfLines() {
    #expect(AuthorshipSummary(of: [Authorship]()) == .none)
    #expect(AuthorshipSummary(of: [.ai, .ai]) == .ai)
    #expect(AuthorshipSummary(of: [.bot]) == .bot)
    #expect(AuthorshipSummary(of: [.ai, .human]) == .mixed)
    #expect(LineCounts(ai: 0, human: 3).summary == .human)
    #expect(LineCounts(ai: 1, unknown: 1).summary == .mixed)
    #expect(LineCounts().summary == .none)
    #expect(AuthorshipSummary.mixed.single == nil && AuthorshipSummary.unknown.single == .unknown)
  }

  /// The wire keeps the strings the field held before it had a type.
  @Test(arguments: AuthorshipSummary.allCases)
  func authorshipSummaryEncodesItsName(_ summary: AuthorshipSummary) throws {
    let json = String(decoding: try JSONEncoder().encode([summary]), as: UTF8.self)
    #expect(json == "[\"\(summary.rawValue)\"]")
    #expect(try JSONDecoder().decode([AuthorshipSummary].self, from: Data(json.utf8)) == [summary])
    #expect(["ai", "human", "bot", "unknown", "mixed", "none"].contains(summary.rawValue))
  }

  @Test func everyFormatIsOnSomeMenu() {
    let offered = Set(OutputFormat.Menu.allCases.flatMap(\.formats))
    #expect(offered == Set(OutputFormat.allCases))
  }

  @Test func menusSayWhatTheyOffer() {
    #expect(OutputFormat.Menu.attribution.list == "text or json")
    #expect(OutputFormat.Menu.report.format(named: "html") == .html)
    #expect(OutputFormat.Menu.report.format(named: "sarif") == nil)
    #expect(OutputFormat.Menu.review.format(named: "csv") == nil)
    #expect(OutputFormat.Menu.attribution.format(named: "JSON") == nil)
  }

  @Test func aReviewIsNotRenderedInAReportFormat() throws {
    let report = ReviewReport(
      outcome: ReviewOutcome(findings: [], suppressed: [], verdict: .pass),
      change: ReviewChange(files: [], commits: []),
      attribution: nil, rules: [], policy: .default, label: "main..feature", head: .repeating("c"),
      version: "0.1.0")
    #expect(throws: OutputFormat.Unsupported(format: .csv, menu: .review)) {
      try OutputFormat.csv.render(report)
    }
    #expect(
      OutputFormat.Unsupported(format: .html, menu: .review).localizedDescription
        == "no html output here; use text, json, sarif, github, markdown, rdjson, rdjsonl, junit or codeclimate")
  }

  /// Commit ids in reports are `ObjectID`s on the wire as the 40-digit hex git prints.
  @Test func objectIDsEncodeAsHex() throws {
    let hex = "0123456789abcdef0123456789abcdef01234567"
    let id = try #require(ObjectID(hex: hex))
    #expect(String(decoding: try JSONEncoder().encode([id]), as: UTF8.self) == "[\"\(hex)\"]")
    #expect(try JSONDecoder().decode([ObjectID].self, from: Data("[\"\(hex)\"]".utf8)) == [id])
    #expect(throws: DecodingError.self) { try JSONDecoder().decode([ObjectID].self, from: Data("[\"abc\"]".utf8)) }
  }
}
