/// A rule's examples: changes on which it must fire and changes on which it must stay quiet.
package struct RuleExamples: Sendable, Hashable {
  package var fire: [RuleExample]
  package var quiet: [RuleExample]
  /// Mutations none of the rule's examples run, each with the reason it does not apply.
  package var skippedMutations: [ExampleMutation: String]

  package init(
    fire: [RuleExample] = [], quiet: [RuleExample] = [], skippedMutations: [ExampleMutation: String] = [:]
  ) {
    self.fire = fire
    self.quiet = quiet
    self.skippedMutations = skippedMutations
  }
}
