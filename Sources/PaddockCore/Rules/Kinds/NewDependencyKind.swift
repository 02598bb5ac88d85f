/// `kind: new-dependency`: a package added to a dependency manifest, named (see `ManifestCheck`).
public struct NewDependencyKind: RuleKind, KindCheck {
  public static let name = "new-dependency"

  public init() {}

  public static func parse(_ parameters: RuleKindParameters) throws -> NewDependencyKind {
    try parameters.allow([])
    return NewDependencyKind()
  }

  public var reach: RuleReach { .file }

  public func check(for rule: Rule) throws -> RuleCheck { RuleCheck(self) }

  func findings(file: ReviewFile, change: ReviewChange, compiled: CompiledRule, everyAuthorship: Bool) -> [Finding] {
    ManifestCheck.findings(rule: compiled.rule, file: file, change: change)
  }
}
