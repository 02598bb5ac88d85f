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
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw ConfigError(
        file: file, line: yamlErrorLine(error), message: "is not valid YAML: \(yamlErrorText(error))",
        fix: "fix the YAML syntax (indentation, quotes, colons)")
    } catch {
      throw ConfigError(file: file, line: nil, message: "is not valid YAML: \(error)", fix: "fix the YAML syntax")
    }
    var config = PaddockConfig()
    guard let node else { return config }
    let reader = NodeReader(file: file)
    let root = try reader.mapping(node, at: "the top level")
    try reader.allowKeys(
      root, ["version", "agents", "aliases", "disable", "review-trailers", "notes-ref"], at: "the top level")
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

  private static func yamlErrorLine(_ error: YamlError) -> Int? {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): return mark.line
    default: return nil
    }
  }

  private static func yamlErrorText(_ error: YamlError) -> String {
    switch error {
    case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _):
      return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
    default: return "\(error)"
    }
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

/// Reads Yams nodes with errors that point at the line.
struct NodeReader {
  let file: String

  func error(_ node: Node, _ message: String, fix: String) -> ConfigError {
    ConfigError(file: file, line: node.mark.map { $0.line }, message: message, fix: fix)
  }

  func mapping(_ node: Node, at place: String) throws -> Node.Mapping {
    guard let mapping = node.mapping else {
      throw error(node, "expects a mapping (`key: value` lines) at \(place)", fix: "indent the keys under it")
    }
    return mapping
  }

  func sequence(_ node: Node, at place: String) throws -> Node.Sequence {
    guard let sequence = node.sequence else {
      throw error(node, "expects a list at `\(place)`", fix: "write one `- item` per line")
    }
    return sequence
  }

  func string(_ node: Node, at place: String) throws -> String {
    guard let scalar = node.scalar else {
      throw error(node, "expects a single value at `\(place)`", fix: "write a plain or quoted string")
    }
    return scalar.string
  }

  func allowKeys(_ mapping: Node.Mapping, _ allowed: [String], at place: String) throws {
    for (key, _) in mapping {
      let name = key.string ?? ""
      guard !allowed.contains(name) else { continue }
      let suggestion = allowed.min { editDistance($0, name) < editDistance($1, name) }
      var fix = "allowed keys at \(place): \(allowed.joined(separator: ", "))"
      if let suggestion, editDistance(suggestion, name) <= 3 { fix = "did you mean `\(suggestion)`? " + fix }
      throw error(key, "unknown key `\(name)` at \(place)", fix: fix)
    }
  }

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
    do {
      _ = try NSRegularExpression(pattern: pattern)
    } catch {
      throw self.error(
        node, "has an invalid regular expression `\(pattern)`", fix: "check brackets, groups and escapes (ICU syntax)")
    }
  }
}

private func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  guard !a.isEmpty else { return b.count }
  guard !b.isEmpty else { return a.count }
  var previous = Array(0...b.count)
  for i in 1...a.count {
    var current = [i] + [Int](repeating: 0, count: b.count)
    for j in 1...b.count {
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.count]
}
