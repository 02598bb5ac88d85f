import Foundation
import PaddockNet

/// The people who approved a pull request (GitHub) or merge request (GitLab). In `paddock ci` each approval counts
/// as a person's review of every commit of the change, as a `Reviewed-by:` trailer would.
///
/// An approval counts only from an account that is not the request's author and not a bot; on GitHub, only a
/// user's latest verdict counts, and only when it approves the commit under review (a later push makes it stale).
package enum PullRequestApprovals {
  /// `GET /repos/{owner}/{repo}/pulls/{n}` for the author, then `GET …/reviews`: the latest `APPROVED`,
  /// `CHANGES_REQUESTED` or `DISMISSED` review of each user, kept when it approves `head`.
  package static func github(
    apiURL: URL, repository: String, pullRequest: Int, head: String, token: String, transport: any HTTPTransport
  ) throws -> [String] {
    let api = GitHubAPI(apiURL: apiURL, token: token, transport: transport)
    let author = try api.get(GitHubAPI.PullRequest.self, "repos/\(repository)/pulls/\(pullRequest)").user?.login
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
    for review in try api.list(GitHubAPI.Review.self, "repos/\(repository)/pulls/\(pullRequest)/reviews") {
      guard let user = review.user, let login = user.login, let state = review.state,
        ["APPROVED", "CHANGES_REQUESTED", "DISMISSED"].contains(state)
      else { continue }
      let key = login.lowercased()
      if latest[key] == nil { order.append(key) }
      latest[key] = (login, state, review.commitID, user.isBot)
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
  package static func githubMerged(
    apiURL: URL, repository: String, commit: String, token: String, transport: any HTTPTransport
  ) throws -> ReviewNote? {
    let api = GitHubAPI(apiURL: apiURL, token: token, transport: transport)
    let pulls = try api.list(GitHubAPI.PullRequest.self, "repos/\(repository)/commits/\(commit)/pulls").filter {
      $0.mergedAt != nil
    }
    guard let pull = pulls.first(where: { $0.mergeCommitSHA == commit }) ?? pulls.first, let number = pull.number
    else { return nil }
    let author = pull.user?.login
    let head = pull.head?.sha ?? ""
    var approvers = try githubApprovers(
      api, repository: repository, pullRequest: number, head: head, author: author)
    for index in approvers.indices {
      guard let user = try? api.get(GitHubAPI.User.self, "users/\(approvers[index].login)") else { continue }
      approvers[index].name = user.name.flatMap { $0.isEmpty ? nil : $0 }
      approvers[index].email = user.email.flatMap { $0.isEmpty ? nil : $0 }
    }
    return ReviewNote(
      provider: "github",
      request: ReviewNote.Request(
        kind: "pull_request", number: number, url: pull.htmlURL, author: author),
      approvers: approvers)
  }

  /// `GET /projects/:id/merge_requests/:iid` for the author, then `GET …/approvals`: every approver who is not
  /// the author and not a bot account (a project or group access token's user, or one GitLab marks as a bot).
  package static func gitlab(
    apiURL: URL, project: String, mergeRequest: Int, token: String, transport: any HTTPTransport
  ) throws -> [String] {
    let api = GitLabAPI(apiURL: apiURL, project: project, token: token, transport: transport)
    let mergeRequestPath = "merge_requests/\(mergeRequest)"
    let author = try api.get(GitLabAPI.MergeRequest.self, mergeRequestPath).author?.username
    return try gitlabApprovers(api, mergeRequest: mergeRequest, author: author).map {
      "@\($0.login) (approved merge request !\(mergeRequest))"
    }
  }

  static func gitlabApprovers(_ api: GitLabAPI, mergeRequest: Int, author: String?) throws -> [ReviewNote.Approver] {
    let approvals = try api.get(GitLabAPI.Approvals.self, "merge_requests/\(mergeRequest)/approvals")
    var result: [ReviewNote.Approver] = []
    for entry in approvals.approvedBy ?? [] {
      guard let user = entry.user, let username = user.username,
        username.lowercased() != author?.lowercased(), !isGitLabBot(user, username: username)
      else { continue }
      result.append(
        ReviewNote.Approver(
          login: username, name: user.name.flatMap { $0.isEmpty ? nil : $0 },
          email: user.publicEmail.flatMap { $0.isEmpty ? nil : $0 }))
    }
    return result
  }

  /// The merge request that merged `commit` and who approved it, for a review note:
  /// `GET /projects/:id/repository/commits/:sha/merge_requests` (the first merged one), then its approvals.
  package static func gitlabMerged(
    apiURL: URL, project: String, commit: String, token: String, transport: any HTTPTransport
  ) throws -> ReviewNote? {
    let api = GitLabAPI(apiURL: apiURL, project: project, token: token, transport: transport)
    let list = try api.get(
      [GitLabAPI.MergeRequest].self, "repository/commits/\(commit)/merge_requests", expected: "a list")
    guard let request = list.first(where: { $0.state == "merged" }), let number = request.iid else { return nil }
    let author = request.author?.username
    return ReviewNote(
      provider: "gitlab",
      request: ReviewNote.Request(
        kind: "merge_request", number: number, url: request.webURL, author: author),
      approvers: try gitlabApprovers(api, mergeRequest: number, author: author))
  }

  /// GitLab's bot users: flagged `bot`, or named as project and group access tokens' users are.
  private static func isGitLabBot(_ user: GitLabAPI.User, username: String) -> Bool {
    if user.bot == true { return true }
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
