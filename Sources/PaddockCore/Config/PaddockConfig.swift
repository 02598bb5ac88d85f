import Foundation
import Yams

/// A repository's `.paddock.yml`, as far as attribution is concerned.
public struct PaddockConfig: Sendable, Hashable {
  /// Agents to add, or to replace when the id is a built-in one.
  public var agents: [AgentDefinition] = []
  public var aliases: [IdentityAlias] = []
  /// Marker ids or agent ids to switch off.
  public var disable: [String] = []
  /// Trailer keys that mean a person reviewed the change; nil keeps the default.
  public var reviewTrailers: [String]?
  public var notesRef: String?
  /// Rules, limits and policy for `paddock review`.
  public var review = ReviewConfig()
  /// The file this configuration came from, for messages about it.
  public var file: String?

  public init() {}

  /// The built-in catalogue with this configuration applied.
  public func catalogue(base: AgentCatalogue = .builtin) -> AgentCatalogue {
    var catalogue = base
    catalogue.add(agents)
    catalogue.aliases += aliases
    catalogue.disabled.formUnion(disable)
    if let reviewTrailers { catalogue.reviewTrailers = reviewTrailers }
    return catalogue
  }

  /// The file name Paddock looks for at the repository root.
  public static let fileName = ".paddock.yml"

  /// Parses configuration text. `file` names the source in error messages.
  public static func parse(_ text: String, file: String) throws -> PaddockConfig {
    let node = try NodeReader.compose(text, file: file)
    var config = PaddockConfig()
    guard let node else { return config }
    let reader = NodeReader(file: file)
    let root = try reader.mapping(node, at: "the top level")
    try reader.allowKeys(
      root,
      [
        "version", "agents", "aliases", "disable", "review-trailers", "notes-ref", "rules", "protected-paths", "limits",
        "policy", "baseline",
      ], at: "the top level")
    config.file = file
    config.review = try reader.reviewConfig(root)
    if let version = root["version"] {
      guard try reader.string(version, at: "version") == "1" else {
        throw reader.error(
          version, "has `version` \(version.string ?? "?"), but this Paddock reads version 1", fix: "set `version: 1`")
      }
    }
    if let agents = root["agents"] {
      for item in try reader.sequence(agents, at: "agents") {
        config.agents.append(try reader.agent(item))
      }
    }
    if let aliases = root["aliases"] {
      for item in try reader.sequence(aliases, at: "aliases") {
        let mapping = try reader.mapping(item, at: "an alias")
        try reader.allowKeys(mapping, ["identity", "agent", "model"], at: "an alias")
        guard let identity = mapping["identity"], let agent = mapping["agent"] else {
          throw reader.error(
            item, "has an alias without `identity` or `agent`",
            fix: "write `identity: 'Name <email>'` and `agent: AGENT-ID`")
        }
        let identityText = try reader.string(identity, at: "identity")
        guard identityText.contains("<"), identityText.hasSuffix(">") else {
          throw reader.error(
            identity, "has identity `\(identityText)`, which is not `Name <email>`",
            fix: "write the identity as git shows it, e.g. `Jane Doe (AI) <jane+ai@example.com>`")
        }
        config.aliases.append(
          IdentityAlias(
            identity: identityText, agent: try reader.string(agent, at: "agent"),
            model: try mapping["model"].map { try reader.string($0, at: "model") }))
      }
    }
    if let disable = root["disable"] {
      config.disable = try reader.sequence(disable, at: "disable").map { try reader.string($0, at: "disable") }
    }
    if let trailers = root["review-trailers"] {
      config.reviewTrailers = try reader.sequence(trailers, at: "review-trailers").map {
        try reader.string($0, at: "review-trailers")
      }
    }
    if let ref = root["notes-ref"] {
      config.notesRef = try reader.string(ref, at: "notes-ref")
    }
    // Switching off something that does not exist is almost always a typo.
    let known = AgentCatalogue.builtin.markerIDs.union(AgentCatalogue.builtin.agents.map(\.id))
      .union(config.agents.flatMap { [$0.id] + $0.markers.map(\.id) })
    if let disable = root["disable"], let items = disable.sequence {
      for item in items where !known.contains(item.string ?? "") {
        throw reader.error(
          item, "disables `\(item.string ?? "")`, which is neither an agent nor a marker",
          fix: "use an id from `paddock agents`")
      }
    }
    return config
  }

