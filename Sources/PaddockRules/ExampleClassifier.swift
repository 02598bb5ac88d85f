import PaddockChange
import PaddockGit

/// What the agent catalogue makes of a rule example's commit, which the rules cannot read themselves: the core's
/// `CommitClassifier` answers, so an example's trailers count as they would in a review.
package protocol ExampleClassifier {
  /// The agent the commit names, the review trailers that count as a person's and those refused.
  func classifyExample(_ commit: Commit) -> ExampleClassification
  /// Whether `identity` (`Name <email>`, as in a `Signed-off-by` trailer) names an agent.
  func isAgentIdentity(_ identity: String) -> Bool
}

/// A rule example's commit as the agent catalogue classifies it.
package struct ExampleClassification: Sendable, Hashable {
  package var agent: String?
  /// The review trailers that count as a person's, as written.
  package var review: [String]
  package var refusedReview: [RefusedReview]

  package init(agent: String?, review: [String], refusedReview: [RefusedReview]) {
    self.agent = agent
    self.review = review
    self.refusedReview = refusedReview
  }
}
