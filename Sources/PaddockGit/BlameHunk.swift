/// A run of lines that `blame` traces to one commit.
package struct BlameHunk: Hashable, Sendable {
  /// The commit that last changed these lines.
  package var commit: ObjectID
  /// First line in the blamed file (1-based).
  package var finalStart: Int
  /// Number of lines.
  package var count: Int
  /// First line in the file as that commit had it.
  package var originalStart: Int
  /// The path in that commit (differs after a rename).
  package var originalPath: GitPath
  /// Whether the lines come from the oldest commit considered (the range's boundary)
  /// rather than a commit inside it.
  package var isBoundary: Bool

  package init(
    commit: ObjectID, finalStart: Int, count: Int, originalStart: Int, originalPath: GitPath, isBoundary: Bool
  ) {
    self.commit = commit
    self.finalStart = finalStart
    self.count = count
    self.originalStart = originalStart
    self.originalPath = originalPath
    self.isBoundary = isBoundary
  }
}
