import Foundation
import PaddockSupport

/// When to try a request again: 429 and 5xx answers (honouring `Retry-After`, capped) and dropped connections,
/// with growing waits, never past a deadline. A missing libcurl is never tried again.
package struct RetryPolicy: Sendable, Hashable {
  package var attempts: Int
  /// The longest single wait, whatever `Retry-After` asks.
  package var maxDelay: TimeInterval

  package init(attempts: Int = 3, maxDelay: TimeInterval = 10) {
    self.attempts = attempts
    self.maxDelay = maxDelay
  }

  package static func retryable(_ status: Int) -> Bool { status == 429 || (500...599).contains(status) }

  /// Sends with `once` (given the time left before `deadline`) until an answer is final, the attempts run out or
  /// the next wait would pass the deadline; then returns the last answer or throws the last error.
  package func send(
    _ request: HTTPRequest, deadline: Date? = nil, once: (HTTPRequest, TimeInterval?) throws -> HTTPResponse
  ) throws -> HTTPResponse {
    var lastError: Error?
    for attempt in 1...max(1, attempts) {
      let left = deadline.map { $0.timeIntervalSinceNow }
      if let left, left <= 0 {
        throw lastError ?? HTTPError.deadlinePassed(target: Self.target(request))
      }
      var wait = Double(attempt)
      do {
        let response = try once(request, left)
        guard Self.retryable(response.status), attempt < attempts else { return response }
        if let header = response.headers["retry-after"], let seconds = TimeInterval(header) { wait = seconds }
        lastError = HTTPError.stillUnavailable(target: Self.target(request), status: response.status)
        wait = min(max(0, wait), maxDelay)
        if let deadline, Date().addingTimeInterval(wait) >= deadline { return response }
      } catch HTTPError.transportUnavailable(let reason) {
        // Without libcurl no attempt can succeed: say so at once instead of waiting to fail again.
        throw HTTPError.transportUnavailable(reason: reason)
      } catch {
        lastError = error
        guard attempt < attempts else { break }
        wait = min(wait, maxDelay)
        if let deadline, Date().addingTimeInterval(wait) >= deadline { break }
      }
      Thread.sleep(forTimeInterval: wait)
    }
    throw lastError ?? HTTPError.failed(target: Self.target(request), reason: "no attempt was made")
  }

  /// The method and host (with its port) of a request, for messages: never its path or query.
  package static func target(_ request: HTTPRequest) -> String {
    "\(request.method) \(request.url.host ?? "")\(request.url.port.map { ":\($0)" } ?? "")"
  }
}
