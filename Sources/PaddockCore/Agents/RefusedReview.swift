import PaddockGit

/// A review trailer that is not a person's review, and why.
public struct RefusedReview: Sendable, Codable, Hashable {
  /// The trailer as written, such as `Reviewed-by: Claude <noreply@anthropic.com>`.
  public var text: String
  /// Why it does not count, such as `it names an agent`.
  public var reason: String

  public init(text: String, reason: String) {
    self.text = text
    self.reason = reason
  }
}
