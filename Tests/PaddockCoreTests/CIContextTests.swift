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

    #expect(throws: CIError.self) { try CIContext.detect(environment: environment) { _ in nil } }
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
