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
