import PaddockGit

/// The two ends of the range to attribute, and how they were chosen.
package struct ResolvedRange: Sendable, Hashable {
  /// The excluded end; nil when every ancestor of `head` is in the range (a first push).
  package var base: ObjectID?
  package var head: ObjectID
  /// How the user would write it, such as `origin/main..HEAD`.
  package var label: String
  /// More commits whose ancestors are left out, as `--not` does: the remote's branches when a push creates one.
  /// The lines they brought in are not the range's.
  package var alsoExcluding: [ObjectID]

  package init(base: ObjectID?, head: ObjectID, label: String, alsoExcluding: [ObjectID] = []) {
    self.base = base
    self.head = head
    self.label = label
    self.alsoExcluding = alsoExcluding
  }
}
