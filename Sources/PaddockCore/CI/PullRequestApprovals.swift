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
    let author = GitHubAPI.author(of: pull)?.login
    return try githubApprovers(api, repository: repository, pullRequest: pullRequest, head: head, author: author)
      .map { "@\($0.login) (approved pull request #\(pullRequest))" }
  }

  /// The users whose latest verdict on the pull request approves `head`, other than `author` and bots.
  static func githubApprovers(
    _ api: GitHubAPI, repository: String, pullRequest: Int, head: String, author: String?
  ) throws -> [ReviewNote.Approver] {
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
      guard let verdict = latest[key], verdict.state == "APPROVED", !verdict.bot, key != author?.lowercased(),
        verdict.commit == nil || verdict.commit == head
      else { return nil }
      return ReviewNote.Approver(login: verdict.login)
    }
  }

  /// The pull request that merged `commit` into the default branch and who approved it, for a review note:
  /// `GET /repos/{o}/{r}/commits/{sha}/pulls` (the merged one whose merge commit is `commit`, else the first
  /// merged one), its approving reviews of its last head, and each approver's public name and address
  /// (`GET /users/{login}`, left out when it cannot be read). nil when no merged pull request has the commit.
  public static func githubMerged(
    apiURL: URL, repository: String, commit: String, token: String, transport: any HTTPTransport
  ) throws -> ReviewNote? {
    let api = GitHubAPI(apiURL: apiURL, token: token, transport: transport)
    let pulls = try api.list("repos/\(repository)/commits/\(commit)/pulls").filter { $0["merged_at"] is String }
    guard let pull = pulls.first(where: { $0["merge_commit_sha"] as? String == commit }) ?? pulls.first,
      let number = pull["number"] as? Int
    else { return nil }
    let author = GitHubAPI.author(of: pull)?.login
    let head = (pull["head"] as? [String: Any])?["sha"] as? String ?? ""
    var approvers = try githubApprovers(
      api, repository: repository, pullRequest: number, head: head, author: author)
    for index in approvers.indices {
      guard let user = try? api.object("users/\(approvers[index].login)") else { continue }
      approvers[index].name = (user["name"] as? String).flatMap { $0.isEmpty ? nil : $0 }
      approvers[index].email = (user["email"] as? String).flatMap { $0.isEmpty ? nil : $0 }
    }
    return ReviewNote(
      provider: "github",
      request: ReviewNote.Request(
        kind: "pull_request", number: number, url: pull["html_url"] as? String, author: author),
      approvers: approvers)
  }

  /// `GET /projects/:id/merge_requests/:iid` for the author, then `GET …/approvals`: every approver who is not
  /// the author and not a bot account (a project or group access token's user, or one GitLab marks as a bot).
  public static func gitlab(
    apiURL: URL, project: String, mergeRequest: Int, token: String, transport: any HTTPTransport
  ) throws -> [String] {
    let api = GitLabAPI(apiURL: apiURL, project: project, token: token, transport: transport)
    let mergeRequestPath = "merge_requests/\(mergeRequest)"
    let author = ((try api.object(mergeRequestPath))["author"] as? [String: Any])?["username"] as? String
    return try gitlabApprovers(api, mergeRequest: mergeRequest, author: author).map {
      "@\($0.login) (approved merge request !\(mergeRequest))"
    }
  }

  static func gitlabApprovers(_ api: GitLabAPI, mergeRequest: Int, author: String?) throws -> [ReviewNote.Approver] {
    let approvals = try api.object("merge_requests/\(mergeRequest)/approvals")
    var result: [ReviewNote.Approver] = []
    for entry in approvals["approved_by"] as? [[String: Any]] ?? [] {
      guard let user = entry["user"] as? [String: Any], let username = user["username"] as? String,
        username.lowercased() != author?.lowercased(), !isGitLabBot(user, username: username)
      else { continue }
      result.append(
        ReviewNote.Approver(
          login: username, name: (user["name"] as? String).flatMap { $0.isEmpty ? nil : $0 },
          email: (user["public_email"] as? String).flatMap { $0.isEmpty ? nil : $0 }))
    }
    return result
  }

  /// The merge request that merged `commit` and who approved it, for a review note:
  /// `GET /projects/:id/repository/commits/:sha/merge_requests` (the first merged one), then its approvals.
  public static func gitlabMerged(
    apiURL: URL, project: String, commit: String, token: String, transport: any HTTPTransport
  ) throws -> ReviewNote? {
    let api = GitLabAPI(apiURL: apiURL, project: project, token: token, transport: transport)
    guard let list = try api.value("repository/commits/\(commit)/merge_requests") as? [[String: Any]] else {
      throw CIError("GitLab API answered the merge requests of \(commit) with something that is not a list")
    }
    guard let request = list.first(where: { $0["state"] as? String == "merged" }),
      let number = request["iid"] as? Int
    else { return nil }
    let author = (request["author"] as? [String: Any])?["username"] as? String
    return ReviewNote(
      provider: "gitlab",
      request: ReviewNote.Request(
        kind: "merge_request", number: number, url: request["web_url"] as? String, author: author),
      approvers: try gitlabApprovers(api, mergeRequest: number, author: author))
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
}

/// The GitLab REST API (v4) for one project, as Paddock reads it: the token only as `PRIVATE-TOKEN`, and error
/// texts that never show it.
struct GitLabAPI {
  var apiURL: URL
  var project: String
  let token: String
  let transport: any HTTPTransport

  /// `…/projects/:id/` + `path`, decoded from JSON.
  func value(_ path: String) throws -> Any {
    let encoded =
      project.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-", "_", "."])) ?? project
    let base = apiURL.absoluteString.hasSuffix("/") ? String(apiURL.absoluteString.dropLast()) : apiURL.absoluteString
    let address = "\(base)/projects/\(encoded)/\(path)"
    guard let url = URL(string: address) else { throw CIError("CI_API_V4_URL gives no usable address: \(address)") }
    let response: HTTPResponse
    do {
      response = try transport.send(
        HTTPRequest(method: "GET", url: url, headers: ["PRIVATE-TOKEN": token, "User-Agent": "paddock"]))
    } catch {
      throw CIError("GitLab API GET \(url.path) failed: \(redact("\(error)")); check CI_API_V4_URL and the network")
    }
    guard (200..<300).contains(response.status) else {
      throw CIError(
        "GitLab API answered \(response.status) to GET \(url.path); give PADDOCK_GITLAB_TOKEN the `read_api` scope on this project",
        status: response.status)
    }
    guard let value = try? JSONSerialization.jsonObject(with: response.body) else {
      throw CIError("GitLab API answered GET \(url.path) with something that is not JSON")
    }
    return value
  }

  /// A JSON object answered to `GET path`.
  func object(_ path: String) throws -> [String: Any] {
    guard let object = try value(path) as? [String: Any] else {
      throw CIError("GitLab API answered GET \(path) with something that is not an object")
    }
    return object
  }

  private func redact(_ text: String) -> String {
    token.isEmpty ? text : text.replacingOccurrences(of: token, with: "***")
  }
}
