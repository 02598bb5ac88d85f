import Foundation
import TestSupport
import Testing

/// `paddock ci` on a push to the default branch records the approvals of the pull requests it merged as git notes,
/// pushes them to a local bare remote, and the reports count them as reviews.
@Suite struct ReviewNotesEndToEndTests {
  static let claude = "\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>\n"

  /// `main` pushed to a bare remote; then pull request #7 (an AI commit by Ada, merged with a merge commit) and an
  /// AI commit pushed straight to `main`, not yet pushed.
  struct Scenario {
    let repository: TestRepository
    let remote: TestRepository
    let base: String
    let aiCommit: String
    let merge: String
    let direct: String
  }

  static func scenario() throws -> Scenario {
    let remote = try TestRepository(bare: true, name: "remote.git")
    let repository = try TestRepository()
    try repository.write("src/app.py", "def main():\n    return 0\n")
    let base = try repository.commit("Initial commit")
    try repository.git(["remote", "add", "origin", remote.path])
    try repository.git(["push", "-q", "origin", "main"])
    try repository.git(["checkout", "-q", "-b", "feature"])
    try repository.write("src/greet.py", "def greet(name):\n    return 'hello ' + name\n")
    let aiCommit = try repository.commit("Add greet" + claude)
    try repository.git(["checkout", "-q", "main"])
    let merge = try repository.merge("feature", message: "Merge pull request #7 from acme/feature")
    try repository.write("src/bye.py", "def bye(name):\n    return 'bye ' + name\n")
    let direct = try repository.commit("Add bye" + claude)
    return Scenario(
      repository: repository, remote: remote, base: base, aiCommit: aiCommit, merge: merge, direct: direct)
  }

  /// A GitHub API that knows pull request #7 (merged as `merge`, opened by `ada-l`, its head `aiCommit`) and its
  /// reviews: Ada's own approval, a bot's, and Grace's.
  static func github(_ scenario: Scenario) throws -> MockHTTPServer {
    let merge = scenario.merge
    let head = scenario.aiCommit
    return try MockHTTPServer { request in
      func json(_ value: Any, status: Int = 200) -> (status: Int, headers: [String: String], body: Data) {
        (status, ["Content-Type": "application/json"], (try? JSONSerialization.data(withJSONObject: value)) ?? Data())
      }
      guard request.headers["authorization"] == "Bearer secret-token-123" else {
        return json(["message": "Bad credentials"], status: 401)
      }
      let base = "/repos/acme/app"
      switch request.path {
      case "\(base)/commits/\(merge)/pulls":
        return json([
          [
            "number": 7, "merged_at": "2026-01-02T03:04:05Z", "merge_commit_sha": merge,
            "html_url": "https://github.com/acme/app/pull/7", "user": ["login": "ada-l", "type": "User"],
            "head": ["sha": head],
          ]
        ])
      case let path where path.hasPrefix("\(base)/commits/") && path.hasSuffix("/pulls"):
        return json([] as [Any])
      case "\(base)/pulls/7/reviews":
        return json([
          ["id": 1, "user": ["login": "ada-l", "type": "User"], "state": "APPROVED", "commit_id": head],
          [
            "id": 2, "user": ["login": "copilot-pull-request-reviewer[bot]", "type": "Bot"], "state": "APPROVED",
            "commit_id": head,
          ],
          ["id": 3, "user": ["login": "grace", "type": "User"], "state": "APPROVED", "commit_id": head],
        ])
      case "/users/grace":
        return json(["login": "grace", "name": "Grace Hopper", "email": "grace@example.org"])
      default:
        return json(["message": "Not Found"], status: 404)
      }
    }
  }

  /// A push event to `main` from `base` to `head`.
  static func environment(_ scenario: Scenario, server: MockHTTPServer) throws -> [String: String] {
    let event = scenario.repository.siblingPath("push.json")
    let payload: [String: Any] = [
      "ref": "refs/heads/main", "before": scenario.base, "after": scenario.direct,
      "repository": ["default_branch": "main", "full_name": "acme/app"],
    ]
    FileManager.default.createFile(atPath: event, contents: try JSONSerialization.data(withJSONObject: payload))
    var environment = scenario.repository.environment
    environment["GITHUB_ACTIONS"] = "true"
    environment["GITHUB_EVENT_NAME"] = "push"
    environment["GITHUB_EVENT_PATH"] = event
    environment["GITHUB_REPOSITORY"] = "acme/app"
    environment["GITHUB_API_URL"] = server.url
    environment["GITHUB_TOKEN"] = "secret-token-123"
    return environment
  }

  static func snapshot(_ scenario: Scenario) throws -> [String: Any] {
    let result = try PaddockBinary.run(
      ["report", "snapshot", "--format", "json"], in: scenario.repository.path,
      environment: scenario.repository.environment)
    #expect(result.status == 0, "\(result.err)")
    let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
    return try #require((object?["releases"] as? [[String: Any]])?.first)
  }

