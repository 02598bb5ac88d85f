import Foundation
import PaddockCore

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
