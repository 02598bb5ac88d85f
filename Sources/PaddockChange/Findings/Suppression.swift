/// Why a finding was set aside.
package struct Suppression: Sendable, Codable, Hashable {
  package enum Kind: String, Sendable, Codable, Hashable {
    /// A `paddock:ignore RULE -- reason` comment.
    case inline
    /// The fingerprint is in the baseline file.
    case baseline
  }

  package var kind: Kind
  package var reason: String
  /// The line holding the comment, for inline suppressions.
  package var line: Int?

  package init(kind: Kind, reason: String, line: Int? = nil) {
    self.kind = kind
    self.reason = reason
    self.line = line
  }
}
