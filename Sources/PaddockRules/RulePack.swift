import Foundation
import PaddockChange
import PaddockRegex
import PaddockSupport
import Yams

/// A named set of rules from one YAML file.
package struct RulePack: Sendable, Hashable {
  package var id: String
  package var title: String
  package var description: String
  package var rules: [Rule]
  /// The file it came from (`rules/secrets.yml` for the built-in ones).
  package var file: String

  package init(id: String, title: String, description: String = "", rules: [Rule], file: String) {
    self.id = id
    self.title = title
    self.description = description
    self.rules = rules
    self.file = file
  }

  /// The packs compiled into Paddock from `rules/`.
  package static let builtin: [RulePack] = builtinPacks(examples: true)

  /// The built-in packs without their examples, which only `rules test`, `rules explain` and the test suite read: a
  /// review parses about 40% less YAML before its first commit is read.
  package static let builtinWithoutExamples: [RulePack] = builtinPacks(examples: false)

  private static func builtinPacks(examples: Bool) -> [RulePack] {
    // The packs are independent: parse them on all cores, since every run starts with them.
    Parallel.map(embeddedRulePacks.count) { index in
      let (name, text) = embeddedRulePacks[index]
      do {
        // The test suite compiles every built-in pattern, so start-up does not compile them twice.
        return try RulePackParser(
          reader: NodeReader(file: "rules/" + name), checkPatterns: false, examples: examples
        ).pack(examples ? text : blankingExamples(text))
      } catch {
        // The test suite loads every built-in pack, so a broken one never ships.
        preconditionFailure("built-in rule pack rules/\(name) is invalid: \(error)")
      }
    }
  }

  /// Loads a pack file.
  package static func load(file path: String) throws(ConfigError) -> RulePack {
    guard let data = try ConfigFiles.readFile(atPath: path) else {
      throw ConfigError(
        file: path, line: nil, message: "does not exist", fix: "check the path under `rules.files` in .paddock.yml")
    }
    return try parse(try ConfigFiles.utf8(data, file: path), file: path)
  }

  /// Parses a pack's YAML; every problem names the file, the line and the fix. With `checkPatterns` off, regular
  /// expressions are compiled only when a rule set is built.
  package static func parse(_ text: String, file: String, checkPatterns: Bool = true) throws(ConfigError) -> RulePack {
    do {
      return try RulePackParser(reader: NodeReader(file: file), checkPatterns: checkPatterns).pack(text)
    } catch let error as ConfigError {
      throw error
    } catch {
      throw ConfigError(file: file, line: nil, message: "could not be read: \(error)", fix: "check the file")
    }
  }
}

/// Turns a pack's YAML into rules, checking every field.
struct RulePackParser {
  let reader: NodeReader
  var checkPatterns = true
  /// Off for a pack whose examples were taken out (`RulePack.blankingExamples`): a replacement is not asked for the
  /// example that proves it.
  var examples = true

  static let ruleKeys = [
    "id", "title", "kind", "severity", "authorship", "languages", "paths", "keywords", "pattern", "pattern-not",
    "pattern-not-before", "pattern-not-statement", "pattern-not-in-file", "ignore-in", "message", "fix", "replacement",
    "references",
    "tags", "enabled",
    "with", "examples",
  ]

  func pack(_ text: String) throws -> RulePack {
    guard let node = try NodeReader.compose(text, file: reader.file) else {
      throw ConfigError(file: reader.file, line: nil, message: "is empty", fix: "write `pack:`, `title:` and `rules:`")
    }
    let root = try reader.mapping(node, at: "the top level of a rule pack")
    try reader.allowKeys(root, ["pack", "title", "description", "rules"], at: "the top level of a rule pack")
    guard let idNode = root["pack"], let rulesNode = root["rules"] else {
      throw reader.error(node, "is missing `pack` or `rules`", fix: "start the file with `pack: my-pack` and `rules:`")
    }
    let id = try kebab(idNode, at: "pack")
    let title = try root["title"].map { try reader.string($0, at: "title") } ?? id
    let description = try root["description"].map { try reader.string($0, at: "description") } ?? ""
    var rules: [Rule] = []
    for item in try reader.sequence(rulesNode, at: "rules") {
      let rule = try self.rule(item, pack: id)
      if let earlier = rules.first(where: { $0.id == rule.id }) {
        throw reader.error(
          item, "declares rule `\(rule.id)` twice (first at \(earlier.source))", fix: "give each rule its own id")
      }
      rules.append(rule)
    }
    return RulePack(id: id, title: title, description: description, rules: rules, file: reader.file)
  }