  /// Loads `.paddock.yml` from a directory; a missing file gives the defaults.
  public static func load(directory: String) throws -> PaddockConfig {
    let path = (directory as NSString).appendingPathComponent(fileName)
    return try load(file: path, required: false)
  }

  /// Loads a configuration file. When `required`, a missing file is an error.
  public static func load(file path: String, required: Bool) throws -> PaddockConfig {
    guard let data = FileManager.default.contents(atPath: path) else {
      if required {
        throw ConfigError(
          file: path, line: nil, message: "does not exist or cannot be read", fix: "check the path given to `--config`")
      }
      return PaddockConfig()
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ConfigError(file: path, line: nil, message: "is not UTF-8 text", fix: "save the file as UTF-8")
    }
    return try parse(text, file: path)
  }
}

/// A configuration problem, with the file, the line and what to do.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var message: String
  public var fix: String

  public var description: String {
    let location = line.map { "\(file):\($0)" } ?? file
    return "\(location): \(message); \(fix)"
  }
}

extension NodeReader {
  func agent(_ node: Node) throws -> AgentDefinition {
    let mapping = try mapping(node, at: "an agent")
    try allowKeys(mapping, ["id", "name", "aliases", "identities", "trailers", "messages"], at: "an agent")
    guard let idNode = mapping["id"] else {
      throw error(node, "has an agent without `id`", fix: "give it a kebab-case `id`, such as `internal-bot`")
    }
    let id = try string(idNode, at: "id")
    let name = try mapping["name"].map { try string($0, at: "name") } ?? id
    var markers: [AgentMarker] = []
    var aliases: [String] = []
    if let list = mapping["aliases"] {
      aliases = try sequence(list, at: "aliases").map { try string($0, at: "aliases").lowercased() }
    }
    if let list = mapping["identities"] {
      for (index, item) in try sequence(list, at: "identities").enumerated() {
        let pattern = try string(item, at: "identities")
        try validate(pattern, item)
        markers.append(AgentMarker(id: "\(id)/identity-\(index + 1)", kind: .identity, pattern: pattern))
      }
    }
    if let list = mapping["trailers"] {
      for (index, item) in try sequence(list, at: "trailers").enumerated() {
        let trailer = try self.mapping(item, at: "a trailer")
        try allowKeys(trailer, ["key", "pattern"], at: "a trailer")
        guard let key = trailer["key"] else {
          throw error(item, "has a trailer without `key`", fix: "write `key: Trailer-Name`")
        }
        let pattern = try trailer["pattern"].map { try string($0, at: "pattern") } ?? "."
        if let patternNode = trailer["pattern"] { try validate(pattern, patternNode) }
        markers.append(
          AgentMarker(
            id: "\(id)/trailer-\(index + 1)", kind: .trailer, keys: [try string(key, at: "key")], pattern: pattern))
      }
    }
    if let list = mapping["messages"] {
      for (index, item) in try sequence(list, at: "messages").enumerated() {
        let pattern = try string(item, at: "messages")
        try validate(pattern, item)
        markers.append(AgentMarker(id: "\(id)/message-\(index + 1)", kind: .message, pattern: pattern))
      }
    }
    if markers.isEmpty {
      throw error(
        node, "defines agent `\(id)` with no way to recognise it", fix: "add `identities`, `trailers` or `messages`")
    }
    return AgentDefinition(id: id, name: name, aliases: aliases + [name.lowercased()], markers: markers)
  }

  private func validate(_ pattern: String, _ node: Node) throws {
    try regex(node, at: "a pattern")
  }
}
