import PaddockGit

/// A zero-context hunk of the range's diff and who wrote its added lines.
public struct HunkAttribution: Sendable, Codable, Hashable {
  public var oldStart: Int
  public var oldLines: Int
  public var newStart: Int
  public var newLines: Int
  /// One authorship, `mixed`, or `none` for a pure deletion.
  public var authorship: AuthorshipSummary
  public var counts: LineCounts
  public var lines: [LineAttribution]

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
