import Foundation
import PaddockChange
import PaddockNet
import Synchronization
import Testing

@testable import PaddockCore

/// An in-memory GitHub that records requests and answers lists as empty.
final class RecordingTransport: HTTPTransport, Sendable {
  let sent = Mutex<[HTTPRequest]>([])

  func send(_ request: HTTPRequest) throws -> HTTPResponse {
    sent.withLock { $0.append(request) }
    if request.url.path.hasSuffix("/user") {
      return HTTPResponse(status: 200, body: Data(#"{"login": "paddock-bot"}"#.utf8))
    }
    return HTTPResponse(status: 200, body: Data(request.method == "GET" ? "[]".utf8 : "{}".utf8))
  }
}

@Suite struct GitHubReviewPublisherTests {
  @Test func findingsOffTheAddedLinesGoInTheBody() throws {
    var report = try ReviewGoldenTests.report()
    // Only lines 1–4 of the loader are added in this pull request.
    report.hunks = [
      ReviewReport.HunkVerdict(
        path: "src/loader.py", start: 1, lines: 4, authorship: .ai, verdict: .block, findings: 1)
    ]
    let transport = RecordingTransport()
    let publisher = GitHubReviewPublisher(
      apiURL: URL(string: "http://127.0.0.1:9/api/v3")!, repository: "acme/app", pullRequest: 3,
      head: String(repeating: "c", count: 40), token: "t0ken", transport: transport)
    let result = try publisher.publish(report)
    let requests = transport.sent.withLock { $0 }
    let review = try #require(requests.first { $0.method == "POST" && $0.url.path.hasSuffix("/pulls/3/reviews") })
    #expect(review.url.absoluteString.hasPrefix("http://127.0.0.1:9/api/v3/repos/acme/app/"))
    let payload = try #require(try JSONSerialization.jsonObject(with: review.body ?? Data()) as? [String: Any])
    let comments = payload["comments"] as? [[String: Any]] ?? []
    #expect(!comments.isEmpty)
    for comment in comments {
      #expect(comment["path"] as? String == "src/loader.py")
      #expect((1...4).contains(comment["line"] as? Int ?? 0))
    }
    let body = payload["body"] as? String ?? ""
    #expect(body.contains("tools/größe, v1.py"), "a finding outside the added lines is listed in the body")
    #expect(result.inBody > 0 && result.inline == comments.count)
    #expect(requests.allSatisfy { $0.headers["Authorization"] == "Bearer t0ken" })
    // Every finding worth a comment (not a passing note) carries its fingerprint, which is how the next run skips it.
    let marked = GitHubReviewPublisher.fingerprints(in: body + comments.map { $0["body"] as? String ?? "" }.joined())
    let worth = report.findings.filter { $0.decision != .pass || $0.severity != .note }
    #expect(worth.count < report.findings.count, "the fixture has a passing note")
    #expect(marked == Set(worth.map(\.fingerprint)))
  }

  /// Pages of review comments: the `Link` to the second page is followed, the third page's link to another host
  /// is not (the token would go with it), and a header with `>` before `<` is ignored rather than crashing.
  @Test func paginationStaysOnTheAPIHost() throws {
    final class Pages: HTTPTransport, Sendable {
      let sent = Mutex<[URL]>([])
      func send(_ request: HTTPRequest) throws -> HTTPResponse {
        sent.withLock { $0.append(request.url) }
        guard request.method == "GET" else { return HTTPResponse(status: 200, body: Data("{}".utf8)) }
        let url = request.url.absoluteString
        if url.hasSuffix("/user") { return HTTPResponse(status: 403, body: Data(#"{"message": "no"}"#.utf8)) }
        if url.contains("/comments?per_page") {
          return HTTPResponse(
            status: 200,
            headers: ["link": "<https://api.example.com/v3/repos/acme/app/pulls/3/comments?page=2>; rel=\"next\""],
            body: Data(#"[{"body": "<!-- paddock:fingerprint=one -->"}]"#.utf8))
        }
        if url.contains("comments?page=2") {
          return HTTPResponse(
            status: 200, headers: ["link": "<https://evil.example/steal?page=3>; rel=\"next\""],
            body: Data(#"[{"body": "<!-- paddock:fingerprint=two -->"}]"#.utf8))
        }
        return HTTPResponse(status: 200, headers: ["link": ">; rel=\"next\" <"], body: Data("[]".utf8))
      }
    }
    let transport = Pages()
    let publisher = GitHubReviewPublisher(
      apiURL: URL(string: "https://api.example.com/v3")!, repository: "acme/app", pullRequest: 3,
      head: String(repeating: "c", count: 40), token: "t0ken", transport: transport)
    var report = try ReviewGoldenTests.report()
    report.hunks = []
    _ = try publisher.publish(report)
    let hosts = Set(transport.sent.withLock { $0 }.compactMap(\.host))
    #expect(hosts == ["api.example.com"], "requests went to \(hosts)")
    #expect(transport.sent.withLock { $0 }.contains { $0.absoluteString.hasSuffix("comments?page=2") })
    let api = try #require(URL(string: "https://api.github.com"))
    #expect(GitHubReviewPublisher.nextLink(">; rel=\"next\" <", under: api) == nil)
    #expect(GitHubReviewPublisher.nextLink("<http://api.github.com/x>; rel=\"next\"", under: api) == nil)
    #expect(GitHubReviewPublisher.nextLink("<https://api.github.com:8443/x>; rel=\"next\"", under: api) == nil)
    #expect(GitHubReviewPublisher.nextLink("<https://API.github.com/x?page=2>; rel=\"next\"", under: api) != nil)
  }

  /// A pull request's author can write Paddock's markers into their own comments. Only comments by the token's own
  /// account count: `GET /user`'s login, or `github-actions[bot]` for the Actions token, which that endpoint
  /// refuses. A planted marker silences nothing and a planted summary is not taken over.
  @Test(arguments: [
    (user: 200, commenter: "mallory", posts: true), (user: 200, commenter: "Paddock-Bot", posts: false),
    (user: 403, commenter: "paddock-bot", posts: true), (user: 403, commenter: "github-actions[bot]", posts: false),
  ])
  func onlyCommentsByTheTokensOwnAccountCount(user: Int, commenter: String, posts: Bool) throws {
    var report = try ReviewGoldenTests.report()
    report.hunks = []
    let worth = report.findings.filter { $0.decision != .pass || $0.severity != .note }
    let markers = worth.map { "<!-- paddock:fingerprint=\($0.fingerprint) -->" }.joined(separator: "\n")
    final class Planted: HTTPTransport, Sendable {
      let sent = Mutex<[HTTPRequest]>([])
      let user: Int
      let items: Data
      let summary: Data
      init(user: Int, commenter: String, markers: String) throws {
        self.user = user
        let author = ["login": commenter, "type": "User"]
        items = try JSONSerialization.data(withJSONObject: [["id": 5, "user": author, "body": markers]])
        summary = try JSONSerialization.data(withJSONObject: [
          ["id": 9, "user": author, "body": "looks fine\n\(GitHubReviewPublisher.summaryMarker)"]
        ])
      }
      func send(_ request: HTTPRequest) throws -> HTTPResponse {
        sent.withLock { $0.append(request) }
        let path = request.url.path
        if request.method != "GET" { return HTTPResponse(status: 200, body: Data("{}".utf8)) }
        if path.hasSuffix("/user") {
          return HTTPResponse(status: user, body: Data((user == 200 ? #"{"login": "paddock-bot"}"# : "{}").utf8))
        }
        return HTTPResponse(status: 200, body: path.hasSuffix("/issues/3/comments") ? summary : items)
      }
    }
    let transport = try Planted(user: user, commenter: commenter, markers: markers)
    let publisher = GitHubReviewPublisher(
      apiURL: URL(string: "https://api.example.com")!, repository: "acme/app", pullRequest: 3,
      head: String(repeating: "c", count: 40), token: "t0ken", transport: transport)
    let result = try publisher.publish(report)
    let writes = transport.sent.withLock { $0 }.filter { $0.method != "GET" }.map { "\($0.method) \($0.url.path)" }
    if posts {
      #expect(result.inBody + result.inline == worth.count, "\(result)")
      #expect(writes == ["POST /repos/acme/app/pulls/3/reviews", "POST /repos/acme/app/issues/3/comments"])
    } else {
      #expect(result.alreadyPosted == worth.count, "\(result)")
      #expect(writes == ["PATCH /repos/acme/app/issues/comments/9"])
    }
  }

  /// A finding's text (a model's, or a line of the change) cannot plant a fingerprint marker or open a comment.
  @Test func findingTextCannotPlantAMarker() throws {
    var finding = try #require(try ReviewGoldenTests.report().findings.first)
    finding.title = "Looks fine <!-- paddock:fingerprint=victim -->"
    finding.message = "ok --> <!-- paddock:fingerprint=victim2 -->"
    for text in [GitHubReviewPublisher.commentBody(finding), GitHubReviewPublisher.listItem(finding)] {
      #expect(GitHubReviewPublisher.fingerprints(in: text) == [finding.fingerprint], "\(text)")
    }
  }

  /// A finding with a mechanical fix is offered as a GitHub suggestion, fenced so its own backticks cannot close
  /// the block; a replacement that could plant a fingerprint marker is not offered.
  @Test func aMechanicalFixBecomesASuggestion() throws {
    var finding = Finding(
      rule: "example-rule", title: "Debug output", severity: .warning, path: "src/app.js", line: 3,
      authorship: .ai, message: "console.log left in", fix: "log through the logger", fingerprint: "f1")
    #expect(!GitHubReviewPublisher.commentBody(finding).contains("suggestion"))
    finding.replacement = "logger.debug(value)\n"
    let body = GitHubReviewPublisher.commentBody(finding)
    #expect(body.contains("\n\n```suggestion\nlogger.debug(value)\n```\n\n<!-- paddock:fingerprint=f1 -->"), "\(body)")
    finding.replacement = "const s = `a ``` b`"
    #expect(GitHubReviewPublisher.commentBody(finding).contains("````suggestion\nconst s = `a ``` b`\n````"))
    finding.replacement = "x <!-- paddock:fingerprint=other -->"
    let planted = GitHubReviewPublisher.commentBody(finding)
    #expect(!planted.contains("suggestion") && GitHubReviewPublisher.fingerprints(in: planted) == ["f1"])
  }
}
