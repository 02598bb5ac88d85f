import Foundation
import PaddockCore

package struct TrendRow: Sendable, Encodable, Hashable {
  package var period: String
  package var commits = 0
  package var aiCommits = 0
  package var humanCommits = 0
  package var botCommits = 0
  package var unknownCommits = 0
  package var addedAI = 0
  package var addedHuman = 0
  package var addedBot = 0
  package var addedUnknown = 0
  package var reviewedAICommits = 0
  /// AI commits per agent.
  package var agents: [String: Int] = [:]
  /// Commits per model named.
  package var models: [String: Int] = [:]

  package init(period: String) { self.period = period }

  /// AI commits' share of the commits, in percent.
  package var aiCommitShare: Double { ReleaseRow.percentage(aiCommits, of: commits) }
  /// AI's share of the added lines, in percent.
  package var aiLineShare: Double { ReleaseRow.percentage(addedAI, of: addedAI + addedHuman + addedBot + addedUnknown) }
  /// Reviewed AI commits' share of the AI commits, in percent; nil without AI commits.
  package var reviewCoverage: Double? {
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

  package func encode(to encoder: any Encoder) throws {
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
