/// One file's change between two trees.
package struct FileDiff: Hashable, Sendable {
  package var status: DeltaStatus
  /// The path before the change (nil when added).
  package var oldPath: GitPath?
  /// The path after the change (nil when deleted).
  package var newPath: GitPath?
  package var oldMode: FileMode
  package var newMode: FileMode
  package var oldBlob: ObjectID
  package var newBlob: ObjectID
  /// Whether git treats either side as binary (no hunks then).
  package var isBinary: Bool
  /// Rename or copy similarity in percent, when detected.
  package var similarity: Int
  package var hunks: [DiffHunk]
  /// A side's content is missing from the object database (a partial clone whose promisor could not supply it, or
  /// a lost object): the file has no hunks, like a binary one, and callers report it.
  package var isUnreadable = false

  package init(
    status: DeltaStatus, oldPath: GitPath?, newPath: GitPath?, oldMode: FileMode, newMode: FileMode,
    oldBlob: ObjectID, newBlob: ObjectID, isBinary: Bool, similarity: Int, hunks: [DiffHunk]
  ) {
    self.status = status
    self.oldPath = oldPath
    self.newPath = newPath
    self.oldMode = oldMode
    self.newMode = newMode
    self.oldBlob = oldBlob
    self.newBlob = newBlob
    self.isBinary = isBinary
    self.similarity = similarity
    self.hunks = hunks
  }

  /// The path to report: the new one, or the old one for a deletion.
  package var path: GitPath { newPath ?? oldPath ?? GitPath(bytes: []) }

  /// Whether either side is a submodule (gitlink).
  package var isSubmodule: Bool { oldMode == .submodule || newMode == .submodule }

  /// Whether either side is a symbolic link.
  package var isSymlink: Bool { oldMode == .symlink || newMode == .symlink }
}
