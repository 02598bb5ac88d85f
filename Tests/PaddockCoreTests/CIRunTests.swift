import Foundation
import PaddockCore
import PaddockGit
import PaddockNet
import Synchronization
import TestSupport
import Testing

/// An in-memory GitHub for one pull request (#7 of acme/app, opened by `ada-l`): the token `t0ken` writes as
/// `paddock-bot`; `reviews` are the reviews others left; every request is recorded.
final class PullRequestGitHub: HTTPTransport, Sendable {
  let sent = Mutex<[HTTPRequest]>([])
  let reviews: String
  let status: Int

  init(reviews: String = "[]", status: Int = 200) {
    self.reviews = reviews
    self.status = status
  }

  func send(_ request: HTTPRequest) throws -> HTTPResponse {
    sent.withLock { $0.append(request) }
    guard status == 200, request.headers["Authorization"] == "Bearer t0ken" else {
      return HTTPResponse(status: status == 200 ? 401 : status, body: Data(#"{"message": "Bad credentials"}"#.utf8))
    }
    let answer: String
    switch (request.method, request.url.path) {
    case ("GET", "/user"): answer = #"{"login": "paddock-bot", "type": "User"}"#
    case ("GET", "/repos/acme/app/pulls/7"): answer = #"{"number": 7, "user": {"login": "ada-l", "type": "User"}}"#
    case ("GET", "/repos/acme/app/pulls/7/reviews"): answer = reviews
    case ("GET", _): answer = "[]"
    default: answer = #"{"id": 1}"#
    }
    return HTTPResponse(status: 200, body: Data(answer.utf8))
  }

  var writes: [String] { sent.withLock { $0 }.filter { $0.method != "GET" }.map { "\($0.method) \($0.url.path)" } }
}

/// `paddock ci`'s flow without a process: a real repository, the CI environment and an in-memory API in; the
/// review, the outputs, what was posted (or why not) and the exit status out.
@Suite struct CIRunTests {
  /// `main`, and a pull request branch whose AI commit adds a credential under `src/`.
  static func pullRequest() throws -> (TestRepository, base: String, head: String) {
    try PrePushRunTests.repository()
  }

  static func input(
    _ repository: TestRepository, base: String, head: String, token: String? = "t0ken",
    transport: any HTTPTransport
  ) -> CIRun.Input {
    var environment = [
      "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": "/event.json",
      "GITHUB_REPOSITORY": "acme/app", "GITHUB_API_URL": "http://127.0.0.1:9",
      "GITHUB_STEP_SUMMARY": "/summary.md",
    ]
    environment["GITHUB_TOKEN"] = token
    let payload =
      #"{"number": 7, "pull_request": {"number": 7, "base": {"sha": "\#(base)"}, "head": {"sha": "\#(head)"}}}"#
    return CIRun.Input(
      environment: environment, readFile: { $0 == "/event.json" ? Data(payload.utf8) : nil }, version: "test",
      transport: transport)
  }

  static func run(_ repository: TestRepository, _ input: CIRun.Input) throws -> CIRun.Result {
    try CIRun(repository: try Repository(discoveringFrom: repository.path), input: input).run()
  }

  @Test func aPullRequestIsReviewedWithTheBasesConfigurationAndPosted() throws {
    let (repository, base, head) = try Self.pullRequest()
    // The head's .paddock.yml would switch the rule off; the base's (none) judges the pull request.
    try repository.write(".paddock.yml", "rules:\n  disable: [aws-access-key-id]\n")
    let head2 = try repository.commit("Quiet the rule")
    let github = PullRequestGitHub()
    let result = try Self.run(repository, Self.input(repository, base: base, head: head2, transport: github))
    #expect(head != head2)
    #expect(result.context.provider == .github && result.context.pullRequest == 7)
    #expect(result.report.findings.contains { $0.rule == "aws-access-key-id" })
    #expect(result.report.verdict == .block && result.exitStatus == 1)
    #expect(result.configurationSource?.contains("from the base commit") == true)
    #expect(
      result.outputs == [
        CIRun.Output(format: .github, destination: .standardOutput),
        CIRun.Output(format: .markdown, destination: .appending("/summary.md")),
      ])
    guard case .posted(let number, let posted) = result.publication else {
      Issue.record("not posted: \(result.publication)")
      return
    }
    #expect(number == 7 && posted.inline > 0 && posted.summary == "created")
    #expect(github.writes == ["POST /repos/acme/app/pulls/7/reviews", "POST /repos/acme/app/issues/7/comments"])
    #expect(result.messages.contains("pull request #7: \(posted)"))
  }

  @Test func withoutATokenNothingIsPostedAndTheLogSaysWhy() throws {
    let (repository, base, head) = try Self.pullRequest()
    let github = PullRequestGitHub()
    let result = try Self.run(repository, Self.input(repository, base: base, head: head, token: nil, transport: github))
    guard case .noToken(7) = result.publication else {
      Issue.record("\(result.publication)")
      return
    }
    #expect(github.sent.withLock { $0 }.isEmpty)
    #expect(result.messages.contains { $0.hasPrefix("nothing posted to pull request #7: no token") })
    #expect(result.exitStatus == 1, "the verdict stands")
  }

  /// A refused token is a warning with GitHub's status; the verdict stands and the token is never shown.
  @Test(arguments: [(401, "/user"), (403, "/repos/acme/app/pulls/7/comments")])
  func aRefusedTokenIsAWarning(status: Int, path: String) throws {
    let (repository, base, head) = try Self.pullRequest()
    let result = try Self.run(
      repository, Self.input(repository, base: base, head: head, transport: PullRequestGitHub(status: status)))
    guard case .failed(7, let error, fromFork: false) = result.publication else {
      Issue.record("\(result.publication)")
      return
    }
    #expect(error.status == status)
    #expect(error == .apiRefused(.github, status: status, method: "GET", path: path, message: "Bad credentials"))
    #expect(result.publication.description.contains("warning: could not comment on pull request #7"))
    #expect(!result.messages.joined().contains("t0ken"))
    #expect(result.exitStatus == 1)
  }

  /// Another person's approval of the head counts as a review; the author's own and a bot's do not.
  @Test func approvalsOfTheHeadCount() throws {
    let (repository, base, head) = try Self.pullRequest()
    let reviews = """
      [{"id": 1, "user": {"login": "grace", "type": "User"}, "state": "APPROVED", "commit_id": "\(head)"},
       {"id": 2, "user": {"login": "ada-l", "type": "User"}, "state": "APPROVED", "commit_id": "\(head)"},
       {"id": 3, "user": {"login": "helper[bot]", "type": "Bot"}, "state": "APPROVED", "commit_id": "\(head)"},
       {"id": 4, "user": {"login": "linus", "type": "User"}, "state": "APPROVED", "commit_id": "0000"}]
      """
    let result = try Self.run(
      repository, Self.input(repository, base: base, head: head, transport: PullRequestGitHub(reviews: reviews)))
    #expect(result.approvals == ["@grace (approved pull request #7)"])
    #expect(result.messages.contains("pull request #7: @grace (approved pull request #7) counts as a person's review"))
  }

  @Test func outsideARequestWithoutABaseIsAnError() throws {
    let (repository, _, _) = try Self.pullRequest()
    #expect(throws: CIError.noBase) {
      try Self.run(repository, CIRun.Input(environment: [:], version: "test", transport: PullRequestGitHub()))
    }
  }

