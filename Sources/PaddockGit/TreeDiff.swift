/// How a file changed between two trees.
public enum DeltaStatus: String, Sendable, Codable {
  case added, deleted, modified, renamed, copied, typeChanged = "type-changed", unmodified
}

/// What kind of tree entry a side of a delta is.
public enum FileMode: String, Sendable, Codable {
  /// No entry on this side (added or deleted file).
  case absent
  case regular
  case executable
  case symlink
  /// A gitlink: a submodule's commit.
  case submodule
  case tree
  case unknown
}

/// One changed line of a hunk.
public struct DiffLine: Hashable, Sendable {
  /// Whether the line was added, removed or is context.
  public enum Kind: Sendable, Hashable { case context, addition, deletion }
  public var kind: Kind
  /// The line's number in the old file (deletions and context).
  public var oldLine: Int?
  /// The line's number in the new file (additions and context).
  public var newLine: Int?
  /// The text without its line ending, decoded leniently.
  public var text: String

  public init(kind: Kind, oldLine: Int?, newLine: Int?, text: String) {
    self.kind = kind
    self.oldLine = oldLine
    self.newLine = newLine
    self.text = text
  }
}

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

/// What a tree-to-tree diff should compute.
public struct DiffOptions: Hashable, Sendable {
  /// Unchanged lines around each change; 0 gives one hunk per contiguous change, as blame uses.
  public var contextLines: Int
  /// Pair deleted and added files of similar content as renames (50% similarity, as git).
  public var detectRenames: Bool
  /// Whether to produce every line with its text, or only hunk headers.
  public var includeLines: Bool
  public init(contextLines: Int = 0, detectRenames: Bool = true, includeLines: Bool = false) {
    self.contextLines = contextLines
    self.detectRenames = detectRenames
    self.includeLines = includeLines
  }
}