  @Test func approvalsOfMergedPullRequestsBecomeNotesThatReportsCount() throws {
    let scenario = try Self.scenario()
    let server = try Self.github(scenario)
    let before = try Self.snapshot(scenario)
    #expect(before["ai_commits"] as? Int == 2)
    #expect(before["reviewed_ai_commits"] as? Int == 0)

    let environment = try Self.environment(scenario, server: server)
    let result = try PaddockBinary.run(
      ["ci", "--format", "json", "--push-notes"], in: scenario.repository.path, environment: environment)
    #expect(result.status == 0, "\(result.out)\n\(result.err)")
    #expect(result.err.contains("pull request #7: @grace (Grace Hopper)"), "\(result.err)")
    #expect(result.err.contains("pushed refs/notes/paddock-reviews to origin"), "\(result.err)")
    #expect(!result.err.contains("secret-token-123"))
    #expect(server.requests.contains { $0.path == "/repos/acme/app/commits/\(scenario.direct)/pulls" })

    // The note is on the merge commit and on the commit it merged, in the remote too; the direct push has none.
    for commit in [scenario.merge, scenario.aiCommit] {
      let text = try scenario.remote.git(["notes", "--ref", "refs/notes/paddock-reviews", "show", commit])
      let note = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
      #expect(note["schema"] as? String == "paddock.review-note/1")
      #expect(note["provider"] as? String == "github")
      let request = note["request"] as? [String: Any]
      #expect(request?["number"] as? Int == 7)
      #expect(request?["url"] as? String == "https://github.com/acme/app/pull/7")
      #expect(request?["author"] as? String == "ada-l")
      let approvers = note["approvers"] as? [[String: Any]] ?? []
      #expect(approvers.map { $0["login"] as? String } == ["grace"], "the author's and the bot's do not count")
      #expect(approvers.first?["email"] as? String == "grace@example.org")
    }
    let none = try scenario.remote.gitResult(
      ["notes", "--ref", "refs/notes/paddock-reviews", "show", scenario.direct])
    #expect(none.status != 0)

    // The report counts the approved AI commit as reviewed (the cached labels notwithstanding).
    let after = try Self.snapshot(scenario)
    #expect(after["ai_commits"] as? Int == 2)
    #expect(after["reviewed_ai_commits"] as? Int == 1)
    let trends = try PaddockBinary.run(
      ["report", "trends", "--format", "json"], in: scenario.repository.path,
      environment: scenario.repository.environment)
    #expect(trends.out.contains("\"reviewed_ai_commits\" : 1") || trends.out.contains("\"reviewed_ai_commits\":1"))

    // A second run finds the same notes and pushes nothing new.
    let again = try PaddockBinary.run(
      ["ci", "--format", "json", "--push-notes"], in: scenario.repository.path, environment: environment)
    #expect(again.status == 0)
    #expect(!again.err.contains("pushed"), "\(again.err)")
  }

  /// A clone that fetches the notes ref gets the same figures; without it, the approvals are not known.
  @Test func aFreshCloneCountsTheApprovalsOnceItFetchesTheNotes() throws {
    let scenario = try Self.scenario()
    let server = try Self.github(scenario)
    let environment = try Self.environment(scenario, server: server)
    let result = try PaddockBinary.run(
      ["ci", "--format", "json", "--push-notes"], in: scenario.repository.path, environment: environment)
    #expect(result.status == 0, "\(result.err)")
    try scenario.repository.git(["push", "-q", "origin", "main"])
    let clonePath = scenario.repository.siblingPath("clone")
    try scenario.repository.git(["clone", "-q", scenario.remote.path, clonePath])
    let clone = TestRepository(existing: clonePath, home: scenario.repository.home)
    func reviewed() throws -> Int? {
      let report = try PaddockBinary.run(
        ["report", "snapshot", "--format", "json", "--no-cache"], in: clonePath, environment: clone.environment)
      let object = try JSONSerialization.jsonObject(with: Data(report.out.utf8)) as? [String: Any]
      return (object?["releases"] as? [[String: Any]])?.first?["reviewed_ai_commits"] as? Int
    }
    #expect(try reviewed() == 0)
    try clone.git(["fetch", "-q", "origin", "refs/notes/paddock-reviews:refs/notes/paddock-reviews"])
    #expect(try reviewed() == 1)
  }

