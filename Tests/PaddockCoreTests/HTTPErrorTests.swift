import Foundation
import PaddockCore
import PaddockNet
import TestSupport
import Testing

/// Each way a request fails is its own `HTTPError` case, naming the method and host but never the path.
@Suite struct HTTPErrorTests {
  @Test func aPassedDeadlineSendsNothing() throws {
    let request = HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:9/secret?key=k")!)
    var sent = 0
    do {
      _ = try RetryPolicy(attempts: 3).send(request, deadline: .distantPast) { _, _ in
        sent += 1
        return HTTPResponse(status: 200)
      }
      Issue.record("a request was sent past its deadline")
    } catch let error as HTTPError {
      #expect(error == .deadlinePassed(target: "GET 127.0.0.1:9"))
      #expect(!error.description.contains("secret"), "the path may carry a key")
    }
    #expect(sent == 0)
  }

  @Test func aMissingLibcurlIsNotTriedAgain() throws {
    let request = HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:9/v1")!)
    var sent = 0
    let error = #expect(throws: HTTPError.self) {
      try RetryPolicy(attempts: 3).send(request) { _, _ in
        sent += 1
        throw HTTPError.transportUnavailable(reason: "libcurl.so.4: cannot open shared object file")
      }
    }
    #expect(sent == 1, "no attempt can succeed without libcurl: trying again only makes the user wait")
    #expect(error?.description.contains("apt-get install libcurl4") == true)
  }

  @Test func aRefusedConnectionFails() throws {
    // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
    let request = HTTPRequest(method: "POST", url: URL(string: "http://127.0.0.1:1/v1/chat")!, body: Data("{}".utf8))
    let error = #expect(throws: HTTPError.self) {
      try CurlTransport(timeout: 5, retry: RetryPolicy(attempts: 1)).send(request)
    }
    guard case .failed(let target, let reason) = error else {
      Issue.record("\(String(describing: error))")
      return
    }
    #expect(target == "POST 127.0.0.1:1" && !reason.isEmpty)
    #expect(error?.description.contains("/v1/chat") == false)
  }

  @Test func anAnswerOverTheLimitIsRefused() throws {
    let server = try MockHTTPServer { _ in (200, [:], Data(repeating: UInt8(ascii: "x"), count: 3 << 20)) }
    let request = HTTPRequest(method: "GET", url: try #require(URL(string: server.url + "/big")))
    #expect(throws: HTTPError.answerTooLarge(target: "GET 127.0.0.1:\(server.port)", limitMiB: 1)) {
      try CurlTransport(timeout: 30, retry: RetryPolicy(attempts: 1), maxBody: 1 << 20).send(request)
    }
  }
}
