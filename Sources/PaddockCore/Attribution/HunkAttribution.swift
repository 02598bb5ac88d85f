import PaddockGit

/// A zero-context hunk of the range's diff and who wrote its added lines.
package struct HunkAttribution: Sendable, Codable, Hashable {
  package var oldStart: Int
  package var oldLines: Int
  package var newStart: Int
  package var newLines: Int
  /// One authorship, `mixed`, or `none` for a pure deletion.
  package var authorship: AuthorshipSummary
  package var counts: LineCounts
  package var lines: [LineAttribution]

  enum CodingKeys: String, CodingKey {
    case oldStart = "old_start"
    case oldLines = "old_lines"
    case newStart = "new_start"
    case newLines = "new_lines"
    case authorship
    case counts
    case lines
  }
}
