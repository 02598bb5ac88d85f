internal import CLibgit2

/// A commit, copied out of libgit2 into plain values.
package struct Commit: Hashable, Sendable {
  /// The commit's id.
  package var id: ObjectID
  /// Parent ids in order; the first is the mainline.
  package var parents: [ObjectID]
  /// Who wrote the change.
  package var author: Signature
  /// Who made the commit object.
  package var committer: Signature
  /// The full raw message, decoded leniently (Latin-1 when the commit says so).
  package var message: String
  /// The trailers as git parses them.
  package var trailers: [Trailer]
  /// The root tree's id.
  package var tree: ObjectID

  /// Creates a commit value (for tests and synthetic input).
  package init(
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
  package var summary: String {
    let firstLine = message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first
    return firstLine.map { String($0).trimmingTrailingCarriageReturn } ?? ""
  }

  /// Whether the commit has more than one parent.
  package var isMerge: Bool { parents.count > 1 }
}

extension String {
  var trimmingTrailingCarriageReturn: String {
    hasSuffix("\r") ? String(dropLast()) : self
  }
}
