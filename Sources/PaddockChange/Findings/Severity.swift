/// How serious a finding is, in SARIF's three levels.
package enum Severity: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
  case note
  case warning
  case error

  private var rank: Int {
    switch self {
    case .note: 0
    case .warning: 1
    case .error: 2
    }
  }

  package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// Whose lines a rule looks at.
package enum RuleScope: String, Sendable, Codable, Hashable, CaseIterable {
  /// Lines an AI wrote; lines of unknown authorship (unrecognised bots) count as AI.
  case ai
  /// Lines a person wrote.
  case human
  case any

  /// Whether a line of this authorship is in scope.
  package func includes(_ authorship: Authorship) -> Bool {
    switch self {
    case .any: true
    case .ai: authorship.isAIOrUnknown
    case .human: !authorship.isAIOrUnknown
    }
  }
}
