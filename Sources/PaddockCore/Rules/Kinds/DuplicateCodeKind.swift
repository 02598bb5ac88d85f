/// `kind: duplicate-code`: a block of added lines that also stands elsewhere (see `DuplicateCodeCheck`).
public struct DuplicateCodeKind: RuleKind, KindCheck {
  public static let name = "duplicate-code"

  /// How many significant lines a block must have.
  public var minLines: Int

  public init(minLines: Int = 6) { self.minLines = minLines }

  public static func parse(_ parameters: RuleKindParameters) throws -> DuplicateCodeKind {
    try parameters.allow(["min-lines"])
    let minLines = try parameters.int("min-lines") ?? 6
    guard minLines >= 2 else {
      throw parameters.error("sets `min-lines` below 2", fix: "use 2 or more (the default is 6)")
    }
    return DuplicateCodeKind(minLines: minLines)
  }

  public var reach: RuleReach { .change }
  public var precision: String { "medium" }
  public var codeQualityCategory: String? { "Duplication" }
  public var readsHeadFiles: Bool { true }
  public var explanation: [(label: String, text: String)] { [("block", "\(minLines) or more significant lines")] }

  public func check(for rule: Rule) throws -> RuleCheck { RuleCheck(self) }

  func findings(change: ReviewChange, compiled: CompiledRule, everyAuthorship: Bool) -> [Finding] {
    let rule = compiled.rule
    return DuplicateCodeCheck.findings(
      rule, minLines, change.files.filter { compiled.applies(to: $0) }, change,
      { everyAuthorship || rule.scope.includes($0) })
  }
}
