import Foundation
import PaddockCore

/// A report's rows as cells, so every report renders to text, CSV and Markdown the same way.
package struct ReportTable: Sendable, Hashable {
  /// Column names for CSV (machine-friendly, like the JSON keys).
  package var keys: [String]
  /// Column names for people (text and Markdown).
  package var titles: [String]
  package var rows: [[String]]
  /// Lines printed under the table in text and Markdown (definitions, per-row details, limitations).
  package var notes: [String]
  /// The rows as CSV writes them, under `keys` (the people's rows when nil).
  package var csvRows: [[String]]?

  package init(keys: [String], titles: [String], rows: [[String]], notes: [String] = [], csvRows: [[String]]? = nil) {
    self.keys = keys
    self.titles = titles
    self.rows = rows
    self.notes = notes
    self.csvRows = csvRows
  }

  /// RFC 4180 CSV with a header row of `keys`.
  package var csv: String {
    func field(_ text: String) -> String {
      text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
    return ([keys] + (csvRows ?? rows)).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
  }

  /// A GitHub-flavoured Markdown table (numbers right-aligned), then the notes.
  package var markdown: String {
    let numeric = titles.indices.map { index in
      !rows.isEmpty && rows.allSatisfy { Double($0[index].trimmingCharacters(in: ["%"])) != nil || $0[index].isEmpty }
    }
    var out = "| " + titles.map(MarkdownRenderer.escape).joined(separator: " | ") + " |\n|"
    out += numeric.map { $0 ? "---:|" : "---|" }.joined() + "\n"
    for row in rows { out += "| " + row.map(MarkdownRenderer.escape).joined(separator: " | ") + " |\n" }
    for note in notes { out += "\n<sub>\(MarkdownRenderer.escape(note))</sub>\n" }
    return out
  }

  /// Aligned columns for a terminal (the first left-aligned, the rest right-aligned), then the notes.
  /// Cells and notes (paths, subjects, names) are shown with `Escape.terminal`, so none can drive the terminal or
  /// start a line of its own.
  package var text: String {
    let titles = titles.map { Escape.terminal($0) }
    let rows = rows.map { $0.map { Escape.terminal($0) } }
    let widths = titles.indices.map { index in ([titles] + rows).map { $0[index].count }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
        return index == 0 ? cell + pad : pad + cell
      }.joined(separator: "  ") + "\n"
    }
    var out = line(titles)
    for row in rows { out += line(row) }
    for note in notes { out += "\n" + Escape.terminal(note) + "\n" }
    return out
  }
}

extension ReleaseReport {
  package var table: ReportTable {
    var notes: [String] = []
    for row in releases where !row.agents.isEmpty {
      notes.append("\(row.name) by agent: " + row.agents.map { "\($0.key) \($0.total)" }.joined(separator: ", "))
    }
    for row in releases where row.directoryDrilldown.count > 1 {
      notes.append(
        "\(row.name) by directory: "
          + row.directoryDrilldown.prefix(12).map {
            "\($0.key) \($0.total) (\(String(format: "%.1f", ReleaseRow.percentage($0.ai, of: $0.total)))% AI)"
          }.joined(separator: ", ") + (row.directoryDrilldown.count > 12 ? ", …" : ""))
    }
    notes.append("Counted: \(definition).")
    if !excludedKinds.isEmpty {
      notes.append(
        "Left out: lock files, generated and vendored files (by path and .gitattributes); --include-generated counts them."
      )
    }
    notes += limitations
    let numbers = { (row: ReleaseRow) in
      [
        "\(row.aiLines)", "\(row.humanLines)", "\(row.botLines)", "\(row.unknownLines)", "\(row.totalLines)",
        String(format: "%.1f", row.aiPercentage), "\(row.commits)", "\(row.aiCommits)", "\(row.reviewedAICommits)",
        "\(row.files)",
      ]
    }
    return ReportTable(
      keys: [
        "start", "end", "ai_lines", "human_lines", "bot_lines", "unknown_lines", "total_lines", "ai_percentage",
        "commits",
        "ai_commits", "reviewed_ai_commits", "files",
      ],
      titles: [
        "release", "AI", "human", "bot", "unknown", "total", "AI %", "commits", "AI commits", "AI reviewed", "files",
      ],
      rows: releases.map { [$0.name] + numbers($0) }, notes: notes,
      csvRows: releases.map { [$0.start ?? "", $0.end] + numbers($0) })
  }
}

extension ReleaseRow {
  /// `start..end`, or `end` for a snapshot.
  package var name: String { start.map { "\($0)..\(end)" } ?? end }
}

extension TrendReport {
  package var table: ReportTable {
    let keys = [
      "period", "commits", "ai_commits", "human_commits", "bot_commits", "unknown_commits", "added_ai", "added_human",
      "added_bot", "added_unknown", "ai_added_percentage", "reviewed_ai_commits", "review_coverage", "agents", "models",
    ]
    let rows = rows.map { row in
      [
        row.period, "\(row.commits)", "\(row.aiCommits)", "\(row.humanCommits)", "\(row.botCommits)",
        "\(row.unknownCommits)", "\(row.addedAI)", "\(row.addedHuman)", "\(row.addedBot)", "\(row.addedUnknown)",
        String(format: "%.1f", row.aiLineShare),
        "\(row.reviewedAICommits)", row.reviewCoverage.map { String(format: "%.1f", $0) } ?? "",
        row.agents.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }.joined(
          separator: "; "),
        row.models.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }.joined(
          separator: "; "),
      ]
    }
    return ReportTable(
      keys: keys,
      titles: [
        period.rawValue, "commits", "AI", "human", "bot", "unknown", "+AI lines", "+human lines", "+bot lines",
        "+unknown lines", "AI % of added", "AI reviewed", "review %", "agents", "models",
      ], rows: rows, notes: ["Counted: \(definition)."])
  }
}

extension FailureReport {
  package var table: ReportTable {
    var notes = [
      "\(fixes) fix commit\(fixes == 1 ? "" : "s") analysed; \(fixesWithoutBlame) only added lines (nothing to blame).",
      precision.percentage.map {
        "Precision against Fixes: trailers: the blamed commits include the named culprit in \(precision.matched) of \(precision.named) fixes ("
          + String(format: "%.1f%%", $0) + ")."
      } ?? "No fix names a culprit in this history with a Fixes: trailer, so the method's precision is not measured.",
      "Fix patterns (subject line): " + patterns.joined(separator: "  "),
      "Counted: \(definition).",
    ]
    notes.removeAll { $0.isEmpty }
    return ReportTable(
      keys: [
        "kind", "key", "commits", "added_lines", "fixes", "fixed_lines", "fixes_per_kloc", "fixed_lines_per_kloc",
      ],
      titles: ["group", "", "commits", "added lines", "fixes", "fixed lines", "fixes/kLOC", "fixed lines/kLOC"],
      rows: groups.map { group in
        [
          group.kind, group.key, "\(group.commits)", "\(group.addedLines)", "\(group.fixes)", "\(group.fixedLines)",
          String(format: "%.2f", group.fixesPerKLOC), String(format: "%.2f", group.fixedLinesPerKLOC),
        ]
      }, notes: notes)
  }
}
