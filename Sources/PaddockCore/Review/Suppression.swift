/// Why a finding was set aside.
public struct Suppression: Sendable, Codable, Hashable {
  public enum Kind: String, Sendable, Codable, Hashable {
    /// A `paddock:ignore RULE -- reason` comment.
    case inline
    /// The fingerprint is in the baseline file.
    case baseline
  }

  public var kind: Kind
  public var reason: String
  /// The line holding the comment, for inline suppressions.
  public var line: Int?

  public init(kind: Kind, reason: String, line: Int? = nil) {
    self.kind = kind
    self.reason = reason
    self.line = line
  }
}
