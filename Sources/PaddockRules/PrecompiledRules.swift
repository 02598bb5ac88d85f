import Foundation
import PaddockRegex
import PaddockSupport
import Synchronization

/// Every enabled rule compiled before the change is known, so that compiling runs beside reading the change;
/// `RuleSet(_:relevantTo:)` keeps the ones the change needs. A rule that cannot be compiled is the error
/// `RuleSet(rules:relevantTo:)` would have thrown.
package struct PrecompiledRules: Sendable {
  package let rules: [Rule]
  /// Each rule's compiled form or its error, in the order of `rules`.
  let compiled: [Result<CompiledRule, RuleSetError>]

  /// The masker of every secret rule, from the same compiled rules.
  let masker: SecretMasker

  package init(rules: [Rule]) {
    self.rules = rules
    let compiled = rules.map { rule in
      Result { () throws(RuleSetError) in try RuleSet.compile(rule, scope: try RuleSet.scope(of: rule)) }
    }
    self.compiled = compiled
    masker = SecretMasker(zip(rules, compiled).map { ($0, try? $1.get()) })
  }
}
