/// The outcome for a finding, a hunk or the whole change.
package enum Verdict: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
  case pass
  case warn
  case block

  private var rank: Int {
    switch self {
    case .pass: 0
    case .warn: 1
    case .block: 2
    }
  }

  package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
