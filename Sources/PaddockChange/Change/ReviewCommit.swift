import PaddockGit

/// A commit of the change, with what the policy checks need to know about it.
package struct ReviewCommit: Sendable, Hashable {
  package var id: ObjectID
  package var summary: String
  /// `Name <email>` of the author.
  package var author: String
  package var authorship: Authorship
  package var agent: String?
  /// A person's reviews: review trailers (`Reviewed-by: Name <email>`) that count, and approvals of the pull
  /// request.
  package var humanReviewers: [String]
  /// `Signed-off-by` trailers that name an agent.
  package var agentSignoffs: [String]
  /// Review trailers that do not count, and why.
  package var refusedReviews: [RefusedReview]
  /// Indices into `ReviewChange.commits` of the parents inside the change.
  package var parents: [Int]

  package init(
    id: ObjectID, summary: String, author: String, authorship: Authorship, agent: String? = nil,
    humanReviewers: [String] = [], agentSignoffs: [String] = [], refusedReviews: [RefusedReview] = [],
    parents: [Int] = []
  ) {
    self.id = id
    self.summary = summary
    self.author = author
    self.authorship = authorship
    self.agent = agent
    self.humanReviewers = humanReviewers
    self.agentSignoffs = agentSignoffs
    self.refusedReviews = refusedReviews
    self.parents = parents
  }
}
