import PaddockGit

/// The change under review as plain values: each file's added lines with who wrote them, and the commits.
///
/// Built from a repository by `ReviewChange.load`, or from a rule's example by `RuleExampleRunner`, so the
/// rules run the same way on both.
package struct ReviewChange: Sendable {
  package var files: [ReviewFile]
  package var commits: [ReviewCommit]
  /// Text files standing at head outside `files`, for checks that look beyond the change (duplicate code).
  package var headFiles: [HeadFile]
  /// Every path the change touches, deletions, renames and mode changes included, with the commits that changed
  /// it: what protected paths are judged on. Empty for a change built from lines alone (a rule's example).
  package var paths: [PathChange]
  /// Lines that commits of the change added and later commits changed or removed, one file per commit and path
  /// (line numbers in that commit's version): not at head, but in the history the change delivers. Only secret
  /// rules read them.
  package var intermediate: [ReviewFile]
  /// The packages that the dependency manifests of the whole repository declared at the base of the change, by
  /// ecosystem (`npm`, `Go`, `PyPI`, ...): loaded when the change touches a manifest.
  package var declaredDependencies: [String: Set<String>]
  /// What the checks could not see, in words for people (files at head that could not be read).
  package var limitations: [String]

  package init(
    files: [ReviewFile], commits: [ReviewCommit], headFiles: [HeadFile] = [], paths: [PathChange] = [],
    intermediate: [ReviewFile] = [], declaredDependencies: [String: Set<String>] = [:], limitations: [String] = []
  ) {
    self.files = files
    self.commits = commits
    self.headFiles = headFiles
    self.declaredDependencies = declaredDependencies
    self.limitations = limitations
    self.paths = paths
    self.intermediate = intermediate
  }

  /// Whether commit `ancestor` is commit `descendant` or one of its ancestors inside the change (indices into
  /// `commits`).
  package func isAncestor(_ ancestor: Int, of descendant: Int) -> Bool {
    var seen = Set<Int>()
    var queue = [descendant]
    while let next = queue.popLast() {
      if next == ancestor { return true }
      guard commits.indices.contains(next), seen.insert(next).inserted else { continue }
      queue += commits[next].parents
    }
    return false
  }
}
