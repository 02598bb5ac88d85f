import Foundation

/// The people who approved a pull request (GitHub) or merge request (GitLab). In `paddock ci` each approval counts
/// as a person's review of every commit of the change, as a `Reviewed-by:` trailer would.
///
/// An approval counts only from an account that is not the request's author and not a bot; on GitHub, only a
/// user's latest verdict counts, and only when it approves the commit under review (a later push makes it stale).
public enum PullRequestApprovals {
  /// `GET /repos/{owner}/{repo}/pulls/{n}` for the author, then `GET …/reviews`: the latest `APPROVED`,
  /// `CHANGES_REQUESTED` or `DISMISSED` review of each user, kept when it approves `head`.
  public static func github(
    apiURL: URL, repository: String, pullRequest: Int, head: String, token: String, transport: any HTTPTransport
  ) throws -> [String] {
    let api = GitHubAPI(apiURL: apiURL, token: token, transport: transport)
    let pull = try api.object("repos/\(repository)/pulls/\(pullRequest)")
    let author = GitHubAPI.author(of: pull)?.login.lowercased()
    var latest: [String: (login: String, state: String, commit: String?, bot: Bool)] = [:]
    var order: [String] = []
    // Reviews come oldest first; a comment-only review does not change a verdict, as on GitHub itself.
    for review in try api.list("repos/\(repository)/pulls/\(pullRequest)/reviews") {
      guard let (login, bot) = GitHubAPI.author(of: review), let state = review["state"] as? String,
        ["APPROVED", "CHANGES_REQUESTED", "DISMISSED"].contains(state)
      else { continue }
      let key = login.lowercased()
      if latest[key] == nil { order.append(key) }
      latest[key] = (login, state, review["commit_id"] as? String, bot)
    }
    return order.compactMap { key in
      guard let verdict = latest[key], verdict.state == "APPROVED", !verdict.bot, key != author,
        verdict.commit == nil || verdict.commit == head
      else { return nil }
      return "@\(verdict.login) (approved pull request #\(pullRequest))"
    }
  }

  /// `GET /projects/:id/merge_requests/:iid` for the author, then `GET …/approvals`: every approver who is not
  /// the author and not a bot account (a project or group access token's user, or one GitLab marks as a bot).
  public static func gitlab(
    apiURL: URL, project: String, mergeRequest: Int, token: String, transport: any HTTPTransport
  ) throws -> [String] {
    let encoded =
      project.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-", "_", "."])) ?? project
    let base = apiURL.absoluteString.hasSuffix("/") ? String(apiURL.absoluteString.dropLast()) : apiURL.absoluteString
    let mergeRequestPath = "\(base)/projects/\(encoded)/merge_requests/\(mergeRequest)"
    func get(_ address: String) throws -> [String: Any] {
      guard let url = URL(string: address) else { throw CIError("CI_API_V4_URL gives no usable address: \(address)") }
      let response: HTTPResponse
      do {
        response = try transport.send(
          HTTPRequest(method: "GET", url: url, headers: ["PRIVATE-TOKEN": token, "User-Agent": "paddock"]))
      } catch {
        throw CIError(
          "GitLab API GET \(url.path) failed: \(redact("\(error)", token)); check CI_API_V4_URL and the network")
      }
      guard (200..<300).contains(response.status) else {
        throw CIError(
          "GitLab API answered \(response.status) to GET \(url.path); give PADDOCK_GITLAB_TOKEN the `read_api` scope on this project",
          status: response.status)
      }
      guard let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] else {
        throw CIError("GitLab API answered GET \(url.path) with something that is not an object")
      }
      return object
    }
    let author = ((try get(mergeRequestPath))["author"] as? [String: Any])?["username"] as? String
    let approvals = try get(mergeRequestPath + "/approvals")
    var result: [String] = []
    for entry in approvals["approved_by"] as? [[String: Any]] ?? [] {
      guard let user = entry["user"] as? [String: Any], let username = user["username"] as? String,
        username.lowercased() != author?.lowercased(), !isGitLabBot(user, username: username)
      else { continue }
      result.append("@\(username) (approved merge request !\(mergeRequest))")
    }
    return result
  }

  /// GitLab's bot users: flagged `bot`, or named as project and group access tokens' users are.
  private static func isGitLabBot(_ user: [String: Any], username: String) -> Bool {
    if user["bot"] as? Bool == true { return true }
    let lower = username.lowercased()
    if lower.hasSuffix("[bot]") || lower == "gitlabduo" || lower == "gitlab-bot" { return true }
    for prefix in ["project_", "group_"] where lower.hasPrefix(prefix) {
      let rest = lower.dropFirst(prefix.count)
      let digits = rest.prefix { $0.isNumber }
      if !digits.isEmpty, rest.dropFirst(digits.count).hasPrefix("_bot") { return true }
    }
    return false
  }

  private static func redact(_ text: String, _ token: String) -> String {
    token.isEmpty ? text : text.replacingOccurrences(of: token, with: "***")
  }
}
