import PaddockChange
import PaddockGit

/// A commit of the range with its classification.
package struct CommitAttribution: Sendable, Codable, Hashable {
  package var id: ObjectID
  package var summary: String
  package var authorName: String
  package var authorEmail: String
  package var time: Int64
  package var parents: [ObjectID]
  package var authorship: Authorship
  package var agent: String?
  package var agentName: String?
  package var model: String?
  package var evidence: [Evidence]
  package var review: [Evidence]
  /// Added lines (in the range's final diff) traced to this commit.
  package var lines: Int
  /// Review trailers that do not count as a person's review, with the reason (not encoded).
  package var refusedReview: [RefusedReview] = []

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
