import Foundation
import PaddockChange

/// The built-in packs plus a repository's own, and the rules a configuration switches on.
package struct RuleCatalog: Sendable {
  package var packs: [RulePack]

  package init(packs: [RulePack]) {
    self.packs = packs
  }

  package static let builtin = RuleCatalog(packs: RulePack.builtin)

  /// The built-in packs without their examples: what a review needs, parsed faster.
  package static let builtinWithoutExamples = RuleCatalog(packs: RulePack.builtinWithoutExamples)

  /// Starts parsing the built-in packs without their examples on a thread of its own and returns at once. Whoever
  /// reads `builtinWithoutExamples` first waits for that parse instead of starting another.
  package static func prepareBuiltinWithoutExamples() {
    Thread.detachNewThread { _ = builtinWithoutExamples }
  }

  /// Every rule of every pack, enabled or not.
  package var allRules: [Rule] { packs.flatMap(\.rules) }

  package func rule(id: String) -> Rule? { allRules.first { $0.id == id } }

  /// Adds a pack, refusing ids that another pack already uses.
  package mutating func add(_ pack: RulePack) throws(ConfigError) {
    if let clash = packs.first(where: { $0.id == pack.id }) {
      throw ConfigError(
        file: pack.file, line: nil, message: "declares pack `\(pack.id)`, which \(clash.file) already declares",
        fix: "give the pack its own name")
    }
    for rule in pack.rules {
      if let clash = self.rule(id: rule.id) {
        throw ConfigError(
          file: rule.source.file, line: rule.source.line,
          message: "declares rule `\(rule.id)`, which \(clash.source) already declares",
          fix: "rule ids are unique across all packs: rename it")
      }
    }
    packs.append(pack)
  }
}
