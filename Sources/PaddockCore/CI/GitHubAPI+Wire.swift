import Foundation

// The parts of GitHub's REST answers Paddock reads, and the bodies it sends. Fields are optional where GitHub may
// leave them out (a deleted user's comment has no `user`), so one odd item does not fail a whole list.
extension GitHubAPI {
  /// `{"message": …}`, GitHub's text for a refused request.
  struct ErrorAnswer: Decodable {
    var message: String?
  }

  /// An account: `GET /user`, `GET /users/{login}`, or the author of an item.
  struct User: Decodable {
    var login: String?
    var type: String?
    var name: String?
    var email: String?
  }

  /// A pull request, from `GET …/pulls/{n}` or `GET …/commits/{sha}/pulls`.
  struct PullRequest: Decodable {
    struct Head: Decodable {
      var sha: String?
    }
    var number: Int?
    var user: User?
    var head: Head?
    var mergedAt: String?
    var mergeCommitSHA: String?
    var htmlURL: String?

    enum CodingKeys: String, CodingKey {
      case number, user, head
      case mergedAt = "merged_at"
      case mergeCommitSHA = "merge_commit_sha"
      case htmlURL = "html_url"
    }
  }

  /// A review of a pull request (`GET …/pulls/{n}/reviews`).
  struct Review: Decodable {
    var id: Int?
    var user: User?
    /// `APPROVED`, `CHANGES_REQUESTED`, `COMMENTED`, `DISMISSED`, `PENDING`.
    var state: String?
    var body: String?
    var commitID: String?

    enum CodingKeys: String, CodingKey {
      case id, user, state, body
      case commitID = "commit_id"
    }
  }

  /// A comment: an inline review comment (`GET …/pulls/{n}/comments`) or an issue comment
  /// (`GET …/issues/{n}/comments`).
  struct Comment: Decodable {
    var id: Int?
    var user: User?
    var body: String?
  }

  /// `POST …/pulls/{n}/reviews`.
  struct ReviewSubmission: Encodable, Equatable {
    var commitID: String
    /// `COMMENT` or `REQUEST_CHANGES`.
    var event: String
    var body: String
    var comments: [InlineComment]

    enum CodingKeys: String, CodingKey {
      case commitID = "commit_id"
      case event, body, comments
    }
  }

  /// One inline comment of a review submission: on `line`, or on `startLine...line` for a finding over several.
  struct InlineComment: Encodable, Equatable {
    var path: String
    var line: Int
    var side = "RIGHT"
    var startLine: Int?
    var startSide: String?
    var body: String

    enum CodingKeys: String, CodingKey {
      case path, line, side, body
      case startLine = "start_line"
      case startSide = "start_side"
    }
  }

  /// `PUT …/reviews/{id}/dismissals`.
  struct Dismissal: Encodable {
    var message: String
    var event = "DISMISS"
  }

  /// `POST` or `PATCH` of an issue comment.
  struct CommentBody: Encodable {
    var body: String
  }
}

extension GitHubAPI.User {
  /// Whether GitHub marks the account as a bot, or its login is a bot's (`…[bot]`).
  var isBot: Bool {
    type?.lowercased() == "bot" || login?.lowercased().hasSuffix("[bot]") == true
  }
}
