/// What a rule reads, which decides how the engine schedules it.
package enum RuleReach: Sendable, Hashable {
  /// `pattern` over each added line, through the keyword index shared by all such rules.
  case addedLines
  /// Each file the rule applies to, read by the kind's own check (a manifest, a whole file).
  case file
  /// The change as a whole, once.
  case change
}
