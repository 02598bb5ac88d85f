import PaddockGit

/// The two ends of the range to attribute, and how they were chosen.
public struct ResolvedRange: Sendable, Hashable {
  /// The excluded end; nil when every ancestor of `head` is in the range (a first push).
  public var base: ObjectID?
  public var head: ObjectID
  /// How the user would write it, such as `origin/main..HEAD`.
  public var label: String
  /// More commits whose ancestors are left out, as `--not` does: the remote's branches when a push creates one.
  /// The lines they brought in are not the range's.
  public var alsoExcluding: [ObjectID]

  public init(base: ObjectID?, head: ObjectID, label: String, alsoExcluding: [ObjectID] = []) {
    self.base = base
    self.head = head
    self.label = label
    self.alsoExcluding = alsoExcluding
  }
}