  func rule(_ node: Node, pack: String) throws -> Rule {
    let map = try reader.table(node, at: "a rule", allowed: Self.ruleKeys)
    for key in ["title", "message", "fix"] where map[key] == nil {
      throw reader.error(
        node, "has a rule without `\(key)`", fix: "every rule needs id, title, severity, message and fix")
    }
    guard let idNode = map["id"], let severityNode = map["severity"] else {
      throw reader.error(
        node, "has a rule without `id` or `severity`", fix: "every rule needs id, title, severity, message and fix")
    }
    func string(_ key: String) throws -> String? {
      try map[key].map { try reader.string($0, at: key).trimmingBlanks() }
    }
    func strings(_ key: String) throws -> [String] { try map[key].map { try reader.strings($0, at: key) } ?? [] }
    // An exclusion is one regex or a list of them; a list becomes one alternation, so a line matching any fails.
    func exclusion(_ key: String) throws -> String? {
      guard let node = map[key] else { return nil }
      let items = node.scalar != nil ? [node] : Array(try reader.sequence(node, at: key))
      guard !items.isEmpty else {
        throw reader.error(node, "has an empty list at `\(key)`", fix: "give one regex or a list of regexes")
      }
      if checkPatterns { for item in items { try reader.regex(item, at: key) } }
      let patterns = try items.map { try reader.string($0, at: key).trimmingBlanks() }
      return patterns.count == 1 ? patterns[0] : patterns.map { "(?:\($0))" }.joined(separator: "|")
    }

    let id = try kebab(idNode, at: "id")
    let kindName = try string("kind") ?? PatternKind.name
    guard let kindType = RuleKinds.named(kindName) else {
      throw reader.error(
        map["kind"] ?? node, "has unknown kind `\(kindName)`",
        fix: suggestion(for: kindName, among: RuleKinds.names).map { "did you mean `\($0)`?" }
          ?? "use one of \(RuleKinds.names.joined(separator: ", "))")
    }
    let options = try map["with"].map { try reader.mapping($0, at: "with") }
    let kind = try kindType.parse(
      RuleKindParameters(
        parser: self, kind: kindName, map: options, node: map["with"] ?? node, rule: node,
        pattern: try string("pattern")))
    if checkPatterns, let pattern = map["pattern"] { try reader.regex(pattern, at: "pattern") }
    if kindType.requiresPattern, map["pattern"] == nil {
      throw reader.error(node, "has \(kindName) rule `\(id)` without `pattern`", fix: "add a `pattern:` regex")
    }
    let replacement = try map["replacement"].map { node in
      try self.replacement(node, kind: kindType, pattern: try string("pattern") ?? "")
    }
    let examples = try map["examples"].map { try self.examples($0) } ?? RuleExamples()
    try checkFixes(examples, replacement: replacement, at: map["examples"] ?? map["replacement"] ?? node)
    var languages: [Language] = []
    if let list = map["languages"] {
      for item in try reader.sequence(list, at: "languages") {
        languages.append(try reader.choice(item, at: "languages", of: Language.self))
      }
    }
    var include: [String] = []
    var exclude: [String] = []
    if let paths = map["paths"] {
      let pathsMap = try reader.table(paths, at: "paths", allowed: ["include", "exclude"])
      include = try pathsMap["include"].map { try globs($0, at: "paths.include") } ?? []
      exclude = try pathsMap["exclude"].map { try globs($0, at: "paths.exclude") } ?? []
    }
    var ignoreIn: Set<IgnoredRegion> = []
    if let list = map["ignore-in"] {
      for item in try reader.sequence(list, at: "ignore-in") {
        ignoreIn.insert(try reader.choice(item, at: "ignore-in", of: IgnoredRegion.self))
      }
    }
    return Rule(
      id: id, title: try string("title") ?? id, pack: pack, kind: kind,
      severity: try reader.choice(severityNode, at: "severity", of: Severity.self),
      scope: try map["authorship"].map { try reader.choice($0, at: "authorship", of: RuleScope.self) } ?? .any,
      languages: languages, include: include, exclude: exclude,
      keywords: try strings("keywords").map { $0.lowercased() }, pattern: try string("pattern"),
      patternNot: try exclusion("pattern-not"), patternNotBefore: try exclusion("pattern-not-before"),
      patternNotStatement: try exclusion("pattern-not-statement"),
      patternNotInFile: try exclusion("pattern-not-in-file"), ignoreIn: ignoreIn,
      message: try string("message") ?? "",
      fix: try string("fix") ?? "", replacement: replacement, references: try strings("references"),
      tags: try strings("tags"),
      enabledByDefault: try map["enabled"].map { try reader.bool($0, at: "enabled") } ?? true,
      examples: examples, source: RuleSource(file: reader.file, line: node.mark?.line))
  }

