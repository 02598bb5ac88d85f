import Foundation
import PaddockCore

/// AI and human work per week or month (schema `paddock.trends/1`).
///
/// Counts non-merge commits by author date (UTC). `added_*` are the lines each commit added against its parent,
/// by the commit's authorship; review coverage is the share of AI commits carrying a person's review trailer.
package struct TrendReport: Sendable, Encodable, Hashable {
  package static let schemaID = "paddock.trends/1"
  package var schema = TrendReport.schemaID
  package var definition =
    "non-merge commits by author date (UTC) per period; added lines against the first parent by the commit's authorship; review_coverage = reviewed_ai_commits / ai_commits"
  package var period: TrendPeriod
  package var rows: [TrendRow]

  package init(period: TrendPeriod, rows: [TrendRow]) {
    self.period = period
    self.rows = rows
  }

  /// One row per period that has commits, oldest first.
  package init(history: History, members: Set<Int32>, period: TrendPeriod) {
    var rows: [String: TrendRow] = [:]
    for index in members {
      let commit = history.commits[Int(index)]
      guard commit.parents.count <= 1 else { continue }
      let label = history.labels[Int(index)]
      let key = period.key(for: commit.author.time)
      var row = rows[key] ?? TrendRow(period: key)
      let added = history.addedLines(Int(index))
      row.commits += 1
      switch label.authorship {
      case .ai:
        row.aiCommits += 1
        row.addedAI += added
        if label.reviewed { row.reviewedAICommits += 1 }
        row.agents[label.agent ?? "unknown agent", default: 0] += 1
      case .human:
        row.humanCommits += 1
        row.addedHuman += added
      case .bot:
        row.botCommits += 1
        row.addedBot += added
      case .unknown:
        row.unknownCommits += 1
        row.addedUnknown += added
      }
      if let model = label.model { row.models[model, default: 0] += 1 }
      rows[key] = row
    }
    self.init(period: period, rows: rows.values.sorted { $0.period < $1.period })
  }
}
