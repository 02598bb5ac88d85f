import Foundation
import Synchronization
import Testing

@testable import PaddockCore

/// An in-memory GitHub that records requests and answers lists as empty.
final class RecordingTransport: HTTPTransport, Sendable {
  let sent = Mutex<[HTTPRequest]>([])

  func send(_ request: HTTPRequest) throws -> HTTPResponse {
    sent.withLock { $0.append(request) }
    return HTTPResponse(status: 200, body: Data(request.method == "GET" ? "[]".utf8 : "{}".utf8))
  }
}

@Suite struct GitHubReviewPublisherTests {
  @Test func findingsOffTheAddedLinesGoInTheBody() throws {
    var report = try ReviewGoldenTests.report()
    // Only lines 1–4 of the loader are added in this pull request.
    report.hunks = [
      ReviewReport.HunkVerdict(
        path: "src/loader.py", start: 1, lines: 4, authorship: "ai", verdict: .block, findings: 1)
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
}