  /// A rule's fix is proved by its examples: a rule with `replacement` has a fire example saying what the fixed line
  /// is, and only such a rule's fire examples say it.
  private func checkFixes(_ examples: RuleExamples, replacement: Replacement?, at node: Node) throws {
    if examples.quiet.contains(where: { $0.fixed != nil }) {
      throw reader.error(node, "has `fixed` on a quiet example", fix: "give `fixed` to fire examples only")
    }
    if replacement == nil, examples.fire.contains(where: { $0.fixed != nil }) {
      throw reader.error(
        node, "has `fixed` on an example of a rule without `replacement`",
        fix: "add `replacement:` to the rule, or take `fixed` out")
    }
    if self.examples, replacement != nil, !examples.fire.contains(where: { $0.fixed != nil }) {
      throw reader.error(
        node, "has `replacement` but no fire example with `fixed`",
        fix: "add `fixed:` (the whole line after the fix) to a fire example")
    }
  }

  /// `replacement:`: a template for a kind that takes one, naming only groups `pattern` has.
  private func replacement(_ node: Node, kind: any RuleKind.Type, pattern: String) throws -> Replacement {
    guard kind.acceptsReplacement else {
      throw reader.error(
        node, "gives `replacement` to a \(kind.name) rule",
        fix: "only pattern rules take `replacement:`; describe the fix in `fix:`")
    }
    let template = try reader.string(node, at: "replacement")
    let replacement: Replacement
    do {
      replacement = try Replacement(template)
    } catch {
      throw reader.error(
        node, "has `replacement` `\(template)`, where \(error.problem)",
        fix: "write `$0` for the whole match, `$1` to `$9` for a group of `pattern`, `$$` for a dollar")
    }
    // The count of groups needs the pattern compiled, even for built-in packs: only rules with a fix pay for it.
    let groups = (try? LinearRegex(pattern).groupCount) ?? 0
    if replacement.highestGroup > groups {
      throw reader.error(
        node,
        "has `replacement` `\(template)` naming `$\(replacement.highestGroup)`, but `pattern` has "
          + (groups == 0 ? "no group" : "\(groups) group\(groups == 1 ? "" : "s")"),
        fix: groups == 0
          ? "use `$0` for the whole match, or put what you need in parentheses in `pattern`"
          : "use `$0` to `$\(groups)`, or add the group to `pattern`")
    }
    return replacement
  }

  func globs(_ node: Node, at place: String) throws -> [String] {
    let patterns = try reader.strings(node, at: place)
    for pattern in patterns {
      do {
        _ = try Glob(pattern)
      } catch {
        throw reader.error(
          node, "has glob `\(pattern)` at `\(place)`: \(error.problem)", fix: "close every `[` and `{`")
      }
    }
    return patterns
  }

  private func kebab(_ node: Node, at place: String) throws -> String {
    let text = try reader.string(node, at: place)
    guard Self.isKebabCase(text) else {
      throw reader.error(
        node, "has `\(place)` `\(text)`, which is not kebab-case",
        fix: "use lower-case words joined by `-`, such as `python-eval`")
    }
    return text
  }

