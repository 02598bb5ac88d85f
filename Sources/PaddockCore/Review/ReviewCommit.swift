import PaddockGit

/// A commit of the change, with what the policy checks need to know about it.
public struct ReviewCommit: Sendable, Hashable {
  public var id: ObjectID
  public var summary: String
  /// `Name <email>` of the author.
  public var author: String
  public var authorship: Authorship
  public var agent: String?
  /// A person's reviews: review trailers (`Reviewed-by: Name <email>`) that count, and approvals of the pull
  /// request.
  public var humanReviewers: [String]
  /// `Signed-off-by` trailers that name an agent.
  public var agentSignoffs: [String]
  /// Review trailers that do not count, and why.
  public var refusedReviews: [RefusedReview]
  /// Indices into `ReviewChange.commits` of the parents inside the change.
  public var parents: [Int]

  public init(
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
