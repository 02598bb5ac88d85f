import PaddockChange
import PaddockGit

/// The verdict on one commit: who wrote it, and why we think so.
package struct CommitClassification: Sendable, Codable, Hashable {
  package var authorship: Authorship
  /// The catalogue id of the agent, when `authorship` is `ai`.
  package var agent: String?
  /// The agent's display name.
  package var agentName: String?
  /// The model, when any evidence names one.
  package var model: String?
  /// Every piece of AI (or, for a bot, automation) evidence found, strongest first.
  package var evidence: [Evidence]
  /// Evidence that a person reviewed the change: a review trailer in git's trailer block naming a person
  /// (`Name <email>`) who is not an agent and, when reviews must be independent, not the author or committer.
  package var review: [Evidence]
  /// Review trailers that do not count, each with the reason, so a message can say what to write instead.
  package var refusedReview: [RefusedReview]

  package init(
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
  package var isReviewed: Bool { !review.isEmpty }
}
