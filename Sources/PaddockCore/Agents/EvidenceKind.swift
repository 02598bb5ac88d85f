/// Which kind of record in a commit pointed at an agent or a reviewer.
package enum EvidenceKind: String, Sendable, Codable, Hashable {
  /// A trailer that git itself parses from the message's last paragraph.
  case trailer
  /// A trailer-shaped line elsewhere in the message, which git does not parse as a trailer.
  case trailerLine = "trailer-line"
  /// The author or committer identity (name and e-mail together).
  case identity
  /// A marker in the message text, such as `🤖 Generated with [Claude Code]`.
  case messageMarker = "message-marker"
  /// A line-level authorship note (git-ai, `refs/notes/ai`).
  case authorshipNote = "authorship-note"
  /// A mapping from the repository's `.paddock.yml`.
  case configuredAlias = "configured-alias"
}
