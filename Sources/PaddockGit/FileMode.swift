/// What kind of tree entry a side of a delta is.
package enum FileMode: String, Sendable, Codable {
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
