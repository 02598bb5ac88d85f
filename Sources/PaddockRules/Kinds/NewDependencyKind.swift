import PaddockChange

/// `kind: new-dependency`: a package added to a dependency manifest, named (see `ManifestCheck`).
package struct NewDependencyKind: RuleKind, KindCheck {
  package static let name = "new-dependency"

  package init() {}

  package static func parse(_ parameters: RuleKindParameters) throws -> NewDependencyKind {
    try parameters.allow([])
    return NewDependencyKind()
  }

  package var reach: RuleReach { .file }

  package func check(for rule: Rule) throws -> RuleCheck { RuleCheck(self) }

  func findings(file: ReviewFile, change: ReviewChange, compiled: CompiledRule, everyAuthorship: Bool) -> [Finding] {
    ManifestCheck.findings(rule: compiled.rule, file: file, change: change)
  }
}
