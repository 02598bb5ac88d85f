import Foundation
import PaddockCore
import PaddockNet

/// Posts JSON to a model server with the retry policy, counting every attempt, never past the deadline.
struct ModelHTTP: Sendable {
  var transport: any HTTPTransport
  var retry: RetryPolicy
  var timeout: TimeInterval

  /// `body` encoded with sorted keys, posted to `url`; the response and the number of requests sent.
  func post(_ url: URL, headers: [String: String], body: some Encodable, deadline: Date) throws(ModelError) -> (
    HTTPResponse, Int
  ) {
    let data: Data
    do {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      data = try encoder.encode(body)
    } catch {
      throw .unencodable(reason: "\(error)")
    }
    var request = HTTPRequest(
      method: "POST", url: url, headers: headers.merging(["content-type": "application/json"]) { $1 }, body: data)
    var attempts = 0
    do {
      let response = try retry.send(request, deadline: deadline) { sending, left in
        attempts += 1
        var copy = sending
        copy.timeout = min(timeout, max(0.5, left ?? timeout))
        return try transport.send(copy)
      }
      request.body = nil
      return (response, attempts)
    } catch {
      // No HTTP library on this machine: a set-up problem, not the server's.
      if case .transportUnavailable = error as? HTTPError { throw .misconfigured(problem: "\(error)") }
      let server = "\(url.scheme ?? "http")://\(url.host ?? "")\(url.port.map { ":\($0)" } ?? "")"
      if deadline.timeIntervalSinceNow <= 0 {
        throw .deadlinePassed(server: server, reason: "\(error)", attempts: attempts)
      }
      throw .unreachable(server: server, reason: "\(error)", attempts: attempts)
    }
  }

  /// `data` decoded as `T`, or nil when it is not that shape.
  static func decode<T: Decodable>(_ type: T.Type, from data: Data) -> T? {
    try? JSONDecoder().decode(type, from: data)
  }
}
