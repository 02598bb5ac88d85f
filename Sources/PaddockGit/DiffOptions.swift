/// What a tree-to-tree diff should compute.
package struct DiffOptions: Hashable, Sendable {
  /// Unchanged lines around each change; 0 gives one hunk per contiguous change, as blame uses.
  package var contextLines: Int
  /// Pair deleted and added files of similar content as renames (50% similarity, as git).
  package var detectRenames: Bool
  /// Whether to produce every line with its text, or only hunk headers.
  package var includeLines: Bool
  package init(contextLines: Int = 0, detectRenames: Bool = true, includeLines: Bool = false) {
    self.contextLines = contextLines
    self.detectRenames = detectRenames
    self.includeLines = includeLines
  }
}
