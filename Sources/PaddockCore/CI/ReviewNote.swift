import Foundation
import PaddockGit

/// The approvals of the pull or merge request that brought a commit into the default branch, as `paddock ci`
/// records them in a git note (by default under `refs/notes/paddock-reviews`) so that reports can count them as
/// reviews later.
///
/// The note is one JSON object (sorted keys, schema `paddock.review-note/1`):
///
/// ```json
/// {"approvers":[{"bot":false,"email":"grace@example.org","login":"grace","name":"Grace Hopper"}],
///  "provider":"github","request":{"author":"ada-l","kind":"pull_request","number":7,
///  "url":"https://github.com/acme/app/pull/7"},"schema":"paddock.review-note/1"}
/// ```
///
/// `name` and `email` are present when the CI system tells them (GitHub: the user's public profile). A later
/// version of the format gets a new schema name; a reader ignores notes whose schema it does not know.
package struct ReviewNote: Sendable, Codable, Hashable {
  /// The schema this Paddock writes and reads.
  package static let schemaName = "paddock.review-note/1"
  /// The notes ref used when `.paddock.yml` names none.
  package static let defaultReference = "refs/notes/paddock-reviews"

  /// Who approved.
  package struct Approver: Sendable, Codable, Hashable {
    /// The account's login (GitHub) or username (GitLab).
    package var login: String
    package var name: String?
    package var email: String?
    /// Whether the CI system marks the account as a bot (recorded for readers; such approvals never count).
    package var bot: Bool

    package init(login: String, name: String? = nil, email: String? = nil, bot: Bool = false) {
      self.login = login
      self.name = name
      self.email = email
      self.bot = bot
    }

    /// `@login`, with the name when known.
    package var label: String { "@\(login)" + (name.map { " (\($0))" } ?? "") }
  }

  /// The pull or merge request.
  package struct Request: Sendable, Codable, Hashable {
    /// `pull_request` (GitHub) or `merge_request` (GitLab).
    package var kind: String
    package var number: Int
    package var url: String?
    /// The login of whoever opened it.
    package var author: String?

    package init(kind: String, number: Int, url: String?, author: String?) {
      self.kind = kind
      self.number = number
      self.url = url
      self.author = author
    }

    /// `pull request #7` or `merge request !7`.
    package var label: String { kind == "merge_request" ? "merge request !\(number)" : "pull request #\(number)" }
  }

  package var schema: String
  /// `github` or `gitlab`.
  package var provider: String
  package var request: Request
  package var approvers: [Approver]

  package init(provider: String, request: Request, approvers: [Approver]) {
    self.schema = Self.schemaName
    self.provider = provider
    self.request = request
    self.approvers = approvers
  }

  /// The note's text: the JSON object with sorted keys and a final newline, as `git notes show` prints it.
  package func text() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(self)) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// Reads a note's text; nil when it is not a review note of this schema (another tool's note, a later version).
  package static func parse(_ text: String) -> ReviewNote? {
    guard let note = try? JSONDecoder().decode(ReviewNote.self, from: Data(text.utf8)),
      note.schema == schemaName
    else { return nil }
    return note
  }
}

extension ReviewNote {
  /// The approvers whose approval counts as a person's review of `commit`, by the rules review trailers follow:
  /// not a bot, not the request's author, not an agent, a model's name or a placeholder (`ReviewerScreen`), and,
  /// when `independent`, not the commit's author or committer (same address or name, or the GitHub no-reply
  /// address of the login).
  package func countingApprovers(of commit: Commit, classifier: CommitClassifier) -> [Approver] {
    approvers.filter { approver in
      let login = approver.login.lowercased()
      guard !approver.bot, !login.isEmpty, !login.hasSuffix("[bot]"), login != request.author?.lowercased() else {
        return false
      }
      let host = provider == "gitlab" ? "gitlab.com" : "github.com"
      let email = approver.email ?? "\(approver.login)@users.noreply.\(host)"
      let identity = PersonIdentity("\(approver.name ?? approver.login) <\(email)>")
      guard let identity, ReviewerScreen.refusal(identity, agentNames: classifier.agentNames) == nil,
        !classifier.isAgentIdentity(identity.name + " <" + identity.email + ">")
      else { return false }
      guard classifier.catalogue.independentReview else { return true }
      for signature in [commit.author, commit.committer] {
        if let own = PersonIdentity(signature.identity), own.isSamePerson(as: identity) { return false }
        if signature.name.lowercased() == login || Self.noReplyLogin(signature.email) == login { return false }
      }
      return true
    }
  }

  /// The login of a GitHub no-reply address (`12345+login@users.noreply.github.com` or
  /// `login@users.noreply.github.com`).
  static func noReplyLogin(_ email: String) -> String? {
    let lower = email.lowercased()
    guard lower.hasSuffix("@users.noreply.github.com") else { return nil }
    let local = lower.dropLast("@users.noreply.github.com".count)
    return String(local.split(separator: "+", maxSplits: 1).last ?? local)
  }
}
