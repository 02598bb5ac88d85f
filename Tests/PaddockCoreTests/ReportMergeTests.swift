import Foundation
import PaddockCore
import PaddockReports
import Testing

/// `paddock report merge`: repositories' reports combined, the renderers against golden files, and every input
/// it refuses with the file named and what to do.
@Suite struct ReportMergeTests {
  /// A snapshot report as `paddock report snapshot --format json` writes it (the golden one, so merging follows
  /// the real format), and a second repository's written out here.
  static func inputs() throws -> [(file: String, data: Data)] {
    let snapshot = try Data(
      contentsOf: GoldenOutputTests.goldenDirectory.appendingPathComponent("report-snapshot.json"))
    return [("reports/app.json", snapshot), ("reports/api.json", Data(Self.api.utf8))]
  }

  static let api = """
    {"schema": "paddock.release/1", "definition": "\(ReleaseReport.definition)", "include": [], "exclude": [],
     "excluded_kinds": ["lockfile", "generated", "vendored"], "limitations": ["This is a shallow clone."],
     "unrecognised_accounts": [],
     "releases": [{"start": null, "end": "main", "start_commit": null,
       "end_commit": "1111111111111111111111111111111111111111", "ai_lines": 300, "human_lines": 600,
       "bot_lines": 40, "unknown_lines": 60, "total_lines": 1000, "ai_percentage": 30.0, "commits": 40,
       "ai_commits": 10, "reviewed_ai_commits": 7, "files": 12,
       "agents": [{"key": "claude-code", "ai": 200, "human": 0, "bot": 0, "unknown": 0, "total": 200},
                  {"key": "codex", "ai": 100, "human": 0, "bot": 0, "unknown": 0, "total": 100},
                  {"key": "unknown agent", "ai": 0, "human": 0, "bot": 0, "unknown": 60, "total": 60}],
       "models": [], "directories": [], "directory_drilldown": [], "authors": []}]}
    """

  @Test func totalsAreWeightedByLines() throws {
    let report = try OrganisationReport.merge(try Self.inputs())
    #expect(report.repositories.map(\.name) == ["app", "api"])
    #expect(report.kind == "snapshot")
    let app = report.repositories[0]
    #expect(report.totals.totalLines == app.totalLines + 1000)
    #expect(report.totals.aiLines == app.aiLines + 300)
    let share = (Double(app.aiLines + 300) * 1000 / Double(app.totalLines + 1000)).rounded() / 10
    #expect(report.totals.aiPercentage == share)
    #expect(report.totals.reviewedAICommits == app.reviewedAICommits + 7)
    #expect(report.totals.aiCommits == app.aiCommits + 10)
    let claude = try #require(report.agents.first { $0.key == "claude-code" })
    #expect(claude.repositories == 2)
    #expect(claude.lines == 200 + (app.agents.first { $0.key == "claude-code" }?.total ?? 0))
    #expect(report.agents.first { $0.key == "codex" }?.repositories == 1)
    #expect(report.limitations.contains("api: This is a shallow clone."))
  }

  @Test func renderers() throws {
    let report = try OrganisationReport.merge(try Self.inputs())
    try GoldenOutputTests.check(report.table.text, against: "report-merge.txt")
    try GoldenOutputTests.check(try JSONRenderer.render(report), against: "report-merge.json")
    try GoldenOutputTests.check(HTMLReportRenderer.render(report), against: "report-merge.html")
    let json = try JSONSerialization.jsonObject(with: Data(try JSONRenderer.render(report).utf8)) as? [String: Any]
    #expect(json?["schema"] as? String == "paddock.organisation/1")
    let rows = json?["repositories"] as? [[String: Any]] ?? []
    #expect(rows.allSatisfy { $0.keys.contains("review_coverage") && $0.keys.contains("ai_percentage") })
  }

  static func release(_ rows: String, definition: String = ReleaseReport.definition) -> String {
    #"{"schema": "paddock.release/1", "definition": "\#(definition)", "releases": [\#(rows)]}"#
  }

  static let row = #"""
    {"start": "v1", "end": "v2", "end_commit": "2222222222222222222222222222222222222222", "ai_lines": 1,
     "human_lines": 1, "bot_lines": 0, "unknown_lines": 0, "total_lines": 2, "commits": 2, "ai_commits": 1,
     "reviewed_ai_commits": 0, "agents": []}
    """#

  @Test(arguments: [
    ("not json {", "x.json is not JSON"),
    ("[1, 2]", "x.json is JSON but not a Paddock report"),
    (#"{"name": "thing"}"#, "x.json is JSON but not a Paddock report"),
    (#"{"schema": "paddock.trends/1", "rows": []}"#, "x.json is a paddock.trends/1 report, which cannot be merged"),
    (#"{"schema": "paddock.release/2", "releases": []}"#, "x.json has schema paddock.release/2"),
    (
      #"{"schema": "paddock.release/1", "definition": "d"}"#,
      "x.json is not a complete paddock.release/1 report (no `releases`)"
    ),
    (ReportMergeTests.release(#"{"start": null, "end": "main"}"#), "report (no `releases[0]."),
    (
      ReportMergeTests.release(
        ReportMergeTests.row.replacingOccurrences(of: "\"ai_lines\": 1", with: "\"ai_lines\": \"1\"")),
      "`releases[0].ai_lines` has the wrong type"
    ),
    (ReportMergeTests.release(ReportMergeTests.row + "," + ReportMergeTests.row), "x.json has 2 ranges"),
    (ReportMergeTests.release(""), "x.json has 0 ranges"),
  ])
  func refusesWithTheFileAndWhatToDo(_ text: String, message: String) throws {
    let good = ("a.json", Data(Self.release(Self.row).utf8))
    #expect {
      try OrganisationReport.merge([good, ("x.json", Data(text.utf8))])
    } throws: { error in
      "\(error)".contains(message) && (error as? ReportMergeError)?.errorDescription == "\(error)"
    }
  }

  @Test func refusesReportsThatDoNotAddUp() throws {
    let release = ("a.json", Data(Self.release(Self.row).utf8))
    let snapshot = (
      "b.json", Data(Self.release(Self.row.replacingOccurrences(of: #""start": "v1""#, with: #""start": null"#)).utf8)
    )
    #expect(
      throws: ReportMergeError.mixedKinds(file: "b.json", kind: "snapshot", first: "a.json", firstKind: "release")
    ) {
      try OrganisationReport.merge([release, snapshot])
    }
    let copies = ("c.json", Data(Self.release(Self.row, definition: "by git blame -C").utf8))
    #expect(throws: ReportMergeError.differentDefinitions(file: "c.json", first: "a.json")) {
      try OrganisationReport.merge([release, copies])
    }
    #expect(throws: ReportMergeError.duplicateName(name: "a", files: ["a.json", "other/a.json"])) {
      try OrganisationReport.merge([release, ("other/a.json", release.1)])
    }
    #expect(throws: ReportMergeError.noFiles) { try OrganisationReport.merge([]) }
  }
}
