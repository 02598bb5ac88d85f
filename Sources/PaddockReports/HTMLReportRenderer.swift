import Foundation
import PaddockChange
import PaddockCore

/// The sections of an HTML report; any may be absent.
package struct HTMLReport: Sendable {
  package var title: String
  /// Shown under the title (the repository and revision), verbatim.
  package var subtitle: String
  package var releases: ReleaseReport?
  package var trends: TrendReport?
  package var failures: FailureReport?

  package init(
    title: String, subtitle: String, releases: ReleaseReport? = nil, trends: TrendReport? = nil,
    failures: FailureReport? = nil
  ) {
    self.title = title
    self.subtitle = subtitle
    self.releases = releases
    self.trends = trends
    self.failures = failures
  }
}

/// Renders a report as one self-contained HTML file: inline CSS, no scripts, fonts or requests.
///
/// The headline figures come first, then one chart per question (how much, where, who, reviewed, did it break),
/// each with its figures folded under it in a `<details>` table. Charts are HTML boxes sized in percent, not SVG
/// text, so labels wrap instead of overlapping or being cut, and the page fits a phone's width; it also prints.
package enum HTMLReportRenderer {
  /// One colour per authorship; `unknown` (unrecognised bots, treated like AI) has its own.
  static let colours: [Authorship: String] = [
    .ai: "#7c3aed", .human: "#0284c7", .bot: "#059669", .unknown: "#d97706",
  ]
  static let authorships: [(Authorship, String)] = [
    (.ai, "AI"), (.human, "human"), (.bot, "bot"), (.unknown, "unknown"),
  ]
  /// Bars shown per chart; the rest are summed into one `other` bar (the table has them all).
  static let shownBars = 12

  package static func render(_ report: HTMLReport) -> String {
    var body = "<header><h1>\(Markup.escape(report.title))</h1>"
    body += "<p class=\"sub\">\(Markup.escape(report.subtitle))</p></header>\n"
    body += headline(report)
    var notes: [String] = []
    var accounts: [ReleaseReport.Account] = []
    if let trends = report.trends, !trends.rows.isEmpty {
      body += section(
        id: "how-much", "How much: AI share of added lines per \(trends.period.rawValue)",
        columns(
          id: "share-over-time", title: "AI share of added lines per \(trends.period.rawValue)",
          points: trends.rows.map { ($0.period, $0.aiLineShare) }),
        tables: [trendTable(trends)])
      notes.append("Over time: \(trends.definition).")
    }
    if let releases = report.releases, let last = releases.releases.last {
      let ranged = releases.releases.filter { $0.start != nil }
      if ranged.count > 1 {
        body += section(
          id: "per-release", "How much: AI share of each release",
          columns(
            id: "share-per-release", title: "AI share of each release's surviving lines",
            points: ranged.map { ($0.end, $0.aiPercentage) }),
          tables: [releaseTable(ranged)])
      }
      body += section(
        id: "where", "Where: \(last.name) by directory",
        stackedBars(
          id: "by-directory", title: "Lines by authorship per directory", buckets: last.directoryDrilldown),
        tables: [bucketTable(last.directoryDrilldown, key: "directory")])
      var who = ""
      var whoTables: [String] = []
      if !last.agents.isEmpty {
        who += "<h3>Agents</h3>" + stackedBars(id: "by-agent", title: "Lines by agent", buckets: last.agents)
        whoTables.append(bucketTable(last.agents, key: "agent"))
      }
      if !last.models.isEmpty {
        who += "<h3>Models</h3>" + stackedBars(id: "by-model", title: "Lines by model", buckets: last.models)
        whoTables.append(bucketTable(last.models, key: "model"))
      }
      if !who.isEmpty { body += section(id: "who", "Who: \(last.name) by agent and model", who, tables: whoTables) }
      notes.append("Lines: \(releases.definition).")
      if !releases.excludedKinds.isEmpty {
        notes.append("Lock files, generated and vendored files are left out (--include-generated counts them).")
      }
      notes += releases.limitations
      accounts = releases.unrecognisedAccounts
    } else if let trends = report.trends {
      var agents: [String: Int] = [:]
      for row in trends.rows { for (agent, count) in row.agents { agents[agent, default: 0] += count } }
      let buckets = agents.map { ReleaseRow.Bucket(key: $0.key, ai: $0.value) }.sorted {
        ($0.total, $1.key) > ($1.total, $0.key)
      }
      if !buckets.isEmpty {
        body += section(
          id: "who", "Who: AI commits by agent",
          stackedBars(id: "by-agent", title: "AI commits by agent", buckets: buckets),
          tables: [bucketTable(buckets, key: "agent")])
      }
    }
    if let trends = report.trends {
      let covered = trends.rows.compactMap { row in row.reviewCoverage.map { (row.period, $0) } }
      if !covered.isEmpty {
        body += section(
          id: "reviewed", "Reviewed: AI commits a person reviewed, per \(trends.period.rawValue)",
          columns(
            id: "review-coverage", title: "Share of AI commits with a person's review", points: covered,
            colour: "human"),
          tables: [
            table(
              ReportTable(
                keys: [], titles: [trends.period.rawValue, "AI commits", "reviewed", "reviewed %"],
                rows: trends.rows.filter { $0.aiCommits > 0 }.map {
                  [$0.period, "\($0.aiCommits)", "\($0.reviewedAICommits)", $0.reviewCoverage.map(number) ?? "–"]
                }))
          ])
      }
    }
    if let failures = report.failures {
      let groups = failures.groups.filter { $0.kind != "model" && $0.addedLines > 0 }
      body += section(
        id: "did-it-break", "Did it break: fixes per 1,000 lines added",
        bars(
          id: "fixes-per-kloc", title: "Fixes per 1,000 lines added",
          values: groups.map { group in
            let authorship = group.kind == "authorship" ? Authorship(rawValue: group.key) ?? .ai : .ai
            let names = ["ai": "AI", "human": "people", "bot": "bots", "unknown": "unknown"]
            let label = group.kind == "agent" ? "agent \(group.key)" : names[group.key] ?? group.key
            return (label, group.fixesPerKLOC, authorship)
          }),
        tables: [table(failures.table, notes: false)])
      notes.append(contentsOf: failures.table.notes)
    }
    body += notesSection(notes, accounts: accounts)
    return page(title: report.title, body: body)
  }

  /// The whole document around a report's sections: one page, styles inline, no script.
  static func page(title: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(Markup.escape(title))</title>
    <style>
    \(css)
    </style>
    </head>
    <body>
    \(body)<footer>Made by Paddock. Every chart's figures are in the table folded under it.</footer>
    </body>
    </html>

    """
  }

  static let css = """
    :root { color-scheme: light; --ai: #7c3aed; --human: #0284c7; --bot: #059669; --unknown: #d97706; --grid: #e5e7eb; }
    *, *::before, *::after { box-sizing: border-box; }
    body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #111827; background: #fff; overflow-wrap: anywhere; }
    h1 { font-size: 1.6rem; margin: 0.5rem 0 0; line-height: 1.2; } h2 { font-size: 1.2rem; margin: 2.5rem 0 0.75rem; } h3 { font-size: 1rem; margin: 1.25rem 0 0.5rem; }
    .sub { color: #4b5563; margin: 0; }
    .headline { margin: 1.5rem 0 0; }
    .big { font-size: 3rem; font-weight: 700; color: var(--ai); line-height: 1.1; margin: 0; }
    .lead { font-size: 1.1rem; margin: 0.25rem 0 1rem; }
    .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: 0.75rem; margin: 1rem 0 0; }
    .figure { border: 1px solid var(--grid); border-radius: 0.5rem; padding: 0.75rem; }
    .figure b { display: block; font-size: 1.5rem; }
    .figure span { color: #4b5563; font-size: 0.9rem; }
    .track { display: flex; height: 1.4rem; background: #f3f4f6; border-radius: 0.2rem; overflow: hidden; min-width: 0; }
    .track i { display: block; height: 100%; }
    .ai { background: var(--ai); } .human { background: var(--human); } .bot { background: var(--bot); } .unknown { background: var(--unknown); }
    .legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0.5rem 0 0; padding: 0; list-style: none; font-size: 0.85rem; }
    .legend i { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; vertical-align: -0.1rem; border-radius: 0.15rem; }
    .bars { display: grid; gap: 0.35rem; margin: 0; }
    .bar { display: grid; grid-template-columns: minmax(0, 14rem) minmax(0, 1fr) 4.5rem; gap: 0.5rem; align-items: center; }
    .bar .label { font-size: 0.85rem; line-height: 1.2; }
    .bar .value { font-size: 0.85rem; text-align: right; font-variant-numeric: tabular-nums; }
    .bar .track { background: transparent; }
    .columns { display: grid; grid-template-columns: 2.5rem minmax(0, 1fr); gap: 0 0.4rem; }
    .yaxis { display: flex; flex-direction: column; justify-content: space-between; height: 10rem; font-size: 0.75rem; color: #4b5563; text-align: right; line-height: 1; }
    .plot { display: flex; align-items: flex-end; gap: 2px; height: 10rem; border-bottom: 1px solid #9ca3af; min-width: 0;
      background: linear-gradient(var(--grid) 1px, transparent 1px) 0 0 / 100% 25%; }
    .plot i { flex: 1 1 0; min-width: 0; background: var(--ai); }
    .plot.human i { background: var(--human); }
    .xaxis { grid-column: 2; display: flex; justify-content: space-between; gap: 1rem; font-size: 0.75rem; color: #4b5563; min-width: 0; }
    .xaxis span { min-width: 0; }
    .xaxis span:last-child { text-align: right; }
    details { margin: 0.75rem 0 0; } summary { cursor: pointer; color: #374151; font-size: 0.9rem; }
    .table { overflow-x: auto; max-width: 100%; }
    table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0; }
    th, td { padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--grid); text-align: right; }
    th:first-child, td:first-child { text-align: left; overflow-wrap: anywhere; }
    td { white-space: nowrap; } td:first-child { white-space: normal; min-width: 8rem; }
    .notes { color: #4b5563; font-size: 0.85rem; } .notes li { margin: 0.25rem 0; }
    footer { margin-top: 3rem; color: #6b7280; font-size: 0.8rem; }
    @media (max-width: 40rem) {
      body { padding: 0.75rem; } .big { font-size: 2.4rem; }
      .bar { grid-template-columns: minmax(0, 1fr) 4rem; row-gap: 0.1rem; }
      .bar .label { grid-column: 1 / -1; }
    }
    @media print {
      body { max-width: none; font-size: 11pt; } section { break-inside: avoid; } .table { overflow: visible; }
      details > :not(summary) { display: block; } * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    }
    """

  /// The answer first: the AI share of the lines, the lines by authorship, review coverage, fixes, accounts.
  static func headline(_ report: HTMLReport) -> String {
    var figures: [(value: String, label: String)] = []
    var out = "<section class=\"headline\" id=\"headline\">\n"
    if let last = report.releases?.releases.last {
      let whose =
        last.start == nil
        ? "of the \(last.totalLines) lines at \(last.end)"
        : "of the \(last.totalLines) lines \(last.name) added that survive at \(last.end)"
      out += "<p class=\"big\">\(number(last.aiPercentage))%</p>"
      out += "<p class=\"lead\">written by AI, \(Markup.escape(whose))</p>\n"
      out += track([
        (.ai, last.aiLines), (.human, last.humanLines), (.bot, last.botLines), (.unknown, last.unknownLines),
      ])
      out += legend([
        (.ai, last.aiLines), (.human, last.humanLines), (.bot, last.botLines), (.unknown, last.unknownLines),
      ])
      figures.append(
        (
          last.aiCommits == 0 ? "–" : "\(number(ReleaseRow.percentage(last.reviewedAICommits, of: last.aiCommits)))%",
          "of \(last.aiCommits) AI commits carry a person's review"
        ))
    } else if let trends = report.trends, !trends.rows.isEmpty {
      let ai = trends.rows.reduce(0) { $0 + $1.addedAI }
      let all = trends.rows.reduce(0) { $0 + $1.addedAI + $1.addedHuman + $1.addedBot + $1.addedUnknown }
      out += "<p class=\"big\">\(number(ReleaseRow.percentage(ai, of: all)))%</p>"
      out += "<p class=\"lead\">of the \(all) lines added were added by AI commits</p>\n"
      let aiCommits = trends.rows.reduce(0) { $0 + $1.aiCommits }
      let reviewed = trends.rows.reduce(0) { $0 + $1.reviewedAICommits }
      figures.append(
        (
          aiCommits == 0 ? "–" : "\(number(ReleaseRow.percentage(reviewed, of: aiCommits)))%",
          "of \(aiCommits) AI commits carry a person's review"
        ))
    }
    if let failures = report.failures {
      let byAuthorship = Dictionary(
        failures.groups.filter { $0.kind == "authorship" }.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first }
      )
      for (key, name) in [("ai", "AI"), ("human", "people's")] {
        guard let group = byAuthorship[key], group.addedLines > 0 else { continue }
        figures.append((String(format: "%.2f", group.fixesPerKLOC), "fixes per 1,000 lines of \(name) code"))
      }
    }
    if let accounts = report.releases?.unrecognisedAccounts, !accounts.isEmpty {
      figures.append(("\(accounts.count)", "unrecognised bot account\(accounts.count == 1 ? "" : "s") (see Notes)"))
    }
    if !figures.isEmpty {
      out += "<div class=\"figures\">"
      for figure in figures {
        out +=
          "<div class=\"figure\"><b>\(Markup.escape(figure.value))</b><span>\(Markup.escape(figure.label))</span></div>"
      }
      out += "</div>\n"
    }
    return out + "</section>\n"
  }

  /// A section with its chart and its tables folded under it.
  static func section(id: String, _ heading: String, _ chart: String, tables: [String]) -> String {
    var out = "<section id=\"\(id)\">\n<h2>\(Markup.escape(heading))</h2>\n\(chart)\n"
    if !tables.isEmpty {
      out += "<details><summary>Figures</summary>\n" + tables.joined(separator: "\n") + "\n</details>\n"
    }
    return out + "</section>\n"
  }

  /// A table in a horizontally scrolling box, so a wide table never widens the page.
  static func table(_ table: ReportTable, notes: Bool = true) -> String {
    var out = "<div class=\"table\"><table>\n<thead><tr>"
    out += table.titles.map { "<th>\(Markup.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
    for row in table.rows { out += "<tr>" + row.map { "<td>\(Markup.escape($0))</td>" }.joined() + "</tr>\n" }
    out += "</tbody></table></div>"
    if notes { for note in table.notes { out += "\n<p class=\"notes\">\(Markup.escape(note))</p>" } }
    return out
  }

  static func bucketTable(_ buckets: [ReleaseRow.Bucket], key: String) -> String {
    table(
      ReportTable(
        keys: [key, "ai", "human", "bot", "unknown", "total", "ai %"],
        titles: [key, "AI", "human", "bot", "unknown", "total", "AI %"],
        rows: buckets.map {
          [
            $0.key, "\($0.ai)", "\($0.human)", "\($0.bot)", "\($0.unknown)", "\($0.total)",
            number(ReleaseRow.percentage($0.ai, of: $0.total)),
          ]
        }))
  }

  static func releaseTable(_ rows: [ReleaseRow]) -> String {
    table(
      ReportTable(
        keys: [], titles: ["release", "AI", "human", "bot", "unknown", "total", "AI %", "AI commits", "reviewed"],
        rows: rows.map {
          [
            $0.name, "\($0.aiLines)", "\($0.humanLines)", "\($0.botLines)", "\($0.unknownLines)", "\($0.totalLines)",
            number($0.aiPercentage), "\($0.aiCommits)", "\($0.reviewedAICommits)",
          ]
        }))
  }

  /// The figures over time a reader compares; agents and models per period are in the JSON and CSV.
  static func trendTable(_ trends: TrendReport) -> String {
    table(
      ReportTable(
        keys: [],
        titles: [trends.period.rawValue, "commits", "AI commits", "+AI lines", "+other lines", "AI %", "reviewed %"],
        rows: trends.rows.map {
          [
            $0.period, "\($0.commits)", "\($0.aiCommits)", "\($0.addedAI)",
            "\($0.addedHuman + $0.addedBot + $0.addedUnknown)", number($0.aiLineShare),
            $0.reviewCoverage.map(number) ?? "–",
          ]
        }))
  }

  /// Definitions and limitations once, at the end; unrecognised accounts listed in full with the fix.
  static func notesSection(_ notes: [String], accounts: [ReleaseReport.Account]) -> String {
    // The accounts are listed below, so their one-line note is not repeated.
    let shown = notes.filter { !$0.hasPrefix("Unrecognised bot account") }
    guard !shown.isEmpty || !accounts.isEmpty else { return "" }
    var out = "<section id=\"notes\">\n<h2>Notes</h2>\n<ul class=\"notes\">\n"
    for note in shown { out += "<li>\(Markup.escape(note))</li>\n" }
    out += "</ul>\n"
    if !accounts.isEmpty {
      out += "<h3>Accounts Paddock does not recognise</h3>\n"
      out += "<p class=\"notes\">Their commits count as unknown and are treated like AI. "
      out += "Classify them in .paddock.yml under <code>bots:</code> (automation) or <code>agents:</code>.</p>\n"
      out += table(
        ReportTable(keys: [], titles: ["account", "commits"], rows: accounts.map { [$0.account, "\($0.commits)"] }))
      out += "\n"
    }
    return out + "</section>\n"
  }

  static func number(_ value: Double) -> String { String(format: "%.1f", value) }

  /// One bar split by authorship, each part's width its share of `parts`' total.
  static func track(_ parts: [(Authorship, Int)], scale: Int? = nil) -> String {
    let total = max(1, scale ?? parts.reduce(0) { $0 + $1.1 })
    var out = "<span class=\"track\">"
    for (authorship, count) in parts where count > 0 {
      out += "<i class=\"\(authorship.rawValue)\" style=\"width:\(percent(Double(count) / Double(total)))\" "
      out += "title=\"\(count) \(authorship.rawValue)\"></i>"
    }
    return out + "</span>"
  }

  static func percent(_ fraction: Double) -> String { String(format: "%.2f%%", min(max(fraction, 0), 1) * 100) }

  static func legend(_ counts: [(Authorship, Int)]? = nil) -> String {
    "<ul class=\"legend\">"
      + authorships.map { authorship, name in
        let count = counts?.first { $0.0 == authorship }.map { " \($0.1)" } ?? ""
        return "<li><i class=\"\(authorship.rawValue)\"></i>\(name)\(count)</li>"
      }.joined() + "</ul>\n"
  }

  /// A chart's accessible wrapper: a labelled `figure`.
  static func openChart(id: String, title: String, kind: String) -> String {
    "<figure id=\"\(id)\" class=\"chart \(kind)\" role=\"img\" aria-label=\"\(Markup.escape(title))\" style=\"margin:0\">"
  }

  /// One column per point, 0–100% high, labelled by the first and last points (each column's title names it).
  static func columns(
    id: String, title: String, points: [(label: String, value: Double)], colour: String = "ai"
  ) -> String {
    var out = openChart(id: id, title: title, kind: "columns")
    out += "<div class=\"yaxis\" aria-hidden=\"true\"><span>100%</span><span>50%</span><span>0%</span></div>"
    out += "<div class=\"plot \(colour)\">"
    for point in points {
      out += "<i style=\"height:\(percent(point.value / 100))\" title=\"\(Markup.escape(point.label)): "
      out += "\(number(point.value))%\"></i>"
    }
    out += "</div><div class=\"xaxis\">"
    if let first = points.first { out += "<span>\(Markup.escape(first.label))</span>" }
    if points.count > 1, let last = points.last { out += "<span>\(Markup.escape(last.label))</span>" }
    return out + "</div></figure>"
  }

  /// One horizontal bar per bucket, split by authorship, scaled to the largest; past `shownBars`, one `other`.
  static func stackedBars(id: String, title: String, buckets: [ReleaseRow.Bucket]) -> String {
    var shown = Array(buckets.prefix(shownBars))
    let rest = buckets.dropFirst(shownBars)
    if !rest.isEmpty {
      shown.append(
        rest.reduce(into: ReleaseRow.Bucket(key: "other (\(rest.count))")) {
          $0.ai += $1.ai
          $0.human += $1.human
          $0.bot += $1.bot
          $0.unknown += $1.unknown
        })
    }
    let largest = max(1, shown.map(\.total).max() ?? 1)
    var out = openChart(id: id, title: title, kind: "bars") + "<div class=\"bars\">"
    for bucket in shown {
      out += "<div class=\"bar\"><span class=\"label\">\(Markup.escape(bucket.key))</span>"
      out += track(
        [(.ai, bucket.ai), (.human, bucket.human), (.bot, bucket.bot), (.unknown, bucket.unknown)], scale: largest)
      out += "<span class=\"value\">\(bucket.total)</span></div>"
    }
    return out + "</div>" + legend() + "</figure>"
  }

  /// Plain horizontal bars for one value per label, coloured by authorship.
  static func bars(id: String, title: String, values: [(label: String, value: Double, authorship: Authorship)])
    -> String
  {
    let largest = max(values.map(\.value).max() ?? 1, 0.0001)
    var out = openChart(id: id, title: title, kind: "bars") + "<div class=\"bars\">"
    for item in values {
      out += "<div class=\"bar\"><span class=\"label\">\(Markup.escape(item.label))</span><span class=\"track\">"
      out += "<i class=\"\(item.authorship.rawValue)\" style=\"width:\(percent(item.value / largest))\"></i></span>"
      out += "<span class=\"value\">\(String(format: "%.2f", item.value))</span></div>"
    }
    return out + "</div></figure>"
  }
}
