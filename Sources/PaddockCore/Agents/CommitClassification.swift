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
  /// Evidence that a person reviewed the change: a review trailer in git's trailer block naming a person
  /// (`Name <email>`) who is not an agent and, when reviews must be independent, not the author or committer.
  public var review: [Evidence]
  /// Review trailers that do not count, each with the reason, so a message can say what to write instead.
  public var refusedReview: [RefusedReview]

  public init(
    authorship: Authorship, agent: String? = nil, agentName: String? = nil, model: String? = nil,
    evidence: [Evidence] = [], review: [Evidence] = [], refusedReview: [RefusedReview] = []
  ) {
    self.authorship = authorship
    self.agent = agent
    self.agentName = agentName
    self.model = model
    self.evidence = evidence
    self.review = review
    self.refusedReview = refusedReview
  }

  /// Whether a person's review evidence is present.
  public var isReviewed: Bool { !review.isEmpty }
}

/// A review trailer that is not a person's review, and why.
public struct RefusedReview: Sendable, Codable, Hashable {
  /// The trailer as written, such as `Reviewed-by: Claude <noreply@anthropic.com>`.
  public var text: String
  /// Why it does not count, such as `it names an agent`.
  public var reason: String

  public init(text: String, reason: String) {
    self.text = text
    self.reason = reason
  }
}
