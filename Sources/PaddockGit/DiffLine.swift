/// One changed line of a hunk.
public struct DiffLine: Hashable, Sendable {
  /// Whether the line was added, removed or is context.
  public enum Kind: Sendable, Hashable { case context, addition, deletion }
  public var kind: Kind
  /// The line's number in the old file (deletions and context).
  public var oldLine: Int?
  /// The line's number in the new file (additions and context).
  public var newLine: Int?
  /// The text without its line ending, decoded leniently.
  public var text: String

  public init(kind: Kind, oldLine: Int?, newLine: Int?, text: String) {
    self.kind = kind
    self.oldLine = oldLine
    self.newLine = newLine
    self.text = text
  }
}
