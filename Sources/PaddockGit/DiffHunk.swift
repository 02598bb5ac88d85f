/// A hunk: a run of changed lines with their positions in both files.
public struct DiffHunk: Hashable, Sendable {
  /// First old line (for a pure insertion: the line after which it goes).
  public var oldStart: Int
  public var oldCount: Int
  /// First new line (for a pure deletion: the line after which it was).
  public var newStart: Int
  public var newCount: Int
  /// The hunk's lines; empty unless the diff was asked for line content.
  public var lines: [DiffLine]

  public init(oldStart: Int, oldCount: Int, newStart: Int, newCount: Int, lines: [DiffLine] = []) {
    self.oldStart = oldStart
    self.oldCount = oldCount
    self.newStart = newStart
    self.newCount = newCount
    self.lines = lines
  }
}