  /// A remote that refuses the notes ref (no write permission) is a clear warning; the verdict and exit code
  /// stand, and the notes stay in the clone.
  @Test func aRefusedPushIsAWarningNotAFailure() throws {
    let scenario = try Self.scenario()
    let hook = scenario.remote.path + "/hooks/pre-receive"
    FileManager.default.createFile(
      atPath: hook,
      contents: Data("#!/bin/sh\necho 'Permission to acme/app.git denied to github-actions[bot].' >&2\nexit 1\n".utf8),
      attributes: [.posixPermissions: 0o755])
    let server = try Self.github(scenario)
    let environment = try Self.environment(scenario, server: server)
    let result = try PaddockBinary.run(
      ["ci", "--format", "json", "--push-notes"], in: scenario.repository.path, environment: environment)
    #expect(result.status == 0, "\(result.out)\n\(result.err)")
    #expect(result.err.contains("could not push refs/notes/paddock-reviews to origin"), "\(result.err)")
    #expect(result.err.contains("denied to github-actions[bot]"), "\(result.err)")
    #expect(result.err.contains("contents: write"), "\(result.err)")
    #expect(result.out.contains("\"verdict\""), "the report is still written")
    let local = try scenario.repository.git(["notes", "--ref", "refs/notes/paddock-reviews", "show", scenario.merge])
    #expect(local.contains("\"grace\""))
  }

  /// Outside the default branch (a push to another branch), nothing is looked up or written.
  @Test func aPushToAnotherBranchRecordsNothing() throws {
    let scenario = try Self.scenario()
    let server = try Self.github(scenario)
    var environment = try Self.environment(scenario, server: server)
    let event = scenario.repository.siblingPath("push-other.json")
    let payload: [String: Any] = [
      "ref": "refs/heads/release", "before": scenario.base, "after": scenario.direct,
      "repository": ["default_branch": "main"],
    ]
    FileManager.default.createFile(atPath: event, contents: try JSONSerialization.data(withJSONObject: payload))
    environment["GITHUB_EVENT_PATH"] = event
    let result = try PaddockBinary.run(
      ["ci", "--format", "json"], in: scenario.repository.path, environment: environment)
    #expect(result.status == 0, "\(result.err)")
    #expect(!server.requests.contains { $0.path.hasSuffix("/pulls") })
    #expect(try scenario.repository.gitResult(["notes", "--ref", "refs/notes/paddock-reviews", "list"]).out.isEmpty)
  }
}

/// The same on GitLab: a push pipeline on the default branch reads the merged merge request of each new commit.
@Suite struct GitLabReviewNotesEndToEndTests {
  @Test func approvalsOfMergedMergeRequestsBecomeNotes() throws {
    let scenario = try ReviewNotesEndToEndTests.scenario()
    let merge = scenario.merge
    let server = try MockHTTPServer { request in
      guard request.headers["private-token"] == "gl-token" else { return (401, [:], Data()) }
      let value: Any
      switch request.path {
      case "/api/v4/projects/42/repository/commits/\(merge)/merge_requests":
        value = [
          [
            "iid": 9, "state": "merged", "web_url": "https://gitlab.example/acme/app/-/merge_requests/9",
            "author": ["username": "ada-l"],
          ],
          ["iid": 3, "state": "closed", "author": ["username": "ada-l"]],
        ]
      case let path where path.hasPrefix("/api/v4/projects/42/repository/commits/"):
        value = [] as [Any]
      case "/api/v4/projects/42/merge_requests/9/approvals":
        value = [
          "approved_by": [
            ["user": ["username": "ada-l", "name": "Ada Lovelace"]],
            ["user": ["username": "project_42_bot_3f9a", "name": "Bot"]],
            ["user": ["username": "grace", "name": "Grace Hopper"]],
          ]
        ]
      default: return (404, [:], Data())
      }
      return (200, ["Content-Type": "application/json"], (try? JSONSerialization.data(withJSONObject: value)) ?? Data())
    }
    var environment = scenario.repository.environment
    environment["GITLAB_CI"] = "true"
    environment["CI_PIPELINE_SOURCE"] = "push"
    environment["CI_COMMIT_BRANCH"] = "main"
    environment["CI_DEFAULT_BRANCH"] = "main"
    environment["CI_COMMIT_BEFORE_SHA"] = scenario.base
    environment["CI_COMMIT_SHA"] = scenario.direct
    environment["CI_PROJECT_ID"] = "42"
    environment["CI_API_V4_URL"] = server.url + "/api/v4"
    environment["PADDOCK_GITLAB_TOKEN"] = "gl-token"
    let result = try PaddockBinary.run(
      ["ci", "--format", "json", "--codequality", scenario.repository.siblingPath("cq.json")],
      in: scenario.repository.path, environment: environment)
    #expect(result.status == 0, "\(result.err)")
    #expect(result.err.contains("merge request !9: @grace (Grace Hopper)"), "\(result.err)")
    #expect(!result.err.contains("pushed"), "nothing is pushed without --push-notes")
    let text = try scenario.repository.git(["notes", "--ref", "refs/notes/paddock-reviews", "show", scenario.aiCommit])
    #expect(text.contains(#""kind":"merge_request""#) && text.contains(#""login":"grace""#), "\(text)")
    #expect(!text.contains(#""login":"ada-l""#), "the author's own approval is not recorded")
    #expect(try scenario.remote.gitResult(["notes", "--ref", "refs/notes/paddock-reviews", "list"]).out.isEmpty)
  }
}
