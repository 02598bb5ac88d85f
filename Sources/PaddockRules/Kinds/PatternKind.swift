/// `kind: pattern`, the default: `pattern` over each added line.
package struct PatternKind: RuleKind, KindCheck {
  package static let name = "pattern"
  package static var requiresPattern: Bool { true }
  package static var acceptsReplacement: Bool { true }

  package init() {}

  package static func parse(_ parameters: RuleKindParameters) throws -> PatternKind {
    try parameters.allow([])
    return PatternKind()
  }

  package var reach: RuleReach { .addedLines }
  package var reportsColumns: Bool { true }

  package func check(for rule: Rule) throws -> RuleCheck { RuleCheck(self) }
}
