internal import CLibgit2

/// A commit, copied out of libgit2 into plain values.
public struct Commit: Hashable, Sendable {
  /// The commit's id.
  public var id: ObjectID
  /// Parent ids in order; the first is the mainline.
  public var parents: [ObjectID]
  /// Who wrote the change.
  public var author: Signature
  /// Who made the commit object.
  public var committer: Signature
  /// The full raw message, decoded leniently (Latin-1 when the commit says so).
  public var message: String
  /// The trailers as git parses them.
  public var trailers: [Trailer]
  /// The root tree's id.
  public var tree: ObjectID

  /// Creates a commit value (for tests and synthetic input).
  public init(
    id: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, message: String,
    trailers: [Trailer], tree: ObjectID
  ) {
    self.id = id
    self.parents = parents
    self.author = author
    self.committer = committer
    self.message = message
    self.trailers = trailers
    self.tree = tree
  }

  /// The first line of the message.
  public var summary: String {
    let firstLine = message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first
    return firstLine.map { String($0).trimmingTrailingCarriageReturn } ?? ""
  }

  /// Whether the commit has more than one parent.
  public var isMerge: Bool { parents.count > 1 }
}

extension String {
  var trimmingTrailingCarriageReturn: String {
    hasSuffix("\r") ? String(dropLast()) : self
  }
}
