internal import CCurl
import Foundation
import PaddockSupport

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

  /// libcurl loaded and set up: 0, or the shim's failure (`paddock_http_load_error` says why).
  private static let ready: Int32 = paddock_http_global_init()

  package func send(_ request: HTTPRequest) throws -> HTTPResponse {
    try retry.send(request, deadline: deadline) { request, left in
      try once(request, timeout: min(request.timeout ?? timeout, left ?? .infinity))
    }
  }

  private func once(_ request: HTTPRequest, timeout: TimeInterval) throws -> HTTPResponse {
    guard Self.ready == 0 else {
      throw HTTPError.transportUnavailable(reason: String(cString: paddock_http_load_error()))
    }
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
