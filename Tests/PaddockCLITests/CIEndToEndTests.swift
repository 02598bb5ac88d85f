import Foundation
import TestSupport
import Testing

/// A GitHub REST API on 127.0.0.1 that keeps the comments posted to one pull request.
struct FakeGitHub {
  let state = FakeGitHubState()
  let server: MockHTTPServer

  init() throws {
    server = try MockHTTPServer { [state] request in state.answer(request) }
  }

  var postedComments: [[String: Any]] { state.postedComments }
}

/// What the fake GitHub has been sent, behind a lock: the server answers on its own thread. The token belongs to
/// `paddock-bot`; the pull request was opened by `ada-l`.
final class FakeGitHubState: @unchecked Sendable {
  private let lock = NSLock()
  private var reviewComments: [[String: Any]] = []
  private var reviews: [[String: Any]] = []
  private var issueComments: [[String: Any]] = []
  private var nextID = 100
  static var bot: [String: Any] { ["login": "paddock-bot", "type": "User"] }

  /// A review someone else left: `APPROVED`, `CHANGES_REQUESTED`, `COMMENTED`.
  func addReview(by login: String, type: String = "User", state: String, commit: String, body: String = "") {
    lock.lock()
    defer { lock.unlock() }
    nextID += 1
    reviews.append([
      "id": nextID, "user": ["login": login, "type": type], "state": state, "commit_id": commit, "body": body,
    ])
  }

  /// A review comment someone else wrote on a line.
  func addReviewComment(by login: String, body: String) {
    lock.lock()
    defer { lock.unlock() }
    nextID += 1
    reviewComments.append(["id": nextID, "user": ["login": login, "type": "User"], "body": body])
  }

  private func json(_ value: Any, status: Int = 200) -> (status: Int, headers: [String: String], body: Data) {
    (status, ["Content-Type": "application/json"], (try? JSONSerialization.data(withJSONObject: value)) ?? Data())
  }

  func answer(_ request: RecordedRequest) -> (status: Int, headers: [String: String], body: Data) {
    lock.lock()
    defer { lock.unlock() }
    // A fork's pull_request run: the token reads but may not write.
    if request.headers["authorization"] == "Bearer fork-read-only", request.method != "GET" {
      return json(["message": "Resource not accessible by integration"], status: 403)
    }
    guard ["Bearer secret-token-123", "Bearer fork-read-only"].contains(request.headers["authorization"] ?? "") else {
      return json(["message": "Bad credentials"], status: 401)
    }
    let base = "/repos/acme/app"
    switch (request.method, request.path) {
    case ("GET", "/user"): return json(Self.bot)
    case ("GET", "\(base)/pulls/7"): return json(["number": 7, "user": ["login": "ada-l", "type": "User"]])
    case ("GET", "\(base)/pulls/7/comments"): return json(reviewComments)
    case ("GET", "\(base)/pulls/7/reviews"): return json(reviews)
    case ("GET", "\(base)/issues/7/comments"): return json(issueComments)
    case ("POST", "\(base)/pulls/7/reviews"):
      guard let payload = request.json as? [String: Any] else { return json(["message": "bad"], status: 422) }
      nextID += 1
      let state = payload["event"] as? String == "REQUEST_CHANGES" ? "CHANGES_REQUESTED" : "COMMENTED"
      reviews.append([
        "id": nextID, "body": payload["body"] ?? "", "user": Self.bot, "state": state,
        "commit_id": payload["commit_id"] ?? "",
      ])
      for var comment in payload["comments"] as? [[String: Any]] ?? [] {
        comment["user"] = Self.bot
        reviewComments.append(comment)
      }
      return json(["id": nextID])
    case ("PUT", let path) where path.hasPrefix("\(base)/pulls/7/reviews/") && path.hasSuffix("/dismissals"):
      let id = Int(path.split(separator: "/").dropLast().last ?? "") ?? 0
      guard let index = reviews.firstIndex(where: { $0["id"] as? Int == id }),
        reviews[index]["state"] as? String == "CHANGES_REQUESTED"
      else { return json(["message": "Can not dismiss a commented pull request review"], status: 422) }
      reviews[index]["state"] = "DISMISSED"
      return json(["id": id, "state": "DISMISSED"])
    case ("POST", "\(base)/issues/7/comments"):
      nextID += 1
      let body = (request.json as? [String: Any])?["body"] ?? ""
      issueComments.append(["id": nextID, "body": body, "user": Self.bot])
      return json(["id": nextID], status: 201)
    case ("PATCH", let path) where path.hasPrefix("\(base)/issues/comments/"):
      let id = Int(path.split(separator: "/").last ?? "") ?? 0
      if let index = issueComments.firstIndex(where: { $0["id"] as? Int == id }) {
        issueComments[index]["body"] = (request.json as? [String: Any])?["body"] ?? ""
      }
      return json(["id": id])
    default:
      return json(["message": "Not Found"], status: 404)
    }
  }

