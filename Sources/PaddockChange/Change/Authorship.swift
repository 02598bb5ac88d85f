import PaddockGit

/// Who wrote a line or a commit.
package enum Authorship: String, Sendable, Codable, Hashable, CaseIterable {
  /// An AI coding agent.
  case ai
  /// A person.
  case human
  /// Automation that is not an AI agent: dependency and release bots, CI jobs, sync tools.
  case bot
  /// An account that looks like a bot (`[bot]`) but matches nothing in the catalogue: treated like AI by default.
  case unknown

  /// Whether lines of this authorship get an AI's scrutiny: AI rules, AI limits, protected paths, model review.
  /// Unknown authorship may be an agent; a bot's and a person's lines are not.
  package var isAIOrUnknown: Bool { self == .ai || self == .unknown }
}
