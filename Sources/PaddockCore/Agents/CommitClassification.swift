import PaddockGit

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
