import Foundation
import PaddockCore
import PaddockGit
import PaddockSupport

/// The commits of one or more ranges, parents before children, each with its label and its changes against
/// its parents: everything a report needs from git, read once (or from the cache).
package struct History {
  package var commits: [Commit]
  package var labels: [CommitLabel]
  /// Per commit: its diff against the first parent (the empty tree for a root), then against each other parent.
  var changes: [[[FileDiff]]]
  package var index: [ObjectID: Int32]
  /// For each range asked for, the indices of its commits.
  package var members: [Set<Int32>]
  package var limitations: [String]
  /// Authors (`Name <email>`) of commits of unknown authorship (bot accounts the catalogue does not know), with
  /// their commit counts.
  package var unrecognisedAccounts: [String: Int] = [:]

  /// Lines each commit added against its first parent; 0 for merges, whose lines their branches' commits added.
  package func addedLines(_ commit: Int) -> Int {
    guard commits[commit].parents.count <= 1 else { return 0 }
    return changes[commit].first?.reduce(0) { total, file in
      total + (file.isBinary ? 0 : file.hunks.reduce(0) { $0 + $1.newCount })
    } ?? 0
  }
}
