import Foundation
import Testing

@testable import PaddockCore

@Suite struct CIContextTests {
  @Test func gitHubPullRequestAndPushPayloads() throws {
    let pull = Data(
      #"{"number": 12, "pull_request": {"number": 12, "base": {"sha": "b1"}, "head": {"sha": "h1"}}}"#.utf8)
    let environment = [
      "GITHUB_ACTIONS": "true", "GITHUB_EVENT_PATH": "/event.json", "GITHUB_REPOSITORY": "acme/app",
      "GITHUB_SHA": "merge", "GITHUB_EVENT_NAME": "pull_request",
    ]
    let context = try CIContext.detect(environment: environment) { _ in pull }
    #expect(context.provider == .github)
    #expect(context.base == "b1" && context.head == "h1" && context.pullRequest == 12)
    #expect(context.apiURL == "https://api.github.com")

    let push = Data(#"{"before": "0000000000000000000000000000000000000000", "after": "a2"}"#.utf8)
    let created = try CIContext.detect(environment: environment.merging(["GITHUB_EVENT_NAME": "push"]) { $1 }) { _ in
      push
    }
    #expect(created.base == nil, "a new branch has no before commit")
    #expect(created.head == "a2")

    #expect(throws: CIError.eventPayloadUnreadable(path: "/event.json")) {
      try CIContext.detect(environment: environment) { _ in nil }
    }
    #expect(throws: CIError.eventPayloadNotJSON(path: "/event.json")) {
      try CIContext.detect(environment: environment) { _ in Data("[1, 2]".utf8) }
    }
  }

  /// An empty or all-zero commit id in the payload names no commit: the base falls back to `GITHUB_BASE_REF` and
  /// the head to `GITHUB_SHA`, never to an empty revision.
  @Test func anEmptyCommitIdInThePayloadIsAbsent() throws {
    let environment = [
      "GITHUB_ACTIONS": "true", "GITHUB_EVENT_PATH": "/event.json", "GITHUB_SHA": "merge", "GITHUB_BASE_REF": "main",
    ]
    let pull = Data(#"{"number": 7, "pull_request": {"number": 7, "base": {"sha": ""}, "head": {"sha": ""}}}"#.utf8)
    let context = try CIContext.detect(environment: environment) { _ in pull }
    #expect(context.base == "origin/main")
    #expect(context.head == "merge")
    let push = Data(#"{"before": "b1", "after": "0000000000000000000000000000000000000000"}"#.utf8)
    let deleted = try CIContext.detect(environment: environment) { _ in push }
    #expect(deleted.base == "b1" && deleted.head == "merge")
  }

  /// A field of another type than GitHub documents reads as absent and costs no other field.
  @Test func anOddFieldInThePayloadIsIgnored() throws {
    let payload = Data(
      #"{"number": "12", "pull_request": {"number": 12, "base": {"sha": 7, "repo": []}, "head": {"sha": "h1", "repo": {"full_name": "me/app", "fork": "yes"}}}}"#
        .utf8)
    let environment = ["GITHUB_ACTIONS": "true", "GITHUB_EVENT_PATH": "/event.json", "GITHUB_BASE_REF": "main"]
    let context = try CIContext.detect(environment: environment) { _ in payload }
    #expect(context.pullRequest == 12 && context.head == "h1")
    #expect(context.base == "origin/main", "an unreadable base sha falls back to GITHUB_BASE_REF")
    #expect(!context.isFork)
  }

  /// Approvals are recorded only after a push to the default branch: GitHub's payload names it, GitLab's
  /// variables do; a pull request, another branch or a merge request pipeline is not one.
  @Test func aPushToTheDefaultBranchIsRecognised() throws {
    let environment = ["GITHUB_ACTIONS": "true", "GITHUB_EVENT_PATH": "/event.json", "GITHUB_EVENT_NAME": "push"]
    func github(_ ref: String) throws -> Bool {
      let payload = #"{"ref": "\#(ref)", "before": "b", "after": "a", "repository": {"default_branch": "main"}}"#
      return try CIContext.detect(environment: environment) { _ in Data(payload.utf8) }.isDefaultBranchPush
    }
    #expect(try github("refs/heads/main"))
    #expect(try !github("refs/heads/mainline"))
    #expect(try !github("refs/tags/main"))
    let pull = Data(#"{"pull_request": {"number": 1, "base": {"sha": "b"}, "head": {"sha": "h"}}}"#.utf8)
    #expect(try !CIContext.detect(environment: environment) { _ in pull }.isDefaultBranchPush)

    let gitlab = [
      "GITLAB_CI": "true", "CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "main", "CI_DEFAULT_BRANCH": "main",
      "CI_COMMIT_BEFORE_SHA": "b", "CI_COMMIT_SHA": "h",
    ]
    #expect(try CIContext.detect(environment: gitlab).isDefaultBranchPush)
    #expect(try !CIContext.detect(environment: gitlab.merging(["CI_COMMIT_BRANCH": "dev"]) { $1 }).isDefaultBranchPush)
    #expect(
      try !CIContext.detect(environment: gitlab.merging(["CI_PIPELINE_SOURCE": "schedule"]) { $1 }).isDefaultBranchPush)
  }

  @Test func gitLabMergeRequestAndGeneric() throws {
    let gitlab = try CIContext.detect(environment: [
      "GITLAB_CI": "true", "CI_MERGE_REQUEST_DIFF_BASE_SHA": "b2", "CI_COMMIT_SHA": "h2", "CI_MERGE_REQUEST_IID": "4",
      "CI_PROJECT_PATH": "acme/app",
    ])
    #expect(gitlab.provider == .gitlab && gitlab.base == "b2" && gitlab.head == "h2" && gitlab.pullRequest == 4)
    #expect(gitlab.shallowCloneFix(missing: "b2").contains("GIT_DEPTH"))

    let branch = try CIContext.detect(environment: [
      "GITLAB_CI": "true", "CI_COMMIT_BEFORE_SHA": "0000000000000000000000000000000000000000", "CI_COMMIT_SHA": "h3",
    ])
    #expect(branch.base == nil)

    let generic = try CIContext.detect(environment: ["PADDOCK_BASE": "main", "PADDOCK_HEAD": "topic"])
    #expect(generic.provider == .generic && generic.base == "main" && generic.head == "topic")
  }
}
