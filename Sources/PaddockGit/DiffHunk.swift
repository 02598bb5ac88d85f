/// A hunk: a run of changed lines with their positions in both files.
package struct DiffHunk: Hashable, Sendable {
  /// First old line (for a pure insertion: the line after which it goes).
  package var oldStart: Int
  package var oldCount: Int
  /// First new line (for a pure deletion: the line after which it was).
  package var newStart: Int
  package var newCount: Int
  /// The hunk's lines; empty unless the diff was asked for line content.
  package var lines: [DiffLine]

  package init(oldStart: Int, oldCount: Int, newStart: Int, newCount: Int, lines: [DiffLine] = []) {
    self.oldStart = oldStart
    self.oldCount = oldCount
    self.newStart = newStart
    self.newCount = newCount
    self.lines = lines
  }
}
