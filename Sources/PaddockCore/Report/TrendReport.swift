import Foundation

/// AI and human work per week or month (schema `paddock.trends/1`).
///
/// Counts non-merge commits by author date (UTC). `added_*` are the lines each commit added against its parent,
/// by the commit's authorship; review coverage is the share of AI commits carrying a person's review trailer.
public struct TrendReport: Sendable, Encodable, Hashable {
  public static let schemaID = "paddock.trends/1"
  public var schema = TrendReport.schemaID
  public var definition =
    "non-merge commits by author date (UTC) per period; added lines against the first parent by the commit's authorship; review_coverage = reviewed_ai_commits / ai_commits"
  public var period: TrendPeriod
  public var rows: [TrendRow]

  public init(period: TrendPeriod, rows: [TrendRow]) {
    self.period = period
    self.rows = rows
  }

  /// One row per period that has commits, oldest first.
  public init(history: History, members: Set<Int32>, period: TrendPeriod) {
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

public enum TrendPeriod: String, Sendable, Encodable, Hashable, CaseIterable {
  case week, month

  /// The period a time falls in: `2025-03` for a month, the Monday `2025-03-10` for an ISO week.
  public func key(for time: Int64) -> String {
    var calendar = Calendar(identifier: .iso8601)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let date = Date(timeIntervalSince1970: Double(time))
    switch self {
    case .month:
      let parts = calendar.dateComponents([.year, .month], from: date)
      return String(format: "%04d-%02d", parts.year ?? 0, parts.month ?? 0)
    case .week:
      let start = calendar.dateInterval(of: .weekOfYear, for: date)?.start ?? date
      let parts = calendar.dateComponents([.year, .month, .day], from: start)
      return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
  }
}

public struct TrendRow: Sendable, Encodable, Hashable {
  public var period: String
  public var commits = 0
  public var aiCommits = 0
  public var humanCommits = 0
  public var botCommits = 0
  public var unknownCommits = 0
  public var addedAI = 0
  public var addedHuman = 0
  public var addedBot = 0
  public var addedUnknown = 0
  public var reviewedAICommits = 0
  /// AI commits per agent.
  public var agents: [String: Int] = [:]
  /// Commits per model named.
  public var models: [String: Int] = [:]

  public init(period: String) { self.period = period }

  /// AI commits' share of the commits, in percent.
  public var aiCommitShare: Double { ReleaseRow.percentage(aiCommits, of: commits) }
  /// AI's share of the added lines, in percent.
  public var aiLineShare: Double { ReleaseRow.percentage(addedAI, of: addedAI + addedHuman + addedBot + addedUnknown) }
  /// Reviewed AI commits' share of the AI commits, in percent; nil without AI commits.
  public var reviewCoverage: Double? {
    aiCommits == 0 ? nil : ReleaseRow.percentage(reviewedAICommits, of: aiCommits)
  }

  enum CodingKeys: String, CodingKey {
    case period, commits
    case aiCommits = "ai_commits"
    case humanCommits = "human_commits"
    case botCommits = "bot_commits"
    case unknownCommits = "unknown_commits"
    case addedAI = "added_ai"
    case addedHuman = "added_human"
    case addedBot = "added_bot"
    case addedUnknown = "added_unknown"
    case aiCommitShare = "ai_commit_percentage"
    case aiLineShare = "ai_added_percentage"
    case reviewedAICommits = "reviewed_ai_commits"
    case reviewCoverage = "review_coverage"
    case agents, models
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(period, forKey: .period)
    try container.encode(commits, forKey: .commits)
    try container.encode(aiCommits, forKey: .aiCommits)
    try container.encode(humanCommits, forKey: .humanCommits)
    try container.encode(botCommits, forKey: .botCommits)
    try container.encode(unknownCommits, forKey: .unknownCommits)
    try container.encode(addedAI, forKey: .addedAI)
    try container.encode(addedHuman, forKey: .addedHuman)
    try container.encode(addedBot, forKey: .addedBot)
    try container.encode(addedUnknown, forKey: .addedUnknown)
    try container.encode(aiCommitShare, forKey: .aiCommitShare)
    try container.encode(aiLineShare, forKey: .aiLineShare)
    try container.encode(reviewedAICommits, forKey: .reviewedAICommits)
    try container.encode(reviewCoverage, forKey: .reviewCoverage)
    try container.encode(agents, forKey: .agents)
    try container.encode(models, forKey: .models)
  }
}
