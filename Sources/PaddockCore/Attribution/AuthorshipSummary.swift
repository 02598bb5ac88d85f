import PaddockChange

/// Who wrote a group of lines (a hunk, a file, the lines a fix lands on): one authorship when all agree, `mixed`
/// when they do not, `none` when there are no lines. Encoded as its raw value (`ai`, `mixed`, ...).
package enum AuthorshipSummary: String, Sendable, Codable, Hashable, CaseIterable {
  case ai
  case human
  case bot
  case unknown
  /// Lines of more than one authorship.
  case mixed
  /// No added lines (a pure deletion, an empty file).
  case none

  /// The summary of lines that all have one authorship.
  package init(_ authorship: Authorship) {
    switch authorship {
    case .ai: self = .ai
    case .human: self = .human
    case .bot: self = .bot
    case .unknown: self = .unknown
    }
  }

  /// The summary of lines of these authorships: the one they share, `mixed`, or `none` when empty.
  package init<S: Sequence>(of authorships: S) where S.Element == Authorship {
    var first: Authorship?
    for authorship in authorships {
      guard let seen = first else {
        first = authorship
        continue
      }
      if seen != authorship {
        self = .mixed
        return
      }
    }
    self = first.map(AuthorshipSummary.init) ?? .none
  }

  /// The one authorship all the lines share; nil for `mixed` and `none`.
  package var single: Authorship? {
    switch self {
    case .ai: .ai
    case .human: .human
    case .bot: .bot
    case .unknown: .unknown
    case .mixed, .none: nil
    }
  }
}