  var postedComments: [[String: Any]] {
    lock.lock()
    defer { lock.unlock() }
    return reviewComments
  }

  /// Each review's state, oldest first.
  var reviewStates: [String] {
    lock.lock()
    defer { lock.unlock() }
    return reviews.map { $0["state"] as? String ?? "" }
  }
}

/// `paddock ci` on a GitHub pull request, against a local stand-in for the GitHub API.
@Suite struct CIEndToEndTests {
  static let claude = "\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>\n"

  /// `main`, and a pull request branch whose AI commit adds a credential and an unsafe call.
  static func pullRequest(disablingInHead: Bool = false) throws -> (TestRepository, base: String, head: String) {
    let repository = try TestRepository()
    try repository.write("src/app.py", "def main():\n    return 0\n")
    try repository.write("tests/test_app.py", "def test_main():\n    assert main() == 0\n")
    let base = try repository.commit("Initial commit")
    try repository.git(["checkout", "-q", "-b", "feature"])
    try repository.write(
      "src/settings.py",
      "REGION = \"eu-west-1\"\nAWS_ACCESS_KEY_ID = \"AKIAZ7QX4RLM2VBN6KTE\"\n\ndef run(code):\n    return eval(code)\n")
    try repository.write("tests/test_settings.py", "def test_region():\n    assert REGION\n")
    if disablingInHead {
      try repository.write(".paddock.yml", "rules:\n  disable: [aws-access-key-id, python-eval]\n")
    }
    let head = try repository.commit("Add settings" + claude)
    return (repository, base, head)
  }

  static func environment(_ repository: TestRepository, github: FakeGitHub, base: String, head: String) throws
    -> [String: String]
  {
    let event = repository.siblingPath("event.json")
    let payload: [String: Any] = [
      "number": 7, "pull_request": ["number": 7, "base": ["sha": base], "head": ["sha": head]],
    ]
    FileManager.default.createFile(atPath: event, contents: try JSONSerialization.data(withJSONObject: payload))
    var environment = repository.environment
    environment["GITHUB_ACTIONS"] = "true"
    environment["GITHUB_EVENT_NAME"] = "pull_request"
    environment["GITHUB_EVENT_PATH"] = event
    environment["GITHUB_REPOSITORY"] = "acme/app"
    environment["GITHUB_API_URL"] = github.server.url
    environment["GITHUB_TOKEN"] = "secret-token-123"
    environment["GITHUB_STEP_SUMMARY"] = repository.siblingPath("summary.md")
    return environment
  }

  /// The new-file lines `git diff -U0 base head` adds, per path: the only lines a review comment may point at.
  static func addedLines(_ repository: TestRepository, _ base: String, _ head: String) throws -> [String: Set<Int>] {
    var result: [String: Set<Int>] = [:]
    var path = ""
    for line in try repository.git(["diff", "-U0", base, head]).split(separator: "\n") {
      if line.hasPrefix("+++ b/") { path = String(line.dropFirst(6)) }
      if line.hasPrefix("@@"), let plus = line.split(separator: " ").first(where: { $0.hasPrefix("+") }) {
        let parts = plus.dropFirst().split(separator: ",")
        let start = Int(parts[0]) ?? 0
        let count = parts.count > 1 ? Int(parts[1]) ?? 0 : 1
        result[path, default: []].formUnion(start..<(start + count))
      }
    }
    return result
  }

