/// One changed line of a hunk.
package struct DiffLine: Hashable, Sendable {
  /// Whether the line was added, removed or is context.
  package enum Kind: Sendable, Hashable { case context, addition, deletion }
  package var kind: Kind
  /// The line's number in the old file (deletions and context).
  package var oldLine: Int?
  /// The line's number in the new file (additions and context).
  package var newLine: Int?
  /// The text without its line ending, decoded leniently.
  package var text: String

  package init(kind: Kind, oldLine: Int?, newLine: Int?, text: String) {
    self.kind = kind
    self.oldLine = oldLine
    self.newLine = newLine
    self.text = text
  }
}
