import PaddockGit

/// Lines one commit of a range added to one file that no longer stand at the range's head.
public struct IntermediateLines: Sendable, Hashable {
  /// The commit that added them (full id).
  public var commit: ObjectID
  /// The file's path in that commit.
  public var path: String
  /// The file's blob in that commit, which holds the lines.
  public var blob: ObjectID
  /// Line numbers in that blob, as ascending runs.
  public var lines: [Range<Int>]

  public init(commit: ObjectID, path: String, blob: ObjectID, lines: [Range<Int>]) {
    self.commit = commit
    self.path = path
    self.blob = blob
    self.lines = lines
  }
}
