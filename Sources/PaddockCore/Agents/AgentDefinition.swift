/// One recogniser: a pattern that, when it matches a commit, names an agent.
package struct AgentMarker: Sendable, Hashable {
  /// What the pattern is matched against.
  package enum Kind: String, Sendable, Hashable, CaseIterable {
    /// `Name <email>` of the author, the committer, and every `Co-authored-by:` trailer.
    case identity
    /// The value of trailers with one of `keys`.
    case trailer
    /// The whole message, line by line (`^` and `$` match at line breaks; `\A` is the subject's start).
    case message
    /// A policy trailer such as `Assisted-by: Claude:claude-3-opus coccinelle`:
    /// the agent and model are read from the value.
    case policy
  }

  /// Stable id, `<agent>/<name>`, used to switch a marker off in `.paddock.yml`.
  package var id: String
  package var kind: Kind
  /// Trailer keys, compared case-insensitively (trailer and policy markers).
  package var keys: [String]
  /// An RE2 regular expression (`LinearRegex`). A named group `model` captures the model.
  package var pattern: String

  package init(id: String, kind: Kind, keys: [String] = [], pattern: String = "") {
    self.id = id
    self.kind = kind
    self.keys = keys
    self.pattern = pattern
  }
}

/// An AI coding agent and the ways it marks its commits.
package struct AgentDefinition: Sendable, Hashable {
  /// Stable kebab-case id, such as `claude-code`.
  package var id: String
  /// Display name, such as `Claude Code`.
  package var name: String
  /// Lower-case names people write in policy trailers (`claude`, `claude code`).
  package var aliases: [String]
  package var markers: [AgentMarker]
  /// Automation that is not an AI agent (a dependency or release bot): its commits are `bot`, not `ai`.
  package var isBot: Bool

  package init(id: String, name: String, aliases: [String] = [], markers: [AgentMarker], isBot: Bool = false) {
    self.id = id
    self.name = name
    self.aliases = aliases
    self.markers = markers
    self.isBot = isBot
  }
}
