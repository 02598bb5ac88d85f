/// `kind: pattern`, the default: `pattern` over each added line.
public struct PatternKind: RuleKind, KindCheck {
  public static let name = "pattern"
  public static var requiresPattern: Bool { true }
  public static var acceptsReplacement: Bool { true }

  public init() {}

  public static func parse(_ parameters: RuleKindParameters) throws -> PatternKind {
    try parameters.allow([])
    return PatternKind()
  }

  public var reach: RuleReach { .addedLines }
  public var reportsColumns: Bool { true }

  public func check(for rule: Rule) throws -> RuleCheck { RuleCheck(self) }
}
