import Foundation

/// The sections of an HTML report; any may be absent.
public struct HTMLReport: Sendable {
  public var title: String
  /// Shown under the title (the repository and revision), verbatim.
  public var subtitle: String
  public var releases: ReleaseReport?
  public var trends: TrendReport?
  public var failures: FailureReport?

  public init(
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

/// Renders a report as one self-contained HTML file: inline CSS and SVG charts, no scripts, fonts or requests,
/// readable on a phone (charts scale to the width) and in print (tables beside every chart).
public enum HTMLReportRenderer {
  static let colours: [Authorship: String] = [
    .ai: "#7c3aed", .human: "#0284c7", .bot: "#059669", .unknown: "#9ca3af",
  ]

  public static func render(_ report: HTMLReport) -> String {
    var body =
      "<header><h1>\(Markup.escape(report.title))</h1><p class=\"sub\">\(Markup.escape(report.subtitle))</p></header>\n"
    if let trends = report.trends, !trends.rows.isEmpty {
      body += section(
        "AI share of added lines, per \(trends.period.rawValue)",
        lineChart(
          id: "share-over-time", title: "AI share of added lines per \(trends.period.rawValue)",
          points: trends.rows.map { ($0.period, $0.aiLineShare) }), table: trends.table)
    }
    if let releases = report.releases, let last = releases.releases.last {
      let ranged = releases.releases.filter { $0.start != nil }
      if ranged.count > 1 {
        var table = releases
        table.releases = ranged
        body += section(
          "AI share per release",
          lineChart(
            id: "share-per-release", title: "AI share of each release's surviving lines",
            points: ranged.map { ($0.name, $0.aiPercentage) }), table: table.table)
      }
      if ranged.count <= 1 || last.start == nil {
        body += section(
          "\(last.name): \(String(format: "%.1f", last.aiPercentage))% written by AI", summary(last),
          table: releases.table)
      }
      body += section(
        "\(last.name) by directory",
        stackedBars(
          id: "by-directory", title: "Lines by authorship per top-level directory", buckets: last.directories),
        table: bucketTable(last.directories, key: "directory"))
      if !last.agents.isEmpty {
        body += section(
          "\(last.name) by agent",
          stackedBars(id: "by-agent", title: "Lines by agent", buckets: last.agents),
          table: bucketTable(last.agents, key: "agent"))
      }
      if !last.models.isEmpty {
        body += section(
          "\(last.name) by model", stackedBars(id: "by-model", title: "Lines by model", buckets: last.models),
          table: bucketTable(last.models, key: "model"))
      }
    } else if let trends = report.trends {
      var agents: [String: Int] = [:]
      for row in trends.rows { for (agent, count) in row.agents { agents[agent, default: 0] += count } }
      let buckets = agents.map { ReleaseRow.Bucket(key: $0.key, ai: $0.value) }.sorted {
        ($0.total, $1.key) > ($1.total, $0.key)
      }
      body += section(
        "AI commits by agent", stackedBars(id: "by-agent", title: "AI commits by agent", buckets: buckets),
        table: bucketTable(buckets, key: "agent"))
    }
    if let failures = report.failures {
      let groups = failures.groups.filter { $0.kind != "model" && $0.addedLines > 0 }
      body += section(
        "Where the fixes landed",
        bars(
          id: "fixes-per-kloc", title: "Fixes per 1,000 lines added",
          values: groups.map { ("\($0.kind == "agent" ? "agent " : "")\($0.key)", $0.fixesPerKLOC) }),
        table: failures.table)
    }
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(Markup.escape(report.title))</title>
      <style>
      \(css)
      </style>
      </head>
      <body>
      \(body)<footer>Made by Paddock. Every chart has its figures in the table beside it.</footer>
      </body>
      </html>

      """
  }

  static let css = """
    :root { color-scheme: light; --ai: #7c3aed; --human: #0284c7; --bot: #059669; --unknown: #9ca3af; }
    body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #111827; background: #fff; }
    h1 { font-size: 1.6rem; margin: 0.5rem 0 0; } h2 { font-size: 1.2rem; margin: 2rem 0 0.5rem; }
    .sub { color: #4b5563; margin: 0; overflow-wrap: anywhere; }
    figure { margin: 0; } svg { width: 100%; height: auto; display: block; }
    svg text { font: 12px system-ui, sans-serif; fill: #374151; }
    .table { overflow-x: auto; } table { border-collapse: collapse; font-size: 0.85rem; margin: 0.75rem 0; }
    th, td { padding: 0.25rem 0.5rem; border-bottom: 1px solid #e5e7eb; text-align: right; white-space: nowrap; }
    th:first-child, td:first-child { text-align: left; }
    .notes { color: #4b5563; font-size: 0.8rem; } .big { font-size: 2.5rem; font-weight: 700; color: var(--ai); }
    .legend span { display: inline-block; margin-right: 1rem; font-size: 0.85rem; }
    .legend i { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; vertical-align: -0.1rem; }
    footer { margin-top: 3rem; color: #6b7280; font-size: 0.8rem; }
    @media print { body { max-width: none; font-size: 11pt; } section { break-inside: avoid; } .table { overflow: visible; } }
    """

  static func section(_ heading: String, _ figure: String, table: ReportTable) -> String {
    var out = "<section>\n<h2>\(Markup.escape(heading))</h2>\n\(figure)\n<div class=\"table\"><table>\n<thead><tr>"
    out += table.titles.map { "<th>\(Markup.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
    for row in table.rows { out += "<tr>" + row.map { "<td>\(Markup.escape($0))</td>" }.joined() + "</tr>\n" }
    out += "</tbody></table></div>\n"
    for note in table.notes { out += "<p class=\"notes\">\(Markup.escape(note))</p>\n" }
    return out + "</section>\n"
  }

  static func bucketTable(_ buckets: [ReleaseRow.Bucket], key: String) -> ReportTable {
    ReportTable(
      keys: [key, "ai", "human", "bot", "unknown", "total"], titles: [key, "AI", "human", "bot", "unknown", "total"],
      rows: buckets.map { [$0.key, "\($0.ai)", "\($0.human)", "\($0.bot)", "\($0.unknown)", "\($0.total)"] })
  }

  static func summary(_ row: ReleaseRow) -> String {
    "<p><span class=\"big\">\(String(format: "%.1f", row.aiPercentage))%</span> of \(row.totalLines) lines "
      + "(\(row.aiLines) AI, \(row.humanLines) human, \(row.botLines) bot, \(row.unknownLines) unknown); "
      + "\(row.reviewedAICommits) of \(row.aiCommits) AI commits carry a person's review.</p>"
  }

  static func legend() -> String {
    "<p class=\"legend\">"
      + [(Authorship.ai, "AI"), (.human, "human"), (.bot, "bot"), (.unknown, "unknown")].map {
        "<span><i style=\"background:\(colours[$0.0] ?? "#000")\"></i>\($0.1)</span>"
      }.joined() + "</p>"
  }

  static func number(_ value: Double) -> String { String(format: "%.1f", value) }

  /// A chart's `<figure><svg …>` with its accessible title.
  static func openChart(id: String, title: String, width: Double, height: Double) -> String {
    "<figure><svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
      + "aria-labelledby=\"\(id)-title\"><title id=\"\(id)-title\">\(Markup.escape(title))</title>"
  }

  /// A percentage line over labelled points, 0–100% on the vertical axis.
  static func lineChart(id: String, title: String, points: [(label: String, value: Double)]) -> String {
    let width = 640.0
    let height = 260.0
    let left = 44.0
    let right = 12.0
    let top = 12.0
    let bottom = 56.0
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    func x(_ index: Int) -> Double {
      points.count == 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(points.count - 1)
    }
    func y(_ value: Double) -> Double { top + plotHeight * (1 - min(max(value, 0), 100) / 100) }
    var svg = openChart(id: id, title: title, width: width, height: height)
    for tick in stride(from: 0.0, through: 100.0, by: 25.0) {
      svg += "<line x1=\"\(number(left))\" x2=\"\(number(width - right))\" y1=\"\(number(y(tick)))\" "
      svg += "y2=\"\(number(y(tick)))\" stroke=\"#e5e7eb\"/>"
      svg += "<text x=\"\(number(left - 6))\" y=\"\(number(y(tick) + 4))\" text-anchor=\"end\">\(Int(tick))%</text>"
    }
    let path = points.enumerated().map { "\(number(x($0.offset))),\(number(y($0.element.value)))" }
    svg +=
      "<polyline class=\"series\" fill=\"none\" stroke=\"var(--ai)\" stroke-width=\"2.5\" points=\"\(path.joined(separator: " "))\"/>"
    let labelEvery = max(1, Int((Double(points.count) / 8).rounded(.up)))
    for (index, point) in points.enumerated() {
      svg += "<circle cx=\"\(number(x(index)))\" cy=\"\(number(y(point.value)))\" r=\"3.5\" fill=\"var(--ai)\">"
      svg += "<title>\(Markup.escape(point.label)): \(number(point.value))%</title></circle>"
      if index % labelEvery == 0 || index == points.count - 1 {
        svg += "<text x=\"\(number(x(index)))\" y=\"\(number(height - bottom + 18))\" text-anchor=\"middle\">"
        svg += "\(Markup.escape(String(point.label.suffix(16))))</text>"
      }
    }
    return svg + "</svg></figure>"
  }

  /// One horizontal bar per bucket, split into AI, human and unknown lines, scaled to the largest total.
  static func stackedBars(id: String, title: String, buckets: [ReleaseRow.Bucket]) -> String {
    let shown = Array(buckets.prefix(12))
    let width = 640.0
    let labelWidth = 170.0
    let barHeight = 22.0
    let height = max(1, Double(shown.count)) * (barHeight + 8) + 8
    let largest = Double(shown.map(\.total).max() ?? 1)
    var svg = openChart(id: id, title: title, width: width, height: height)
    for (index, bucket) in shown.enumerated() {
      let top = 8 + Double(index) * (barHeight + 8)
      svg += "<text x=\"0\" y=\"\(number(top + 15))\">\(Markup.escape(String(bucket.key.prefix(24))))</text>"
      var x = labelWidth
      for (authorship, count) in [
        (Authorship.ai, bucket.ai), (.human, bucket.human), (.bot, bucket.bot), (.unknown, bucket.unknown),
      ]
      where count > 0 {
        let span = (width - labelWidth - 60) * Double(count) / max(largest, 1)
        svg += "<rect class=\"bar \(authorship.rawValue)\" x=\"\(number(x))\" y=\"\(number(top))\" "
        svg +=
          "width=\"\(number(max(span, 1)))\" height=\"\(Int(barHeight))\" fill=\"\(colours[authorship] ?? "#000")\">"
        svg += "<title>\(Markup.escape(bucket.key)): \(count) \(authorship.rawValue)</title></rect>"
        x += span
      }
      svg += "<text x=\"\(number(x + 6))\" y=\"\(number(top + 15))\">\(bucket.total)</text>"
    }
    return svg + "</svg>" + legend() + "</figure>"
  }

  /// Plain horizontal bars for one value per label.
  static func bars(id: String, title: String, values: [(label: String, value: Double)]) -> String {
    let width = 640.0
    let labelWidth = 170.0
    let barHeight = 22.0
    let height = max(1, Double(values.count)) * (barHeight + 8) + 8
    let largest = values.map(\.value).max() ?? 1
    var svg = openChart(id: id, title: title, width: width, height: height)
    for (index, item) in values.enumerated() {
      let top = 8 + Double(index) * (barHeight + 8)
      let span = (width - labelWidth - 60) * item.value / max(largest, 0.0001)
      let colour = colours[Authorship(rawValue: item.label.lowercased()) ?? .ai] ?? "#000"
      svg += "<text x=\"0\" y=\"\(number(top + 15))\">\(Markup.escape(String(item.label.prefix(24))))</text>"
      svg += "<rect class=\"bar\" x=\"\(number(labelWidth))\" y=\"\(number(top))\" width=\"\(number(max(span, 1)))\" "
      svg +=
        "height=\"\(Int(barHeight))\" fill=\"\(colour)\"><title>\(Markup.escape(item.label)): \(item.value)</title></rect>"
      svg += "<text x=\"\(number(labelWidth + max(span, 1) + 6))\" y=\"\(number(top + 15))\">"
      svg += String(format: "%.2f", item.value) + "</text>"
    }
    return svg + "</svg></figure>"
  }
}
