import Foundation
import PaddockChange
import Yams

/// A repository's `.paddock.yml`, as far as attribution is concerned.
package struct PaddockConfig: Sendable, Hashable {
  /// Agents to add, or to replace when the id is a built-in one.
  package var agents: [AgentDefinition] = []
  package var aliases: [IdentityAlias] = []
  /// Marker ids or agent ids to switch off.
  package var disable: [String] = []
  /// Trailer keys that mean a person reviewed the change; nil keeps the default.
  package var reviewTrailers: [String]?
  package var notesRef: String?
  /// Rules, limits and policy for `paddock review`.
  package var review = ReviewConfig()
  /// What the git hooks do.
  package var hooks = HooksConfig()
  /// Defaults for `paddock report`.
  package var report = ReportConfig()
  /// Where pull request approvals are recorded as git notes (`review-notes:`).
  package var reviewNotes = ReviewNotesConfig()
  /// Model review; nil when `.paddock.yml` has no `model:` section.
  package var model: ModelConfig?
  /// The file this configuration came from, for messages about it.
  package var file: String?

  package init() {}

  /// The built-in catalogue with this configuration applied.
  package func catalogue(base: AgentCatalogue = .builtin) -> AgentCatalogue {
    var catalogue = base
    catalogue.add(agents)
    catalogue.aliases += aliases
    catalogue.disabled.formUnion(disable)
    if let reviewTrailers { catalogue.reviewTrailers = reviewTrailers }
    catalogue.independentReview = review.independentReview
    return catalogue
  }

  /// The file name Paddock looks for at the repository root.
  package static let fileName = ".paddock.yml"

  /// Parses configuration text. `file` names the source in error messages.
  package static func parse(_ text: String, file: String) throws -> PaddockConfig {
    let node = try NodeReader.compose(text, file: file)
    var config = PaddockConfig()
    guard let node else { return config }
    let reader = NodeReader(file: file)
    let root = try reader.mapping(node, at: "the top level")
    try reader.allowKeys(
      root,
      [
        "version", "agents", "bots", "aliases", "disable", "review-trailers", "notes-ref", "rules", "protected-paths",
        "limits",
        "policy", "baseline", "hooks", "model", "report", "review-notes",
      ], at: "the top level")
    config.file = file
    config.review = try reader.reviewConfig(root)
    if let hooks = root["hooks"] { config.hooks = try reader.hooksConfig(hooks) }
    if let model = root["model"] { config.model = try reader.modelConfig(model) }
    if let report = root["report"] { config.report = try reader.reportConfig(report) }
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
    // Automation that is not an AI agent, written like an agent: its commits are `bot`.
    if let bots = root["bots"] {
      for item in try reader.sequence(bots, at: "bots") {
        var bot = try reader.agent(item)
        bot.isBot = true
        config.agents.append(bot)
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
    if let notes = root["review-notes"] {
      let mapping = try reader.mapping(notes, at: "review-notes")
      try reader.allowKeys(mapping, ["ref", "record", "push", "remote"], at: "review-notes")
      if let ref = mapping["ref"] {
        let text = try reader.string(ref, at: "review-notes.ref")
        guard text.hasPrefix("refs/notes/"), !text.contains(".."), !text.contains(" ") else {
          throw reader.error(
            ref, "has review-notes.ref `\(text)`, which is not a notes ref",
            fix: "write a ref under refs/notes/, e.g. `refs/notes/paddock-reviews`")
        }
        config.reviewNotes.reference = text
      }
      if let record = mapping["record"] {
        config.reviewNotes.record = try reader.bool(record, at: "review-notes.record")
      }
      if let push = mapping["push"] { config.reviewNotes.push = try reader.bool(push, at: "review-notes.push") }
      if let remote = mapping["remote"] {
        config.reviewNotes.remote = try reader.string(remote, at: "review-notes.remote")
      }
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
  package static func load(directory: String) throws -> PaddockConfig {
    let path = (directory as NSString).appendingPathComponent(fileName)
    return try load(file: path, required: false)
  }

  /// Loads a configuration file. When `required`, a missing file is an error.
  package static func load(file path: String, required: Bool) throws -> PaddockConfig {
    guard let data = try ConfigFiles.readFile(atPath: path) else {
      if required {
        throw ConfigError(
          file: path, line: nil, message: "does not exist", fix: "check the path given to `--config`")
      }
      return PaddockConfig()
    }
    return try parse(try ConfigFiles.utf8(data, file: path), file: path)
  }
}

extension NodeReader {
  func reportConfig(_ node: Node) throws -> ReportConfig {
    let map = try table(
      node, at: "report",
      allowed: ["include", "exclude", "tags", "fix-patterns", "period", "copies", "move-threshold", "copy-threshold"])
    var config = ReportConfig()
    if let include = map["include"] { config.include = try strings(include, at: "report.include") }
    if let exclude = map["exclude"] { config.exclude = try strings(exclude, at: "report.exclude") }
    if let tags = map["tags"] { config.tags = try string(tags, at: "report.tags") }
    if let period = map["period"] { config.period = try choice(period, at: "report.period", of: TrendPeriod.self) }
    if let mode = map["copies"] {
      config.copies.mode = try choice(mode, at: "report.copies", of: CopyDetection.Mode.self)
    }
    for (key, keyPath) in [
      ("move-threshold", \CopyDetection.moveThreshold), ("copy-threshold", \CopyDetection.copyThreshold),
    ] {
      guard let item = map[key] else { continue }
      let value = try int(item, at: "report.\(key)")
      if let problem = CopyDetection.problem(threshold: value, option: "report.\(key)") {
        throw error(item, "has \(value) at `report.\(key)`", fix: problem)
      }
      config.copies[keyPath: keyPath] = value
    }
    if let patterns = map["fix-patterns"] {
      let items = try sequence(patterns, at: "report.fix-patterns")
      for item in items { try regex(item, at: "report.fix-patterns") }
      config.fixPatterns = try items.map { try string($0, at: "report.fix-patterns") }
    }
    do {
      _ = try FileSelection(include: config.include, exclude: config.exclude)
    } catch {
      throw self.error(node, "has a bad glob under `report`: \(error.problem)", fix: "close every `[` and `{`")
    }
    return config
  }

  func hooksConfig(_ node: Node) throws -> HooksConfig {
    let map = try table(node, at: "hooks", allowed: ["required", "trailer", "detect-agents", "sessions"])
    var config = HooksConfig()
    if let required = map["required"] { config.required = try bool(required, at: "hooks.required") }
    if let detect = map["detect-agents"] { config.detectAgents = try bool(detect, at: "hooks.detect-agents") }
    if let trailer = map["trailer"] {
      let key = try string(trailer, at: "hooks.trailer")
      guard CommitClassifier.trailerShaped(Substring("\(key): y"))?.key == key else {
        throw error(
          trailer, "has `hooks.trailer` `\(key)`, which is not a trailer key",
          fix: "use letters, digits and `-`, such as `Assisted-by`")
      }
      config.trailer = key
    }
    if let sessions = map["sessions"] {
      for item in try sequence(sessions, at: "hooks.sessions") {
        let entry = try table(item, at: "hooks.sessions", allowed: ["variable", "equals", "ends-with", "agent"])
        guard let variable = entry["variable"], let agent = entry["agent"] else {
          throw error(
            item, "has a session without `variable` or `agent`",
            fix: "write `variable: MY_AGENT_SESSION` and `agent: AGENT-ID`")
        }
        var match = SessionVariable.Match.present
        if let equals = entry["equals"] { match = .equals(try string(equals, at: "equals")) }
        if let suffix = entry["ends-with"] { match = .suffix(try string(suffix, at: "ends-with")) }
        config.sessions.append(
          SessionVariable(
            variable: try string(variable, at: "variable"), match: match, agent: try string(agent, at: "agent")))
      }
    }
    return config
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
    try regex(node, at: "a pattern")
  }
}
