/// Which kind of record in a commit pointed at an agent or a reviewer.
public enum EvidenceKind: String, Sendable, Codable, Hashable {
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

/// How much a piece of evidence can be trusted.
public enum EvidenceStrength: String, Sendable, Codable, Hashable, Comparable {
  /// Parsed exactly as git parses it, or an exact identity match.
  case strong
  /// Found in the text but outside git's trailer block, or a free-text marker.
  case medium
  /// A trailer-shaped line read leniently (indented, in a bullet, in backticks, with a trailing period); the
  /// evidence's source says how.
  case weak

  private var rank: Int {
    switch self {
    case .strong: 2
    case .medium: 1
    case .weak: 0
    }
  }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// One reason to believe an agent (or a reviewing person) was involved.
public struct Evidence: Sendable, Codable, Hashable {
  public var kind: EvidenceKind
  public var strength: EvidenceStrength
  /// The catalogue marker that matched, such as `claude-code/co-author`.
  public var marker: String
  /// The agent's catalogue id, such as `claude-code`; nil for review evidence.
  public var agent: String?
  /// The model named by the evidence, when it names one.
  public var model: String?
  /// The text that matched, such as `Co-Authored-By: Claude <noreply@anthropic.com>`.
  public var text: String
  /// Where it was found: `author`, `committer`, `trailer`, `message line 7`, `refs/notes/ai`.
  public var source: String

  public init(
    kind: EvidenceKind, strength: EvidenceStrength, marker: String, agent: String?, model: String?, text: String,
    source: String
  ) {
    self.kind = kind
    self.strength = strength
    self.marker = marker
    self.agent = agent
    self.model = model
    self.text = text
    self.source = source
  }
}
