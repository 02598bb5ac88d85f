import Foundation
import PaddockCore
import PaddockGit
import PaddockRegex

package enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
  case badPattern(String)
  case tooFewTags(pattern: String, found: Int)

  package var description: String {
    switch self {
    case .badPattern(let pattern):
      "the fix pattern `\(pattern)` is not a valid regular expression; check its brackets and escapes"
    case .tooFewTags(let pattern, let found):
      "--tags '\(pattern)' matches \(found) tag\(found == 1 ? "" : "s"); a release needs two (check `git tag -l '\(pattern)'`)"
    }
  }
}
