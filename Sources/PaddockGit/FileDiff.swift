/// One file's change between two trees.
public struct FileDiff: Hashable, Sendable {
  public var status: DeltaStatus
  /// The path before the change (nil when added).
  public var oldPath: GitPath?
  /// The path after the change (nil when deleted).
  public var newPath: GitPath?
  public var oldMode: FileMode
  public var newMode: FileMode
  public var oldBlob: ObjectID
  public var newBlob: ObjectID
  /// Whether git treats either side as binary (no hunks then).
  public var isBinary: Bool
  /// Rename or copy similarity in percent, when detected.
  public var similarity: Int
  public var hunks: [DiffHunk]
  /// A side's content is missing from the object database (a partial clone whose promisor could not supply it, or
  /// a lost object): the file has no hunks, like a binary one, and callers report it.
  public var isUnreadable = false

  public init(
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
  public var path: GitPath { newPath ?? oldPath ?? GitPath(bytes: []) }

  /// Whether either side is a submodule (gitlink).
  public var isSubmodule: Bool { oldMode == .submodule || newMode == .submodule }

  /// Whether either side is a symbolic link.
  public var isSymlink: Bool { oldMode == .symlink || newMode == .symlink }
}
