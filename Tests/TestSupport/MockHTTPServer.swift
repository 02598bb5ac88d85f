import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A request the mock server received.
package struct RecordedRequest: Sendable {
  package var method: String
  /// Path and query, as sent.
  package var target: String
  package var headers: [String: String]
  package var body: Data

  package var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? Substring(target)) }
  package var json: Any? { body.isEmpty ? nil : try? JSONSerialization.jsonObject(with: body) }
}

/// An HTTP/1.1 server on 127.0.0.1 (a free port) for tests: each connection carries one request, answered by
/// `handler`; every request is recorded.
package final class MockHTTPServer: @unchecked Sendable {
  package typealias Handler = @Sendable (RecordedRequest) -> (status: Int, headers: [String: String], body: Data)

  package let port: Int
  private let socket: Int32
  private let handler: Handler
  private let lock = NSLock()
  private var recorded: [RecordedRequest] = []
  private var stopped = false

  package var url: String { "http://127.0.0.1:\(port)" }

  package var requests: [RecordedRequest] {
    lock.lock()
    defer { lock.unlock() }
    return recorded
  }

  package init(handler: @escaping Handler) throws {
    self.handler = handler
    let listener = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard listener >= 0 else { throw TestFailure("cannot open a socket") }
    var yes: Int32 = 1
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(listener, 16) == 0 else { throw TestFailure("cannot listen on 127.0.0.1") }
    var actual = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &actual) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
    }
    socket = listener
    port = Int(UInt16(bigEndian: actual.sin_port))
    let thread = Thread { [self] in serve() }
    thread.start()
  }

  deinit { stop() }

  package func stop() {
    lock.lock()
    let wasStopped = stopped
    stopped = true
    lock.unlock()
    if !wasStopped {
      shutdown(socket, Int32(SHUT_RDWR))
      close(socket)
    }
  }

  private func serve() {
    while true {
      let client = accept(socket, nil, nil)
      if client < 0 { return }
      handle(client)
      close(client)
    }
  }

  private func handle(_ client: Int32) {
    var buffer = [UInt8]()
    var chunk = [UInt8](repeating: 0, count: 65536)
    var headerEnd: Int?
    var contentLength = 0
    while true {
      let count = recv(client, &chunk, chunk.count, 0)
      if count <= 0 { break }
      buffer += chunk[0..<count]
      if headerEnd == nil, let end = find(Array("\r\n\r\n".utf8), in: buffer) {
        headerEnd = end + 4
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        for line in head.split(separator: "\r\n").dropFirst() {
          let parts = line.split(separator: ":", maxSplits: 1)
          if parts.count == 2, parts[0].lowercased() == "content-length" {
            contentLength = Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
          }
        }
      }
      if let headerEnd, buffer.count >= headerEnd + contentLength { break }
    }
    guard let headerEnd else { return }
    let head = String(decoding: buffer[0..<(headerEnd - 4)], as: UTF8.self)
    let lines = head.split(separator: "\r\n")
    let requestLine = lines.first?.split(separator: " ") ?? []
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      let parts = line.split(separator: ":", maxSplits: 1)
      if parts.count == 2 { headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
    }
    let request = RecordedRequest(
      method: requestLine.count > 0 ? String(requestLine[0]) : "",
      target: requestLine.count > 1 ? String(requestLine[1]) : "",
      headers: headers, body: Data(buffer[headerEnd..<min(buffer.count, headerEnd + contentLength)]))
    lock.lock()
    recorded.append(request)
    lock.unlock()
    let answer = handler(request)
    var response = "HTTP/1.1 \(answer.status) Answer\r\nContent-Length: \(answer.body.count)\r\nConnection: close\r\n"
    for (name, value) in answer.headers { response += "\(name): \(value)\r\n" }
    response += "\r\n"
    let bytes = Array(response.utf8) + Array(answer.body)
    var sent = 0
    while sent < bytes.count {
      let count = bytes[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      if count <= 0 { break }
      sent += count
    }
  }

  private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for index in 0...(haystack.count - needle.count)
    where haystack[index..<(index + needle.count)].elementsEqual(needle) {
      return index
    }
    return nil
  }
}
