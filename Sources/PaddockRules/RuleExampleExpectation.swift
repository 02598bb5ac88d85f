/// Whether an example must fire or stay quiet.
package enum RuleExampleExpectation: String, Sendable, Hashable {
  case fire, quiet
}
