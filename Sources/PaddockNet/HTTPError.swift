import Foundation
import PaddockSupport

/// Why a request got no usable answer. `target` is the method and host (`POST api.example.com:8443`): never the
/// path or query, which may carry a key.
package enum HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
  /// libcurl could not be loaded or set up (`reason` is the loader's message), so no request can be sent.
  case transportUnavailable(reason: String)
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
    case .transportUnavailable(let reason):
      "libcurl 4 could not be used (\(reason)): install or upgrade the system's libcurl 4 (on Debian and Ubuntu: apt-get install libcurl4)"
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
