/// Describes one rule in full for `paddock rules explain`.
public enum RuleExplainer {
  public static func explain(_ rule: Rule) -> String {
    var out = "\(rule.id): \(rule.title)\n\n"
    out += "  pack        \(rule.pack) (\(rule.source))\n"
    out += "  kind        \(rule.kind.name)\n"
    out += "  severity    \(rule.severity.rawValue)\n"
    out += "  authorship  \(rule.scope.rawValue)"
    let scope =
      switch rule.scope {
      case .ai: " (only lines an AI wrote, or of unknown authorship)\n"
      case .human: " (only lines a person or a bot wrote)\n"
      case .any: "\n"
      }
    out += scope
    if !rule.enabledByDefault { out += "  enabled     no (turn on with `rules.enable` in .paddock.yml)\n" }
    if !rule.languages.isEmpty { out += "  languages   \(rule.languages.map(\.rawValue).joined(separator: ", "))\n" }
    if !rule.include.isEmpty { out += "  paths       \(rule.include.joined(separator: ", "))\n" }
    if !rule.exclude.isEmpty { out += "  not paths   \(rule.exclude.joined(separator: ", "))\n" }
    if let pattern = rule.pattern { out += "  pattern     \(pattern)\n" }
    if let patternNot = rule.patternNot { out += "  pattern-not \(patternNot)\n" }
    if let before = rule.patternNotBefore { out += "  not after   a line matching \(before)\n" }
    if let statement = rule.patternNotStatement { out += "  not in      a statement matching \(statement)\n" }
    if let file = rule.patternNotInFile { out += "  not in      a file with a line matching \(file)\n" }
    if !rule.ignoreIn.isEmpty {
      out += "  ignores     matches inside \(rule.ignoreIn.map(\.rawValue).sorted().joined(separator: " and "))\n"
    }
    switch rule.kind {
    case .secret(let options):
      if options.minEntropy > 0 { out += "  entropy     at least \(options.minEntropy) bits per character\n" }
      if !options.allow.isEmpty { out += "  allowed     \(options.allow.joined(separator: ", "))\n" }
    case .missingTests(let options):
      out += "  sources     \(options.source.joined(separator: ", "))\n"
      out += "  tests       \(options.test.joined(separator: ", "))\n"
    case .protectedPaths(let globs, let tests, let configured):
      out += "  protected   \((globs + configured).joined(separator: "\n              "))\n"
      if !tests { out += "  tests       not protected (test files of those globs are reviewed as code)\n" }
    case .changeSize(let limits):
      out += "  limits      \(limits.perCommit.map { "\($0) AI lines per commit" } ?? "no limit per commit"), "
      out += "\(limits.perChange.map { "\($0) per change" } ?? "no limit per change")\n"
    case .duplicateCode(let minLines):
      out += "  block       \(minLines) or more significant lines\n"
    case .multiLine(let options):
      out += "  spans       at most \(options.maxLines) lines (lines joined by line breaks)\n"
      if let then = options.then { out += "  then        within \(options.within) lines, \(then)\n" }
      if let opener = options.insideOpener, let require = options.insideRequire {
        out += "  inside      a block whose line matching \(opener) also matches \(require)\n"
      }
    case .pattern, .newDependency, .aiSignoff: break
    }
    if !rule.references.isEmpty { out += "  references  \(rule.references.joined(separator: ", "))\n" }
    out += "\n\(rule.message)\n\nFix: \(rule.fix)\n"
    for (title, examples) in [("Fires on", rule.examples.fire), ("Quiet on", rule.examples.quiet)]
    where !examples.isEmpty {
      out += "\n\(title):\n"
      for example in examples {
        let place = example.path.map { "  (\($0)\(example.authorship == .human ? ", by a person" : ""))" } ?? ""
        out += "  \(example.lines.first ?? "")\(example.lines.count > 1 ? " …" : "")\(place)\n"
      }
    }
    out += "\nSuppress one finding with a comment on the line or the line above:\n"
    out += "  paddock:ignore \(rule.id) -- <why this is safe>\n"
    return out
  }
}
