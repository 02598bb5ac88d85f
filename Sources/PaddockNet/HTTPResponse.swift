import Foundation
import PaddockSupport

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
