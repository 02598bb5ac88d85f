/// A run of lines that `blame` traces to one commit.
public struct BlameHunk: Hashable, Sendable {
  /// The commit that last changed these lines.
  public var commit: ObjectID
  /// First line in the blamed file (1-based).
  public var finalStart: Int
  /// Number of lines.
  public var count: Int
  /// First line in the file as that commit had it.
  public var originalStart: Int
  /// The path in that commit (differs after a rename).
  public var originalPath: GitPath
  /// Whether the lines come from the oldest commit considered (the range's boundary)
  /// rather than a commit inside it.
  public var isBoundary: Bool

  public init(
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
