import Foundation

/// The fields Paddock reads of a GitHub Actions event payload (`GITHUB_EVENT_PATH`): a pull request's number, base
/// and head, or a push's old and new tips and branch. A field of an unexpected type reads as absent, as GitHub adds
/// and changes fields Paddock does not read; only a payload that is not a JSON object is refused.
struct GitHubEvent: Decodable, Sendable {
  var number: Int?
  var pullRequest: PullRequest?
  var before: String?
  var after: String?
  var ref: String?
  var repository: Repository?

  struct PullRequest: Decodable, Sendable {
    var number: Int?
    var base: Branch?
    var head: Branch?

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      number = container.lenient(Int.self, .number)
      base = container.lenient(Branch.self, .base)
      head = container.lenient(Branch.self, .head)
    }

    enum CodingKeys: String, CodingKey { case number, base, head }
  }

  /// A pull request's `base` or `head`.
  struct Branch: Decodable, Sendable {
    var sha: String?
    var repo: Repository?

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      sha = container.lenient(String.self, .sha)
      repo = container.lenient(Repository.self, .repo)
    }

    enum CodingKeys: String, CodingKey { case sha, repo }
  }

  struct Repository: Decodable, Sendable {
    var fullName: String?
    var fork: Bool?
    var defaultBranch: String?

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      fullName = container.lenient(String.self, .fullName)
      fork = container.lenient(Bool.self, .fork)
      defaultBranch = container.lenient(String.self, .defaultBranch)
    }

    enum CodingKeys: String, CodingKey {
      case fullName = "full_name"
      case fork
      case defaultBranch = "default_branch"
    }
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    number = container.lenient(Int.self, .number)
    pullRequest = container.lenient(PullRequest.self, .pullRequest)
    before = container.lenient(String.self, .before)
    after = container.lenient(String.self, .after)
    ref = container.lenient(String.self, .ref)
    repository = container.lenient(Repository.self, .repository)
  }

  enum CodingKeys: String, CodingKey {
    case number, before, after, ref, repository
    case pullRequest = "pull_request"
  }
}

extension KeyedDecodingContainer {
  /// The value at `key`, or nil when it is absent, null or of another type: for wire formats Paddock reads only a
  /// few fields of, where one odd field must not cost the others.
  func lenient<T: Decodable>(_ type: T.Type, _ key: Key) -> T? {
    (try? decodeIfPresent(type, forKey: key)) ?? nil
  }
}