  @Test func aPullRequestGetsInlineCommentsOnceAndASummaryUpdatedInPlace() throws {
    let (repository, base, head) = try Self.pullRequest()
    let github = try FakeGitHub()
    let environment = try Self.environment(repository, github: github, base: base, head: head)

    let first = try PaddockBinary.run(
      ["ci", "--sarif", "paddock.sarif"], in: repository.path, environment: environment)
    #expect(first.status == 1, "\(first.err)")
    #expect(first.out.contains("::error file=src/settings.py"), "annotations on stdout: \(first.out)")
    #expect(first.err.contains("from the base commit"))
    #expect(FileManager.default.fileExists(atPath: repository.path + "/paddock.sarif"))
    #expect(FileManager.default.fileExists(atPath: repository.siblingPath("summary.md")))
    for text in [first.out, first.err] { #expect(!text.contains("secret-token-123"), "the token is never printed") }

    let posted = github.server.requests.filter { $0.method != "GET" }
    #expect(posted.map(\.method) == ["POST", "POST"], "one review and one summary comment")
    let comments = github.postedComments
    #expect(comments.count >= 2, "\(comments)")
    let added = try Self.addedLines(repository, base, head)
    for comment in comments {
      let path = comment["path"] as? String ?? ""
      let line = comment["line"] as? Int ?? 0
      #expect(added[path]?.contains(line) == true, "comment on \(path):\(line) is not an added line")
      #expect(comment["side"] as? String == "RIGHT")
    }
    #expect(comments.contains { ($0["body"] as? String)?.contains("aws-access-key-id") == true })
    let review = posted.first { $0.path.hasSuffix("/pulls/7/reviews") }?.json as? [String: Any]
    #expect(review?["commit_id"] as? String == head)
    #expect(review?["event"] as? String == "COMMENT")

    // A second run finds the same things and posts nothing new.
    let before = github.server.requests.count
    let second = try PaddockBinary.run(["ci"], in: repository.path, environment: environment)
    #expect(second.status == 1)
    let again = github.server.requests.dropFirst(before).filter { $0.method != "GET" }
    #expect(again.isEmpty, "\(again.map { "\($0.method) \($0.path)" })")
    #expect(github.postedComments.count == comments.count)
    #expect(second.err.contains("0 inline comments"), "\(second.err)")
  }

  /// A pull request whose AI commit adds a key and whose next commit removes it blocks: the key is in the
  /// branch's history even though the pull request's diff does not show it.
  @Test func aSecretInAnIntermediateCommitBlocksThePullRequest() throws {
    let repository = try TestRepository()
    try repository.write("src/app.py", "def main():\n    return 0\n")
    let base = try repository.commit("Initial commit")
    try repository.git(["checkout", "-q", "-b", "feature"])
    try repository.write("src/settings.py", "REGION = \"eu-west-1\"\nAWS_ACCESS_KEY_ID = \"AKIAZ7QX4RLM2VBN6KTE\"\n")
    let leaking = try repository.commit("Add settings" + Self.claude)
    try repository.write("src/settings.py", "REGION = \"eu-west-1\"\n")
    let head = try repository.commit("Drop the key")
    let github = try FakeGitHub()
    var environment = try Self.environment(repository, github: github, base: base, head: head)
    environment["GITHUB_TOKEN"] = nil
    let result = try PaddockBinary.run(["ci", "--format", "json"], in: repository.path, environment: environment)
    #expect(result.status == 1, "\(result.err)")
    #expect(result.out.contains("\"aws-access-key-id\""), "\(result.out)")
    #expect(result.out.contains("\"commit\" : \"\(leaking)\"") || result.out.contains("\"commit\":\"\(leaking)\""))
    #expect(result.out.contains("git rebase -i \(leaking.prefix(12))^"))
    #expect(!result.out.contains("AKIAZ7QX4RLM2VBN6KTE"))
  }

  /// `main` with a workflow, and a pull request whose AI commit edits it.
  static func workflowPullRequest() throws -> (TestRepository, base: String, head: String) {
    let repository = try TestRepository()
    try repository.write(".github/workflows/ci.yml", "on: pull_request\njobs: {}\n")
    let base = try repository.commit("Initial commit")
    try repository.git(["checkout", "-q", "-b", "feature"])
    try repository.write(".github/workflows/ci.yml", "on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n")
    let head = try repository.commit("Add a test job" + claude)
    return (repository, base, head)
  }

  /// On GitHub, an approval of the pull request is a person's review of its AI changes to protected paths, but
  /// not the author's own, not a bot's, not one of an older commit, and not one withdrawn later.
  @Test func aPullRequestApprovalByAnotherPersonUnlocksProtectedPaths() throws {
    let (repository, base, head) = try Self.workflowPullRequest()
    let github = try FakeGitHub()
    let environment = try Self.environment(repository, github: github, base: base, head: head)
    func run() throws -> ProcessResult {
      try PaddockBinary.run(["ci", "--format", "json", "--no-comment"], in: repository.path, environment: environment)
    }
    #expect(try run().status == 1)
    github.state.addReview(by: "ada-l", state: "APPROVED", commit: head)
    github.state.addReview(by: "copilot-pull-request-reviewer[bot]", type: "Bot", state: "APPROVED", commit: head)
    github.state.addReview(by: "grace", state: "APPROVED", commit: base)
    github.state.addReview(by: "linus", state: "APPROVED", commit: head)
    github.state.addReview(by: "linus", state: "CHANGES_REQUESTED", commit: head)
    let refused = try run()
    #expect(refused.status == 1, "\(refused.err)")
    #expect(refused.out.contains("ai-protected-path-unreviewed"))

    github.state.addReview(by: "grace", state: "APPROVED", commit: head)
    github.state.addReview(by: "grace", state: "COMMENTED", commit: head, body: "one more thing")
    let approved = try run()
    #expect(approved.status == 0, "\(approved.out)\n\(approved.err)")
    #expect(!approved.out.contains("ai-protected-path-unreviewed"))
    #expect(approved.err.contains("@grace (approved pull request #7) counts as a person's review"), "\(approved.err)")
    #expect(github.server.requests.allSatisfy { $0.method == "GET" }, "--no-comment posts nothing")
  }

  /// On GitLab, the merge request's approvals (read with PADDOCK_GITLAB_TOKEN) count the same way.
  @Test func aMergeRequestApprovalByAnotherPersonUnlocksProtectedPaths() throws {
    let (repository, base, head) = try Self.workflowPullRequest()
    final class Approvers: @unchecked Sendable {
      let lock = NSLock()
      var users: [[String: Any]] = [["username": "ada-l"], ["username": "project_42_bot_3f9a"]]
    }
    let approvers = Approvers()
    let server = try MockHTTPServer { request in
      guard request.headers["private-token"] == "gl-token" else { return (401, [:], Data()) }
      let object: [String: Any]
      switch request.path {
      case "/api/v4/projects/42/merge_requests/7": object = ["iid": 7, "author": ["username": "ada-l"]]
      case "/api/v4/projects/42/merge_requests/7/approvals":
        approvers.lock.lock()
        object = ["approved_by": approvers.users.map { ["user": $0] }]
        approvers.lock.unlock()
      default: return (404, [:], Data())
      }
      return (
        200, ["Content-Type": "application/json"], (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
      )
    }
    var environment = repository.environment
    environment["GITLAB_CI"] = "true"
    environment["CI_MERGE_REQUEST_IID"] = "7"
    environment["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = base
    environment["CI_COMMIT_SHA"] = head
    environment["CI_PROJECT_ID"] = "42"
    environment["CI_PROJECT_PATH"] = "acme/app"
    environment["CI_API_V4_URL"] = server.url + "/api/v4"
    environment["PADDOCK_GITLAB_TOKEN"] = "gl-token"
    let arguments = ["ci", "--format", "json", "--codequality", repository.siblingPath("cq.json")]
    let refused = try PaddockBinary.run(arguments, in: repository.path, environment: environment)
    #expect(refused.status == 1, "\(refused.err)")
    #expect(server.requests.contains { $0.path.hasSuffix("/approvals") }, "the approvals were read")

    approvers.lock.lock()
    approvers.users.append(["username": "grace"])
    approvers.lock.unlock()
    let approved = try PaddockBinary.run(arguments, in: repository.path, environment: environment)
    #expect(approved.status == 0, "\(approved.out)\n\(approved.err)")
    #expect(approved.err.contains("@grace (approved merge request !7)"), "\(approved.err)")
    #expect(!approved.err.contains("gl-token"))
  }

  /// Paddock's fingerprint markers planted in the author's own comment silence nothing: only comments by the
  /// token's account count.
  @Test func markersInSomeoneElsesCommentsDoNotSilenceFindings() throws {
    let (repository, base, head) = try Self.pullRequest()
    let first = try FakeGitHub()
    _ = try PaddockBinary.run(
      ["ci"], in: repository.path, environment: try Self.environment(repository, github: first, base: base, head: head))
    let posted = first.postedComments
    #expect(!posted.isEmpty)

    let planted = try FakeGitHub()
    let markers = posted.compactMap { $0["body"] as? String }.joined(separator: "\n")
    planted.state.addReviewComment(by: "ada-l", body: "Nothing to see here.\n" + markers)
    planted.state.addReview(by: "ada-l", state: "COMMENTED", commit: head, body: markers)
    let result = try PaddockBinary.run(
      ["ci"], in: repository.path,
      environment: try Self.environment(repository, github: planted, base: base, head: head))
    #expect(result.status == 1)
    #expect(planted.postedComments.count == posted.count + 1, "Paddock posted its own comments again: \(result.err)")
    #expect(result.err.contains("\(posted.count) inline comment"), "\(result.err)")
  }

  @Test func aPullRequestCannotSwitchOffTheRulesThatJudgeIt() throws {
    let (repository, base, head) = try Self.pullRequest(disablingInHead: true)
    let github = try FakeGitHub()
    var environment = try Self.environment(repository, github: github, base: base, head: head)
    environment["GITHUB_TOKEN"] = nil
    let result = try PaddockBinary.run(["ci", "--format", "json"], in: repository.path, environment: environment)
    #expect(result.status == 1, "\(result.err)")
    #expect(result.out.contains("\"aws-access-key-id\""), "the head's .paddock.yml must not disable the rule")
    #expect(github.server.requests.isEmpty, "no token, no API calls")

    // Trusting the head's configuration (an explicit choice) does switch it off: the test can tell the difference.
    let trusted = try PaddockBinary.run(
      ["ci", "--format", "json", "--trust-head-config"], in: repository.path, environment: environment)
    #expect(!trusted.out.contains("\"aws-access-key-id\""), "\(trusted.out)")
  }

  @Test func aRefusedTokenWarnsAndTheVerdictStands() throws {
    let (repository, base, head) = try Self.pullRequest()
    let github = try FakeGitHub()
    var environment = try Self.environment(repository, github: github, base: base, head: head)
    environment["GITHUB_TOKEN"] = "read-only-token"
    let result = try PaddockBinary.run(["ci"], in: repository.path, environment: environment)
    #expect(result.status == 1, "the verdict decides the exit code: \(result.err)")
    #expect(result.err.contains("warning: could not comment on pull request #7"), "\(result.err)")
    #expect(result.err.contains("401"))
    #expect(!result.err.contains("read-only-token"))
  }

  @Test func aShallowCloneNamesTheFix() throws {
    let (repository, base, head) = try Self.pullRequest()
    let clonePath = repository.siblingPath("shallow")
    try repository.git(["clone", "-q", "--depth", "1", "--branch", "feature", "file://\(repository.path)", clonePath])
    let github = try FakeGitHub()
    var environment = try Self.environment(repository, github: github, base: base, head: head)
    environment["GITHUB_TOKEN"] = nil
    let result = try PaddockBinary.run(["ci"], in: clonePath, environment: environment)
    #expect(result.status == 2)
    #expect(result.err.contains("fetch-depth: 0"), "\(result.err)")
  }

  /// With --request-changes a blocking run requests changes (once), and the run after the fix dismisses it.
  @Test func aBlockRequestsChangesAndALaterPassDismissesThem() throws {
    let (repository, base, head) = try Self.pullRequest()
    let github = try FakeGitHub()
    let environment = try Self.environment(repository, github: github, base: base, head: head)
    let first = try PaddockBinary.run(["ci", "--request-changes"], in: repository.path, environment: environment)
    #expect(first.status == 1, "\(first.err)")
    #expect(first.err.contains("changes requested"), "\(first.err)")
    #expect(github.state.reviewStates == ["CHANGES_REQUESTED"])
    // Nothing new: the standing change request is not repeated.
    let again = try PaddockBinary.run(["ci", "--request-changes"], in: repository.path, environment: environment)
    #expect(again.status == 1)
    #expect(github.state.reviewStates == ["CHANGES_REQUESTED"])

    // The branch is rewritten without the key (a key in any commit of the branch blocks) and force-pushed.
    try repository.git(["checkout", "-q", "-B", "feature", base])
    try repository.write("src/settings.py", "REGION = \"eu-west-1\"\n")
    try repository.write("tests/test_settings.py", "def test_region():\n    assert REGION\n")
    let fixed = try repository.commit("Add settings")
    let passing = try Self.environment(repository, github: github, base: base, head: fixed)
    let last = try PaddockBinary.run(["ci", "--request-changes"], in: repository.path, environment: passing)
    #expect(last.status == 0, "\(last.err)")
    #expect(last.err.contains("1 earlier change request dismissed"), "\(last.err)")
    #expect(github.state.reviewStates == ["DISMISSED"])
    let dismissal = github.server.requests.first { $0.method == "PUT" }
    #expect(dismissal?.path == "/repos/acme/app/pulls/7/reviews/101/dismissals")
  }

  /// Without --request-changes the review only comments, as before.
  @Test func withoutTheFlagABlockOnlyComments() throws {
    let (repository, base, head) = try Self.pullRequest()
    let github = try FakeGitHub()
    let environment = try Self.environment(repository, github: github, base: base, head: head)
    _ = try PaddockBinary.run(["ci"], in: repository.path, environment: environment)
    #expect(github.state.reviewStates == ["COMMENTED"])
  }

  /// The log says plainly why nothing was posted: no token, a fork's read-only token, --no-comment.
  @Test func theLogSaysWhyNothingWasPosted() throws {
    let (repository, base, head) = try Self.pullRequest()
    let github = try FakeGitHub()
    var environment = try Self.environment(repository, github: github, base: base, head: head)
    environment["GITHUB_TOKEN"] = nil
    let noToken = try PaddockBinary.run(["ci"], in: repository.path, environment: environment)
    #expect(noToken.status == 1)
    #expect(noToken.err.contains("nothing posted to pull request #7: no token"), "\(noToken.err)")
    #expect(github.server.requests.isEmpty)

    environment["GITHUB_TOKEN"] = "secret-token-123"
    let quiet = try PaddockBinary.run(["ci", "--no-comment"], in: repository.path, environment: environment)
    #expect(quiet.err.contains("nothing posted to pull request #7: --no-comment"), "\(quiet.err)")

    let event = repository.siblingPath("event.json")
    let payload: [String: Any] = [
      "number": 7,
      "pull_request": [
        "number": 7, "base": ["sha": base, "repo": ["full_name": "acme/app"]],
        "head": ["sha": head, "repo": ["full_name": "someone/app", "fork": true]],
      ],
    ]
    FileManager.default.createFile(atPath: event, contents: try JSONSerialization.data(withJSONObject: payload))
    environment["GITHUB_TOKEN"] = "fork-read-only"
    let fork = try PaddockBinary.run(["ci"], in: repository.path, environment: environment)
    #expect(fork.status == 1, "the verdict stands: \(fork.err)")
    #expect(fork.err.contains("403"), "\(fork.err)")
    #expect(fork.err.contains("it comes from a fork"), "\(fork.err)")
    #expect(!fork.err.contains("fork-read-only"))
  }
}