  /// Lower-case ASCII words of letters and digits joined by single hyphens.
  static func isKebabCase(_ text: String) -> Bool {
    var previous: UInt8 = UInt8(ascii: "-")
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
      case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
      default: return false
      }
      previous = byte
    }
    return !text.isEmpty && previous != UInt8(ascii: "-")
  }

  private func examples(_ node: Node) throws -> RuleExamples {
    let map = try reader.table(node, at: "examples", allowed: ["fire", "quiet", "skip-mutations"])
    func list(_ key: String) throws -> [RuleExample] {
      guard let list = map[key] else { return [] }
      return try reader.sequence(list, at: "examples.\(key)").map { try example($0) }
    }
    return RuleExamples(
      fire: try list("fire"), quiet: try list("quiet"),
      skippedMutations: try map["skip-mutations"].map { try skippedMutations($0) } ?? [:])
  }

  /// `skip-mutations`: a mapping from each mutation left out to the reason it does not apply.
  private func skippedMutations(_ node: Node) throws -> [ExampleMutation: String] {
    let names = ExampleMutation.allCases.map(\.rawValue)
    let map = try reader.table(node, at: "skip-mutations", allowed: names)
    var skipped: [ExampleMutation: String] = [:]
    for name in names {
      guard let value = map[name], let mutation = ExampleMutation(rawValue: name) else { continue }
      let reason = try reader.string(value, at: "skip-mutations.\(name)").trimmingBlanks()
      guard !reason.isEmpty else {
        throw reader.error(
          value, "skips mutation `\(name)` without a reason", fix: "say why it does not apply: `\(name): reason`")
      }
      skipped[mutation] = reason
    }
    return skipped
  }

  private func example(_ node: Node) throws -> RuleExample {
    // `⟦` and `⟧` say where a finding must be; they are taken out of the lines before the example runs.
    func marked(_ lines: [String], firstLine: Int, path: String? = nil, at node: Node) throws -> (
      [String], [ExampleMark]
    ) {
      do {
        let result = try ExampleMark.strip(lines, firstLine: firstLine, path: path)
        return (result.lines, result.marks)
      } catch {
        throw reader.error(
          node, "has an example with \(error.problem)",
          fix: "write `⟦` just before the first character the finding covers and `⟧` just after its last")
      }
    }
    if node.scalar != nil {
      let (lines, marks) = try marked([try reader.string(node, at: "an example")], firstLine: 1, at: node)
      return RuleExample(lines: lines, line: node.mark?.line, marks: marks)
    }
    let map = try reader.table(
      node, at: "an example",
      allowed: [
        "path", "line", "lines", "context", "repeat", "authorship", "commit", "files", "head", "fixed", "mutations",
        "skip-mutations",
      ])
    var marks: [ExampleMark] = []
    func files(_ key: String) throws -> [ExampleFile] {
      guard let list = map[key] else { return [] }
      return try reader.sequence(list, at: key).map {
        let file = try reader.mapping($0, at: key)
        try reader.allowKeys(file, ["path", "lines"], at: "a file of \(key)")
        guard let path = file["path"] else { throw reader.error($0, "has a file without `path`", fix: "add `path:`") }
        let name = try reader.string(path, at: "path")
        let (lines, found) = try marked(
          try file["lines"].map { try reader.strings($0, at: "lines") } ?? [], firstLine: 1, path: name, at: $0)
        if key == "head", !found.isEmpty {
          throw reader.error(
            $0, "marks a line of a file at head", fix: "mark added lines only: `line`, `lines`, `files`")
        }
        marks += found
        return ExampleFile(path: name, lines: lines)
      }
    }
    let (context, contextMarks) = try marked(
      try map["context"].map { try reader.strings($0, at: "context") } ?? [], firstLine: 1, at: node)
    var lines = try map["line"].map { [try reader.string($0, at: "line")] } ?? []
    lines += try map["lines"].map { try reader.strings($0, at: "lines") } ?? []
    let (addedLines, addedMarks) = try marked(lines, firstLine: context.count + 1, at: node)
    marks = contextMarks + addedMarks
    lines = addedLines
    if let count = try map["repeat"].map({ try reader.int($0, at: "repeat") }) {
      lines = Array(Array(repeating: lines, count: max(count, 0)).joined())
    }
    var fixed: String?
    if let node = map["fixed"] {
      fixed = try reader.string(node, at: "fixed")
      guard marks.count == 1, marks[0].path == nil, marks[0].line == marks[0].endLine else {
        throw reader.error(
          node, "has `fixed` on an example without exactly one `⟦ ⟧` mark on one of its lines",
          fix: "mark the one match the fix replaces; `fixed` is that line after the fix")
      }
    }
    var authorship = Authorship.ai
    if let node = map["authorship"] {
      let scope = try reader.choice(node, at: "authorship", of: RuleScope.self)
      authorship = scope == .human ? .human : .ai
    }
    return RuleExample(
      path: try map["path"].map { try reader.string($0, at: "path") }, lines: lines, context: context,
      authorship: authorship, commit: try map["commit"].map { try reader.string($0, at: "commit") },
      files: try files("files"), head: try files("head"), line: node.mark?.line, marks: marks, fixed: fixed,
      mutations: try map["mutations"].map { list in
        Set(
          try reader.sequence(list, at: "mutations").map {
            try reader.choice($0, at: "mutations", of: ExampleMutation.self)
          })
      },
      skippedMutations: try map["skip-mutations"].map { try skippedMutations($0) } ?? [:])
  }
}
