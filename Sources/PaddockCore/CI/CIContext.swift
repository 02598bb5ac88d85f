import Foundation
import PaddockGit

/// The CI system Paddock runs in, and the change it is asked to judge.
public struct CIContext: Sendable, Hashable {
  public enum Provider: String, Sendable, Hashable {
    case github, gitlab, generic
  }

  public var provider: Provider
  /// The commit the change is measured from (a pull request's base), as a revision.
  public var base: String?
  /// The commit under review.
  public var head: String?
  /// The pull or merge request number, when there is one.
  public var pullRequest: Int?
  /// `owner/name` on GitHub.
  public var repository: String?
  /// The REST API root, such as `https://api.github.com`.
  public var apiURL: String?
  /// What started the run (`pull_request`, `push`, `merge_request_event`).
  public var event: String?
  /// Whether the pull request's head is in another repository (a fork): GitHub gives such runs a read-only token.
  public var isFork = false
  /// Whether the run is for a push to the repository's default branch (GitHub: the payload's `ref` is
  /// `refs/heads/` + `repository.default_branch`; GitLab: a push pipeline on `CI_DEFAULT_BRANCH`): where
  /// merged pull requests' approvals are recorded.
  public var isDefaultBranchPush = false

  /// Reads the environment (and, on GitHub, the event payload at `GITHUB_EVENT_PATH`). `readFile` is injected so
  /// tests can hand over payloads.
  public static func detect(
    environment: [String: String], readFile: (String) -> Data? = { FileManager.default.contents(atPath: $0) }
  ) throws -> CIContext {
    func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
    func real(_ sha: String?) -> String? { sha.flatMap { $0.allSatisfy { $0 == "0" } ? nil : $0 } }
    if value("GITHUB_ACTIONS") == "true" {
      var context = CIContext(
        provider: .github, base: nil, head: value("GITHUB_SHA"), pullRequest: nil,
        repository: value("GITHUB_REPOSITORY"),
        apiURL: value("GITHUB_API_URL") ?? "https://api.github.com", event: value("GITHUB_EVENT_NAME"))
      if let path = value("GITHUB_EVENT_PATH") {
        guard let data = readFile(path) else {
          throw CIError(
            "GITHUB_EVENT_PATH names \(path), which cannot be read: run Paddock as a step of the job, not in a container without the event file"
          )
        }
        guard let payload = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
          throw CIError("the GitHub event payload at \(path) is not JSON")
        }
        if let pull = payload["pull_request"] as? [String: Any] {
          context.pullRequest = pull["number"] as? Int ?? payload["number"] as? Int
          context.base = ((pull["base"] as? [String: Any])?["sha"] as? String)
          context.head = ((pull["head"] as? [String: Any])?["sha"] as? String) ?? context.head
          let headRepo = (pull["head"] as? [String: Any])?["repo"] as? [String: Any]
          let baseRepo = (pull["base"] as? [String: Any])?["repo"] as? [String: Any]
          if let headName = headRepo?["full_name"] as? String, let baseName = baseRepo?["full_name"] as? String {
            context.isFork = headName.lowercased() != baseName.lowercased()
          } else {
            context.isFork = headRepo?["fork"] as? Bool == true
          }
        } else if let before = payload["before"] as? String {
          // A push: the commits between the old and new tip.
          context.base = real(before)
          context.head = (payload["after"] as? String) ?? context.head
          if let branch = (payload["repository"] as? [String: Any])?["default_branch"] as? String {
            context.isDefaultBranchPush = payload["ref"] as? String == "refs/heads/\(branch)"
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
  public func shallowCloneFix(missing commit: String) -> String {
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

/// A CI set-up problem, with what to change.
public struct CIError: Error, Sendable, Equatable, CustomStringConvertible {
  public var description: String
  /// The HTTP status a server answered, when the problem is its answer.
  public var status: Int?
  public init(_ description: String, status: Int? = nil) {
    self.description = description
    self.status = status
  }
}

extension CIContext {
  /// The range to review, checking that this clone has what it needs: both ends and their merge base. A shallow
  /// clone that lacks them gets the exact fix for this CI system instead of a review of the wrong lines.
  public func range(base: String, head: String, in repository: Repository) throws -> ResolvedRange {
    func commit(_ revision: String, role: String) throws -> ObjectID {
      do {
        return try repository.resolveCommit(revision)
      } catch {
        throw CIError(
          "the \(role) commit `\(revision)` is not in this clone (\(error.detail)): \(shallowCloneFix(missing: revision))"
        )
      }
    }
    let baseID = try commit(base, role: "base")
    let headID = try commit(head, role: "head")
    let mergeBase: ObjectID?
    do {
      mergeBase = try repository.mergeBase(baseID, headID)
    } catch {
      throw CIError("cannot find where `\(head)` left `\(base)`: \(error.detail); \(shallowCloneFix(missing: base))")
    }
    if mergeBase == nil, repository.isShallow {
      throw CIError(
        "this shallow clone does not reach the commit where `\(head)` left `\(base)`, so the added lines cannot be told apart: \(shallowCloneFix(missing: base))"
      )
    }
    return ResolvedRange(base: baseID, head: headID, label: "\(base)..\(head)")
  }
}
