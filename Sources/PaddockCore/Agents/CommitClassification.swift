import PaddockGit

/// Who wrote a line or a commit.
public enum Authorship: String, Sendable, Codable, Hashable, CaseIterable {
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
  public var isAIOrUnknown: Bool { self == .ai || self == .unknown }
}

/// The verdict on one commit: who wrote it, and why we think so.
public struct CommitClassification: Sendable, Codable, Hashable {
  public var authorship: Authorship
  /// The catalogue id of the agent, when `authorship` is `ai`.
  public var agent: String?
  /// The agent's display name.
  public var agentName: String?
  /// The model, when any evidence names one.
  public var model: String?
  /// Every piece of AI (or, for a bot, automation) evidence found, strongest first.
  public var evidence: [Evidence]
  /// Evidence that a person reviewed the change (for example a `Reviewed-by:` trailer from a person).
  public var review: [Evidence]

  public init(
    authorship: Authorship, agent: String? = nil, agentName: String? = nil, model: String? = nil,
    evidence: [Evidence] = [], review: [Evidence] = []
  ) {
    self.authorship = authorship
    self.agent = agent
    self.agentName = agentName
    self.model = model
    self.evidence = evidence
    self.review = review
  }

  /// Whether a person's review evidence is present.
  public var isReviewed: Bool { !review.isEmpty }
}
