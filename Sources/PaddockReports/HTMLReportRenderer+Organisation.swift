import Foundation
import PaddockChange
import PaddockCore

extension HTMLReportRenderer {
  /// An organisation report as one self-contained page: the AI share over all repositories first, then lines by
  /// authorship per repository and per agent, each with its table folded under it.
  package static func render(_ report: OrganisationReport, title: String = "Paddock organisation report") -> String {
    let totals = report.totals
    let count = report.repositories.count
    let subtitle = "\(count) repositor\(count == 1 ? "y" : "ies"), \(report.kind) reports"
    let parts: [(Authorship, Int)] = [
      (.ai, totals.aiLines), (.human, totals.humanLines), (.bot, totals.botLines), (.unknown, totals.unknownLines),
    ]
    var body = "<header><h1>\(Markup.escape(title))</h1>"
    body += "<p class=\"sub\">\(Markup.escape(subtitle))</p></header>\n"
    body += "<section class=\"headline\" id=\"headline\">\n"
    body += "<p class=\"big\">\(number(totals.aiPercentage))%</p>"
    body += "<p class=\"lead\">written by AI, of the \(totals.totalLines) lines of \(count) repositories</p>\n"
    body += track(parts) + legend(parts)
    body += "<div class=\"figures\">"
    let figures = [
      (
        totals.reviewCoverage.map { "\(number($0))%" } ?? "–",
        "of \(totals.aiCommits) AI commits carry a person's review"
      ),
      ("\(report.agents.count)", "agents across \(count) repositories"),
    ]
    for figure in figures {
      body +=
        "<div class=\"figure\"><b>\(Markup.escape(figure.0))</b><span>\(Markup.escape(figure.1))</span></div>"
    }
    body += "</div>\n</section>\n"
    let table = report.table
    body += section(
      id: "repositories", "Where: lines by authorship per repository",
      stackedBars(
        id: "by-repository", title: "Lines by authorship per repository",
        buckets: report.repositories.map {
          ReleaseRow.Bucket(
            key: $0.name, ai: $0.aiLines, human: $0.humanLines, bot: $0.botLines, unknown: $0.unknownLines)
        }),
      tables: [self.table(ReportTable(keys: table.keys, titles: table.titles, rows: table.rows), notes: false)])
    if !totals.agents.isEmpty {
      body += section(
        id: "who", "Who: agents across repositories",
        stackedBars(id: "by-agent", title: "Lines by agent", buckets: totals.agents),
        tables: [
          self.table(
            ReportTable(
              keys: [], titles: ["agent", "lines", "repositories"],
              rows: report.agents.map { [$0.key, "\($0.lines)", "\($0.repositories)"] }))
        ])
    }
    body += notesSection(
      ["Lines (\(report.kind)): \(report.definition); totals add the lines, so AI % is weighted by lines."]
        + report.limitations, accounts: [])
    return page(title: title, body: body)
  }
}
