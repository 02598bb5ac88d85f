import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// An HTTP request as plain values.
public struct HTTPRequest: Sendable, Hashable {
  public var method: String
  public var url: URL
  public var headers: [String: String]
  public var body: Data?

  public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
  }
}

/// An HTTP response as plain values; header names are lower-cased.
public struct HTTPResponse: Sendable, Hashable {
  public var status: Int
  public var headers: [String: String]
  public var body: Data

  public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
    self.status = status
    self.headers = headers
    self.body = body
  }
}

/// Why a request got no answer.
public struct HTTPError: Error, Sendable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

/// Sends requests. The CLI uses `URLSessionTransport`; tests may answer in memory.
public protocol HTTPTransport: Sendable {
  func send(_ request: HTTPRequest) throws -> HTTPResponse
}

/// A blocking transport over URLSession, with a timeout per request and retries for 429 and 5xx answers (honouring
/// `Retry-After`, capped) and for dropped connections.
public struct URLSessionTransport: HTTPTransport {
  public var timeout: TimeInterval
  public var attempts: Int
  public var maxDelay: TimeInterval

  public init(timeout: TimeInterval = 30, attempts: Int = 3, maxDelay: TimeInterval = 10) {
    self.timeout = timeout
    self.attempts = attempts
    self.maxDelay = maxDelay
  }

  public func send(_ request: HTTPRequest) throws -> HTTPResponse {
    var lastError: Error?
    for attempt in 1...max(1, attempts) {
      do {
        let response = try once(request)
        let retryable = response.status == 429 || (500...599).contains(response.status)
        guard retryable, attempt < attempts else { return response }
        let wait = response.headers["retry-after"].flatMap(TimeInterval.init) ?? Double(attempt)
        Thread.sleep(forTimeInterval: min(max(0, wait), maxDelay))
      } catch {
        lastError = error
        guard attempt < attempts else { break }
        Thread.sleep(forTimeInterval: min(Double(attempt), maxDelay))
      }
    }
    throw lastError ?? HTTPError("\(request.method) \(request.url.host ?? "") failed")
  }

  private func once(_ request: HTTPRequest) throws -> HTTPResponse {
    var urlRequest = URLRequest(url: request.url, timeoutInterval: timeout)
    urlRequest.httpMethod = request.method
    for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
    urlRequest.httpBody = request.body
    let box = ResponseBox()
    let done = DispatchSemaphore(value: 0)
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout
    let session = URLSession(configuration: configuration)
    defer { session.finishTasksAndInvalidate() }
    let task = session.dataTask(with: urlRequest) { data, response, error in
      box.set(data: data, response: response as? HTTPURLResponse, error: error)
      done.signal()
    }
    task.resume()
    // URLSession enforces the timeout; the extra margin only guards against a callback that never comes.
    if done.wait(timeout: .now() + timeout + 5) == .timedOut {
      task.cancel()
      throw HTTPError("\(request.method) \(request.url.host ?? "") timed out after \(Int(timeout)) s")
    }
    let (data, response, error) = box.get()
    if let error {
      throw HTTPError(
        "\(request.method) \(request.url.host ?? "")\(portText(request.url)) failed: \(error.localizedDescription)")
    }
    guard let response else { throw HTTPError("\(request.method) \(request.url.host ?? "") gave no HTTP answer") }
    var headers: [String: String] = [:]
    for (name, value) in response.allHeaderFields {
      if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
    }
    return HTTPResponse(status: response.statusCode, headers: headers, body: data ?? Data())
  }

  private func portText(_ url: URL) -> String { url.port.map { ":\($0)" } ?? "" }
}

/// The completion handler's results, handed across threads.
private final class ResponseBox: @unchecked Sendable {
  private let lock = NSLock()
  private var data: Data?
  private var response: HTTPURLResponse?
  private var error: Error?

  func set(data: Data?, response: HTTPURLResponse?, error: Error?) {
    lock.lock()
    defer { lock.unlock() }
    (self.data, self.response, self.error) = (data, response, error)
  }

  func get() -> (Data?, HTTPURLResponse?, Error?) {
    lock.lock()
    defer { lock.unlock() }
    return (data, response, error)
  }
}
