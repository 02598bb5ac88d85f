internal import CLibgit2

/// Two ends of a revision range as git spells them.
package struct RevisionRange: Hashable, Sendable {
  /// The excluded end (`A` in `A..B`).
  package var from: ObjectID
  /// The included end (`B` in `A..B`).
  package var to: ObjectID
  /// Whether the range was written `A...B` (symmetric difference).
  package var isSymmetric: Bool

  /// Creates a range value.
  package init(from: ObjectID, to: ObjectID, isSymmetric: Bool) {
    self.from = from
    self.to = to
    self.isSymmetric = isSymmetric
  }
}
