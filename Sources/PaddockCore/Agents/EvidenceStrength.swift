/// How much a piece of evidence can be trusted.
package enum EvidenceStrength: String, Sendable, Codable, Hashable, Comparable {
  /// Parsed exactly as git parses it, or an exact identity match.
  case strong
  /// Found in the text but outside git's trailer block, or a free-text marker.
  case medium
  /// A trailer-shaped line read leniently (indented, in a bullet, in backticks, with a trailing period); the
  /// evidence's source says how.
  case weak

  private var rank: Int {
    switch self {
    case .strong: 2
    case .medium: 1
    case .weak: 0
    }
  }
  package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
