import PaddockGit

/// One changed file of the range.
package struct FileAttribution: Sendable, Codable, Hashable {
  package var path: String
  package var oldPath: String?
  package var status: DeltaStatus
  package var binary: Bool
  package var submodule: Bool
  package var symlink: Bool
  /// For binary files and submodules (which have no lines): the last commit that changed them.
  package var commit: ObjectID?
  package var authorship: AuthorshipSummary
  package var counts: LineCounts
  package var hunks: [HunkAttribution]
  /// The file's blob at head (not encoded: the JSON schema does not carry it).
  package var blob: ObjectID? = nil
  /// The file's blob at the merge base, for modified files (not encoded either).
  package var oldBlob: ObjectID? = nil
  /// A Git LFS pointer: its content is stored outside git, so it has no lines here (and `binary` is set).
  package var lfsPointer: Bool? = nil
  /// The content is missing from the repository (a partial clone whose promisor could not supply it, or a lost
  /// object): no lines, `binary` set, and the authorship of its last change.
  package var unreadable: Bool? = nil
  /// The kind of entry at the merge base and at head (not encoded): a changed mode is a change too.
  package var oldMode: FileMode? = nil
  package var newMode: FileMode? = nil
  /// The commits of the range that changed this file in any way (its lines, name, mode or content), under its
  /// new or old path, by full id (not encoded).
  package var changedBy: [ObjectID] = []

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
