import PaddockGit

/// A review trailer that is not a person's review, and why.
package struct RefusedReview: Sendable, Codable, Hashable {
  /// The trailer as written, such as `Reviewed-by: Claude <noreply@anthropic.com>`.
  package var text: String
  /// Why it does not count, such as `it names an agent`.
  package var reason: String

  package init(text: String, reason: String) {
    self.text = text
    self.reason = reason
  }
}
