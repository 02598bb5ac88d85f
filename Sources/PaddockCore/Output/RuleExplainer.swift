import Foundation
import PaddockRules

/// Describes one rule in full for `paddock rules explain`.
package enum RuleExplainer {
  package static func explain(_ rule: Rule) -> String {
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
    for (label, text) in rule.kind.explanation {
      out += "  \(label.padding(toLength: max(label.count + 1, 12), withPad: " ", startingAt: 0))\(text)\n"
    }
    if let replacement = rule.replacement { out += "  replacement \(replacement.template) (offered as a suggestion)\n" }
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
