/// The ranges (UTF-8 byte offsets) of a match and of each of its groups.
package struct LinearMatch: Sendable, Equatable {
  /// Group 0 is the whole match; a group that took no part is nil.
  package let groups: [Range<Int>?]

  /// The whole match.
  package var range: Range<Int> { groups[0] ?? 0..<0 }

  /// The first capturing group that took part, or the whole match when none did: what a rule reports.
  package var reported: Range<Int> { groups.dropFirst().lazy.compactMap { $0 }.first ?? range }
}
