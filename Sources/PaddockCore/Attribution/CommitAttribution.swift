import PaddockGit

/// A commit of the range with its classification.
public struct CommitAttribution: Sendable, Codable, Hashable {
  public var id: ObjectID
  public var summary: String
  public var authorName: String
  public var authorEmail: String
  public var time: Int64
  public var parents: [ObjectID]
  public var authorship: Authorship
  public var agent: String?
  public var agentName: String?
  public var model: String?
  public var evidence: [Evidence]
  public var review: [Evidence]
  /// Added lines (in the range's final diff) traced to this commit.
  public var lines: Int
  /// Review trailers that do not count as a person's review, with the reason (not encoded).
  public var refusedReview: [RefusedReview] = []

  enum CodingKeys: String, CodingKey {
    case id
    case summary
    case authorName = "author_name"
    case authorEmail = "author_email"
    case time
    case parents
    case authorship
    case agent
    case agentName = "agent_name"
    case model
    case evidence
    case review
    case lines
  }
}
