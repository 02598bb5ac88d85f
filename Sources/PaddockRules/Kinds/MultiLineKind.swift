import PaddockRegex

/// `kind: multi-line`: `pattern` over the whole file, lines joined by line breaks: a defect a formatter spreads over
/// lines (see `MultiLineCheck`).
package struct MultiLineKind: RuleKind {
  package static let name = "multi-line"
  package static var requiresPattern: Bool { true }

  package var options: MultiLineOptions

  package init(_ options: MultiLineOptions = MultiLineOptions()) { self.options = options }

  package static func parse(_ parameters: RuleKindParameters) throws -> MultiLineKind {
    try parameters.allow(["max-lines", "then", "within", "inside"])
    let maxLines = try parameters.int("max-lines") ?? 10
    let within = try parameters.int("within") ?? 5
    guard maxLines >= 1, within >= 0 else {
      throw parameters.error(
        "sets `max-lines` below 1 or `within` below 0",
        fix:
          "`max-lines` is how many lines a match may span (default 10), `within` how many lines after it `then` may be on (default 5)"
      )
    }
    var then: String?
    if let node = parameters.node("then") {
      let template = try parameters.reader.string(node, at: "with.then")
      let groups = MultiLineCheck.groupNames(in: parameters.pattern ?? "")
      for name in MultiLineOptions.names(in: template) where !groups.contains(name) {
        throw parameters.error(
          "uses `${\(name)}` in `with.then`, but `pattern` has no group named `\(name)`",
          fix: "name the group in `pattern`: `(?P<\(name)>\\w+)`", at: node)
      }
      if parameters.checkPatterns {
        let sample = MultiLineOptions.substitute(
          template, Dictionary(uniqueKeysWithValues: MultiLineOptions.names(in: template).map { ($0, "x") }))
        do throws(LinearRegexError) {
          _ = try LinearRegex(sample)
        } catch {
          throw parameters.error(
            "has an invalid regular expression at `with.then`: `\(template)` (\(error.reason))", fix: error.hint,
            at: node)
        }
      }
      then = template
    }
    var opener: String?
    var require: String?
    if let inside = parameters.node("inside") {
      let insideMap = try parameters.reader.table(inside, at: "with.inside", allowed: ["opener", "require"])
      guard let openerNode = insideMap["opener"], let requireNode = insideMap["require"] else {
        throw parameters.error(
          "has `with.inside` without `opener` and `require`",
          fix:
            "give `opener:` (the line that starts the enclosing block, such as `^func\\b`) and `require:` (what that line must say)",
          at: inside)
      }
      opener = try parameters.regex(openerNode, at: "with.inside.opener")
      require = try parameters.regex(requireNode, at: "with.inside.require")
    }
    return MultiLineKind(
      MultiLineOptions(maxLines: maxLines, then: then, within: within, insideOpener: opener, insideRequire: require))
  }

  package var reach: RuleReach { .file }
  package var reportsColumns: Bool { true }
  package var readsAcrossLines: Bool { true }

  package var explanation: [(label: String, text: String)] {
    var lines = [("spans", "at most \(options.maxLines) lines (lines joined by line breaks)")]
    if let then = options.then { lines.append(("then", "within \(options.within) lines, \(then)")) }
    if let opener = options.insideOpener, let require = options.insideRequire {
      lines.append(("inside", "a block whose line matching \(opener) also matches \(require)"))
    }
    return lines
  }

  package func check(for rule: Rule) throws -> RuleCheck { RuleCheck(try MultiLineCheck(rule, options: options)) }
}
