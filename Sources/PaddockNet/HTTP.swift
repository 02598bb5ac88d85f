internal import CCurl
import Foundation
import PaddockSupport

/// An HTTP request as plain values.
package struct HTTPRequest: Sendable, Hashable {
  package var method: String
  package var url: URL
  package var headers: [String: String]
  package var body: Data?
  /// Overrides the transport's timeout for this request.
  package var timeout: TimeInterval?

  package init(
    method: String, url: URL, headers: [String: String] = [:], body: Data? = nil, timeout: TimeInterval? = nil
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
    self.timeout = timeout
  }
}

/// An HTTP response as plain values; header names are lower-cased.
package struct HTTPResponse: Sendable, Hashable {
  package var status: Int
  package var headers: [String: String]
  package var body: Data

  package init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
    self.status = status
    self.headers = headers
    self.body = body
  }
}

/// Why a request got no usable answer. `target` is the method and host (`POST api.example.com:8443`): never the
/// path or query, which may carry a key.
package enum HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
  /// libcurl's global set-up failed, so no request can be sent.
  case transportUnavailable
  /// The deadline passed before the request could be sent.
  case deadlinePassed(target: String)
  /// No answer within the time allowed for one request.
  case timedOut(target: String, seconds: TimeInterval, reason: String)
  /// The connection failed (refused, reset, name not resolved, TLS).
  case failed(target: String, reason: String)
  /// The answer was longer than the transport keeps in memory.
  case answerTooLarge(target: String, limitMiB: Int)
  /// The server kept answering 429 or 5xx until the attempts ran out.
  case stillUnavailable(target: String, status: Int)

  package var description: String {
    switch self {
    case .transportUnavailable:
      "libcurl could not be initialised; check that the system's libcurl is installed (apt install libcurl4)"
    case .deadlinePassed(let target):
      "\(target) not sent: the deadline has passed"
    case .timedOut(let target, let seconds, let reason):
      "\(target) timed out after \(String(format: "%.1f", seconds)) s (\(reason))"
    case .failed(let target, let reason):
      "\(target) failed: \(reason)"
    case .answerTooLarge(let target, let limit):
      "\(target) answered with more than \(limit) MiB; refusing it"
    case .stillUnavailable(let target, let status):
      "\(target) answered \(status)"
    }
  }
}

/// Sends requests. The CLI uses `CurlTransport`; tests may answer in memory.
package protocol HTTPTransport: Sendable {
  func send(_ request: HTTPRequest) throws -> HTTPResponse
}

/// When to try a request again: 429 and 5xx answers (honouring `Retry-After`, capped) and dropped connections,
/// with growing waits, never past a deadline.
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

/// A blocking transport over libcurl's easy interface, with a timeout per request and the retries of
/// `RetryPolicy`. The waiting thread sleeps in `poll` (URLSession on Linux keeps a core busy while it waits for a
/// slow server, which a model server on the same machine needs). Proxies come from `https_proxy`/`http_proxy`.
package struct CurlTransport: HTTPTransport {
  package var timeout: TimeInterval
  package var retry: RetryPolicy
  /// No request starts, and no wait runs, past this moment.
  package var deadline: Date?
  /// Answers longer than this are refused rather than held in memory.
  package var maxBody: Int

  package init(
    timeout: TimeInterval = 30, retry: RetryPolicy = RetryPolicy(), deadline: Date? = nil, maxBody: Int = 64 << 20
  ) {
    self.timeout = timeout
    self.retry = retry
    self.deadline = deadline
    self.maxBody = maxBody
  }

  private static let ready: Int32 = paddock_http_global_init()

  package func send(_ request: HTTPRequest) throws -> HTTPResponse {
    try retry.send(request, deadline: deadline) { request, left in
      try once(request, timeout: min(request.timeout ?? timeout, left ?? .infinity))
    }
  }

  private func once(_ request: HTTPRequest, timeout: TimeInterval) throws -> HTTPResponse {
    guard Self.ready == 0 else { throw HTTPError.transportUnavailable }
    let target = RetryPolicy.target(request)
    let headerLines = request.headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
    let milliseconds = max(1, Int((min(timeout, 86400) * 1000).rounded(.up)))
    var result = paddock_http_result()
    defer { paddock_http_free(&result) }
    // A NUL after the body keeps the pointer valid for an empty body (a null one means "no body").
    let body = request.body.map { Array($0) + [0] }
    withCStrings(headerLines) { headers in
      if let body {
        body.withUnsafeBufferPointer { bytes in
          bytes.withMemoryRebound(to: CChar.self) { characters in
            paddock_http_perform(
              request.method, request.url.absoluteString, headers, Int32(headerLines.count), characters.baseAddress,
              body.count - 1, milliseconds, maxBody, &result)
          }
        }
      } else {
        paddock_http_perform(
          request.method, request.url.absoluteString, headers, Int32(headerLines.count), nil, 0, milliseconds,
          maxBody, &result)
      }
    }
    if result.body.overflow != 0 {
      throw HTTPError.answerTooLarge(target: target, limitMiB: maxBody >> 20)
    }
    if result.code != 0 {
      let reason = withUnsafeBytes(of: result.error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      if paddock_http_timed_out(&result) != 0 {
        throw HTTPError.timedOut(target: target, seconds: timeout, reason: reason)
      }
      throw HTTPError.failed(target: target, reason: reason)
    }
    let data = result.body.data.map { Data(bytes: $0, count: result.body.length) } ?? Data()
    let headerText =
      result.headers.data.map {
        String(decoding: UnsafeRawBufferPointer(start: $0, count: result.headers.length), as: UTF8.self)
      } ?? ""
    return HTTPResponse(status: Int(result.status), headers: Self.headers(headerText), body: data)
  }

  /// The last response's headers (after any `100 Continue`), names lower-cased.
  static func headers(_ text: String) -> [String: String] {
    var headers: [String: String] = [:]
    for line in text.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" }) {
      if line.hasPrefix("HTTP/") {
        headers = [:]
        continue
      }
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingBlanks()
    }
    return headers
  }
}

/// Runs `body` with the strings as a C array of NUL-terminated strings.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
  let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
  defer { pointers.forEach { free($0) } }
  return pointers.withUnsafeBufferPointer { buffer in
    guard let base = buffer.baseAddress else { return body(nil) }
    return base.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) { body($0) }
  }
}
