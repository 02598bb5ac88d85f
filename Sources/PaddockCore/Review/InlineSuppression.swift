import Foundation
import PaddockSupport

/// A `paddock:ignore RULE-ID[, RULE-ID] -- reason` comment.
package struct InlineSuppression: Sendable, Hashable {
  package var rules: [String]
  /// Nil when the comment gives no reason, which makes it void.
  package var reason: String?

  /// The suppression on a line, if it has one.
  package static func parse(_ line: String) -> InlineSuppression? {
    guard let marker = line.range(of: "paddock:ignore") else { return nil }
    var rest = line[marker.upperBound...]
    var reason: String?
    if let dashes = rest.range(of: "--") {
      let text = rest[dashes.upperBound...].trimmingBlanks()
      // A block comment's closer is not part of the reason.
      let cleaned = text.replacingOccurrences(of: #"\s*(\*/|-->)\s*$"#, with: "", options: .regularExpression)
      reason = cleaned.isEmpty ? nil : cleaned
      rest = rest[..<dashes.lowerBound]
    }
    let rules = rest.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
      .filter { $0.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil }
    return InlineSuppression(rules: rules, reason: reason)
  }

  package func covers(_ rule: String) -> Bool { rules.contains(rule) || rules.contains("all") }
}
