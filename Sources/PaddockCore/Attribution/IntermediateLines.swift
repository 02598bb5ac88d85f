import PaddockGit

/// Lines one commit of a range added to one file that no longer stand at the range's head.
package struct IntermediateLines: Sendable, Hashable {
  /// The commit that added them (full id).
  package var commit: ObjectID
  /// The file's path in that commit.
  package var path: String
  /// The file's blob in that commit, which holds the lines.
  package var blob: ObjectID
  /// Line numbers in that blob, as ascending runs.
  package var lines: [Range<Int>]

  package init(commit: ObjectID, path: String, blob: ObjectID, lines: [Range<Int>]) {
    self.commit = commit
    self.path = path
    self.blob = blob
    self.lines = lines
  }
}
