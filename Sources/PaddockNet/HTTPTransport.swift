import Foundation
import PaddockSupport

/// Sends requests. The CLI uses `CurlTransport`; tests may answer in memory.
package protocol HTTPTransport: Sendable {
  func send(_ request: HTTPRequest) throws -> HTTPResponse
}
