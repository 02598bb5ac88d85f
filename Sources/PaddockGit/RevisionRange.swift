internal import CLibgit2

/// Two ends of a revision range as git spells them.
public struct RevisionRange: Hashable, Sendable {
  /// The excluded end (`A` in `A..B`).
  public var from: ObjectID
  /// The included end (`B` in `A..B`).
  public var to: ObjectID
  /// Whether the range was written `A...B` (symmetric difference).
  public var isSymmetric: Bool

  /// Creates a range value.
  public init(from: ObjectID, to: ObjectID, isSymmetric: Bool) {
    self.from = from
    self.to = to
    self.isSymmetric = isSymmetric
  }
}