  /// A base the clone lacks names the CI system's fix instead of reviewing the wrong lines.
  @Test func aMissingBaseNamesTheFix() throws {
    let (repository, _, head) = try Self.pullRequest()
    let missing = String(repeating: "a", count: 40)
    let error = #expect(throws: CIError.self) {
      try Self.run(repository, Self.input(repository, base: missing, head: head, transport: PullRequestGitHub()))
    }
    guard case .commitNotInClone(let role, let revision, _, let fix) = error else {
      Issue.record("\(String(describing: error))")
      return
    }
    #expect(role == "base" && revision == missing && fix.contains("fetch-depth: 0"))
  }

  /// On GitLab the Code Quality report is written by default; a generic run with `--base` posts nothing.
  @Test func theOutputsFollowTheCISystem() throws {
    let (repository, base, head) = try Self.pullRequest()
    var gitlab = CIRun.Input(
      environment: ["GITLAB_CI": "true", "CI_COMMIT_SHA": head, "CI_COMMIT_BEFORE_SHA": base], version: "test",
      transport: PullRequestGitHub())
    gitlab.sarif = "out.sarif"
    let result = try Self.run(repository, gitlab)
    #expect(
      result.outputs == [
        CIRun.Output(format: .text, destination: .standardOutput),
        CIRun.Output(format: .sarif, destination: .file("out.sarif")),
        CIRun.Output(format: .codeclimate, destination: .file("gl-code-quality-report.json")),
      ])
    guard case .notGitHub = result.publication else {
      Issue.record("\(result.publication)")
      return
    }

    var generic = CIRun.Input(environment: [:], version: "test", transport: PullRequestGitHub())
    generic.base = base
    generic.format = .json
    let plain = try Self.run(repository, generic)
    #expect(plain.outputs == [CIRun.Output(format: .json, destination: .standardOutput)])
    #expect(plain.context.provider == .generic && plain.exitStatus == 1)
  }
}
