/// Renders a release report as a text table, CSV or Markdown (JSON comes from `JSONRenderer`).
public enum ReleaseRenderer {
  static let columns = [
    "start", "end", "ai_lines", "human_lines", "unknown_lines", "total_lines", "ai_percentage",
    "commits", "ai_commits", "reviewed_ai_commits", "files",
  ]

  static func values(_ row: ReleaseRow) -> [String] {
    [
      row.start ?? "", row.end, "\(row.aiLines)", "\(row.humanLines)", "\(row.unknownLines)", "\(row.totalLines)",
      String(format: "%.1f", row.aiPercentage), "\(row.commits)", "\(row.aiCommits)", "\(row.reviewedAICommits)",
      "\(row.files)",
    ]
  }

  /// RFC 4180 CSV with a header row.
  public static func csv(_ report: ReleaseReport) -> String {
    func field(_ text: String) -> String {
      text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
    return ([columns] + report.releases.map(values)).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
  }

  /// A Markdown table, then the definition.
  public static func markdown(_ report: ReleaseReport) -> String {
    var out =
      "| Release | AI lines | Human lines | Total | AI share | AI commits reviewed |\n|---|---:|---:|---:|---:|---:|\n"
    for row in report.releases {
      let name = row.start.map { "\($0)..\(row.end)" } ?? row.end
      out += "| `\(MarkdownRenderer.escape(name))` | \(row.aiLines) | \(row.humanLines) | \(row.totalLines) | "
      out += String(format: "%.1f%%", row.aiPercentage) + " | \(row.reviewedAICommits)/\(row.aiCommits) |\n"
    }
    return out + "\n<sub>Counted: \(MarkdownRenderer.escape(report.definition)).</sub>\n"
  }

  /// Aligned columns for a terminal, then the agents of each release.
  public static func text(_ report: ReleaseReport) -> String {
    let header = ["release", "AI", "human", "unknown", "total", "AI %", "AI commits reviewed"]
    let rows = report.releases.map { row in
      [
        row.start.map { "\($0)..\(row.end)" } ?? row.end, "\(row.aiLines)", "\(row.humanLines)", "\(row.unknownLines)",
        "\(row.totalLines)", String(format: "%.1f", row.aiPercentage), "\(row.reviewedAICommits)/\(row.aiCommits)",
      ]
    }
    let widths = header.indices.map { index in ([header] + rows).map { $0[index].count }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        let pad = String(repeating: " ", count: widths[index] - cell.count)
        return index == 0 ? cell + pad : pad + cell
      }.joined(separator: "  ") + "\n"
    }
    var out = line(header)
    for row in rows { out += line(row) }
    for row in report.releases where !row.agents.isEmpty {
      let name = row.start.map { "\($0)..\(row.end)" } ?? row.end
      out += "\n\(name) by agent: " + row.agents.map { "\($0.key) \($0.total)" }.joined(separator: ", ") + "\n"
    }
    return out + "\nCounted: \(report.definition).\n"
  }
}
