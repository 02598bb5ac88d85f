import PaddockChange

/// `kind: duplicate-code`: a block of added lines that also stands elsewhere (see `DuplicateCodeCheck`).
package struct DuplicateCodeKind: RuleKind, KindCheck {
  package static let name = "duplicate-code"

  /// How many significant lines a block must have.
  package var minLines: Int

  package init(minLines: Int = 6) { self.minLines = minLines }

  package static func parse(_ parameters: RuleKindParameters) throws -> DuplicateCodeKind {
    try parameters.allow(["min-lines"])
    let minLines = try parameters.int("min-lines") ?? 6
    guard minLines >= 2 else {
      throw parameters.error("sets `min-lines` below 2", fix: "use 2 or more (the default is 6)")
    }
    return DuplicateCodeKind(minLines: minLines)
  }

  package var reach: RuleReach { .change }
  package var precision: String { "medium" }
  package var codeQualityCategory: String? { "Duplication" }
  package var readsHeadFiles: Bool { true }
  package var explanation: [(label: String, text: String)] { [("block", "\(minLines) or more significant lines")] }

  package func check(for rule: Rule) throws -> RuleCheck { RuleCheck(self) }

  func findings(change: ReviewChange, compiled: CompiledRule, everyAuthorship: Bool) -> [Finding] {
    let rule = compiled.rule
    return DuplicateCodeCheck.findings(
      rule, minLines, change.files.filter { compiled.applies(to: $0) }, change,
      { everyAuthorship || rule.scope.includes($0) })
  }
}
