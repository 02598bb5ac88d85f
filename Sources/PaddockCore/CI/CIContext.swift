import Foundation
import PaddockGit

/// The CI system Paddock runs in, and the change it is asked to judge.
package struct CIContext: Sendable, Hashable {
  package enum Provider: String, Sendable, Hashable {
    case github, gitlab, generic
  }

  package var provider: Provider
  /// The commit the change is measured from (a pull request's base), as a revision.
  package var base: String?
  /// The commit under review.
  package var head: String?
  /// The pull or merge request number, when there is one.
  package var pullRequest: Int?
  /// `owner/name` on GitHub.
  package var repository: String?
  /// The REST API root, such as `https://api.github.com`.
  package var apiURL: String?
  /// What started the run (`pull_request`, `push`, `merge_request_event`).
  package var event: String?
  /// Whether the pull request's head is in another repository (a fork): GitHub gives such runs a read-only token.
  package var isFork = false
  /// Whether the run is for a push to the repository's default branch (GitHub: the payload's `ref` is
  /// `refs/heads/` + `repository.default_branch`; GitLab: a push pipeline on `CI_DEFAULT_BRANCH`): where
  /// merged pull requests' approvals are recorded.
  package var isDefaultBranchPush = false

  /// Reads the environment (and, on GitHub, the event payload at `GITHUB_EVENT_PATH`). `readFile` is injected so
  /// tests can hand over payloads.
  package static func detect(
    environment: [String: String], readFile: (String) -> Data? = { FileManager.default.contents(atPath: $0) }
  ) throws -> CIContext {
    func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
    // A commit id a payload may leave empty, or all zeros (a branch created or deleted): neither names a commit.
    func real(_ sha: String?) -> String? {
      guard let sha, !sha.isEmpty, !sha.allSatisfy({ $0 == "0" }) else { return nil }
      return sha
    }
    if value("GITHUB_ACTIONS") == "true" {
      var context = CIContext(
        provider: .github, base: nil, head: value("GITHUB_SHA"), pullRequest: nil,
        repository: value("GITHUB_REPOSITORY"),
        apiURL: value("GITHUB_API_URL") ?? "https://api.github.com", event: value("GITHUB_EVENT_NAME"))
      if let path = value("GITHUB_EVENT_PATH") {
        guard let data = readFile(path) else { throw CIError.eventPayloadUnreadable(path: path) }
        guard let payload = try? JSONDecoder().decode(GitHubEvent.self, from: data) else {
          throw CIError.eventPayloadNotJSON(path: path)
        }
        if let pull = payload.pullRequest {
          context.pullRequest = pull.number ?? payload.number
          context.base = real(pull.base?.sha)
          context.head = real(pull.head?.sha) ?? context.head
          let headRepo = pull.head?.repo
          if let headName = headRepo?.fullName, let baseName = pull.base?.repo?.fullName {
            context.isFork = headName.lowercased() != baseName.lowercased()
          } else {
            context.isFork = headRepo?.fork == true
          }
        } else if let before = payload.before {
          // A push: the commits between the old and new tip.
          context.base = real(before)
          context.head = real(payload.after) ?? context.head
          if let branch = payload.repository?.defaultBranch {
            context.isDefaultBranchPush = payload.ref == "refs/heads/\(branch)"
          }
        }
      }
      if context.base == nil, let baseRef = value("GITHUB_BASE_REF") { context.base = "origin/\(baseRef)" }
      return context
    }
    if value("GITLAB_CI") == "true" {
      let mergeRequest = value("CI_MERGE_REQUEST_IID").flatMap(Int.init)
      var base = real(value("CI_MERGE_REQUEST_DIFF_BASE_SHA"))
      if base == nil, mergeRequest == nil { base = real(value("CI_COMMIT_BEFORE_SHA")) }
      if base == nil, let target = value("CI_MERGE_REQUEST_TARGET_BRANCH_NAME") { base = "origin/\(target)" }
      var context = CIContext(
        provider: .gitlab, base: base, head: value("CI_COMMIT_SHA"), pullRequest: mergeRequest,
        repository: value("CI_PROJECT_PATH"), apiURL: value("CI_API_V4_URL"), event: value("CI_PIPELINE_SOURCE"))
      context.isDefaultBranchPush =
        mergeRequest == nil && value("CI_PIPELINE_SOURCE") == "push" && value("CI_COMMIT_BRANCH") != nil
        && value("CI_COMMIT_BRANCH") == value("CI_DEFAULT_BRANCH")
      return context
    }
    return CIContext(
      provider: .generic, base: value("PADDOCK_BASE"), head: value("PADDOCK_HEAD"), pullRequest: nil, repository: nil,
      apiURL: nil, event: nil)
  }

  /// What to change in the CI set-up when the clone lacks the base commit.
  package func shallowCloneFix(missing commit: String) -> String {
    switch provider {
    case .github:
      "actions/checkout fetches one commit by default: set `fetch-depth: 0` on the checkout step (or run `git fetch --no-tags origin \(commit)` before Paddock)"
    case .gitlab:
      "GitLab clones shallowly by default: set `GIT_DEPTH: \"0\"` in the job's variables (or run `git fetch origin \(commit)` before Paddock)"
    case .generic:
      "fetch the history first: `git fetch --unshallow` (or `git fetch origin \(commit)`)"
    }
  }
}

extension CIContext {
  /// The range to review, checking that this clone has what it needs: both ends and their merge base. A shallow
  /// clone that lacks them gets the exact fix for this CI system instead of a review of the wrong lines.
  package func range(base: String, head: String, in repository: Repository) throws -> ResolvedRange {
    func commit(_ revision: String, role: String) throws -> ObjectID {
      do {
        return try repository.resolveCommit(revision)
      } catch {
        throw CIError.commitNotInClone(
          role: role, revision: revision, detail: error.detail, fix: shallowCloneFix(missing: revision))
      }
    }
    let baseID = try commit(base, role: "base")
    let headID = try commit(head, role: "head")
    let mergeBase: ObjectID?
    do {
      mergeBase = try repository.mergeBase(baseID, headID)
    } catch {
      throw CIError.mergeBaseUnknown(
        base: base, head: head, detail: error.detail, fix: shallowCloneFix(missing: base))
    }
    if mergeBase == nil, repository.isShallow {
      throw CIError.mergeBaseBeyondShallowClone(base: base, head: head, fix: shallowCloneFix(missing: base))
    }
    return ResolvedRange(base: baseID, head: headID, label: "\(base)..\(head)")
  }
}
