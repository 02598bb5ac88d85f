import PaddockGit

/// One changed file of the range.
public struct FileAttribution: Sendable, Codable, Hashable {
  public var path: String
  public var oldPath: String?
  public var status: DeltaStatus
  public var binary: Bool
  public var submodule: Bool
  public var symlink: Bool
  /// For binary files and submodules (which have no lines): the last commit that changed them.
  public var commit: ObjectID?
  public var authorship: AuthorshipSummary
  public var counts: LineCounts
  public var hunks: [HunkAttribution]
  /// The file's blob at head (not encoded: the JSON schema does not carry it).
  public var blob: ObjectID? = nil
  /// The file's blob at the merge base, for modified files (not encoded either).
  public var oldBlob: ObjectID? = nil
  /// A Git LFS pointer: its content is stored outside git, so it has no lines here (and `binary` is set).
  public var lfsPointer: Bool? = nil
  /// The content is missing from the repository (a partial clone whose promisor could not supply it, or a lost
  /// object): no lines, `binary` set, and the authorship of its last change.
  public var unreadable: Bool? = nil
  /// The kind of entry at the merge base and at head (not encoded): a changed mode is a change too.
  public var oldMode: FileMode? = nil
  public var newMode: FileMode? = nil
  /// The commits of the range that changed this file in any way (its lines, name, mode or content), under its
  /// new or old path, by full id (not encoded).
  public var changedBy: [ObjectID] = []

  enum CodingKeys: String, CodingKey {
    case path
    case oldPath = "old_path"
    case status
    case binary
    case submodule
    case symlink
    case commit
    case authorship
    case counts
    case hunks
    case lfsPointer = "lfs_pointer"
    case unreadable
  }
}
