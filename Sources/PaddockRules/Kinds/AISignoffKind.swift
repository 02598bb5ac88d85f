import PaddockChange

/// `kind: ai-signoff`: an AI commit signed off in an agent's name.
package struct AISignoffKind: RuleKind, KindCheck {
  package static let name = "ai-signoff"

  package init() {}

  package static func parse(_ parameters: RuleKindParameters) throws -> AISignoffKind {
    try parameters.allow([])
    return AISignoffKind()
  }

  package var reach: RuleReach { .change }

  package func check(for rule: Rule) throws -> RuleCheck { RuleCheck(self) }

  func findings(change: ReviewChange, compiled: CompiledRule, everyAuthorship: Bool) -> [Finding] {
    Self.aiSignoff(compiled.rule, change.files.filter { compiled.applies(to: $0) }, change)
  }

  private static func aiSignoff(_ rule: Rule, _ files: [ReviewFile], _ change: ReviewChange) -> [Finding] {
    change.commits.enumerated().compactMap { index, commit in
      guard commit.authorship.isAIOrUnknown, let signoff = commit.agentSignoffs.first else { return nil }
      let located = files.lazy.compactMap { file in file.added.first { $0.commit == index }.map { (file, $0) } }.first
      return ChangeChecks.finding(
        rule, file: located?.0, line: located?.1, change: change,
        message:
          "\(rule.message) Commit \(commit.id.abbreviated()) (\(commit.summary)) carries `Signed-off-by: \(signoff)`.",
        key: "signoff:\(commit.summary):\(signoff)", authorship: .ai, commit: commit)
    }
  }
}
