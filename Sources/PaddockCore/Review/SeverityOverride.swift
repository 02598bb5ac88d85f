import PaddockChange

/// A rule's severity as `.paddock.yml` sets it, overall or per authorship; nil where it says nothing.
package struct SeverityOverride: Sendable, Hashable {
  package var all: RuleSeverity?
  package var ai: RuleSeverity?
  package var human: RuleSeverity?
  /// For bots; a person's setting when not given.
  package var bot: RuleSeverity?
  package var unknown: RuleSeverity?

  package init(
    all: RuleSeverity? = nil, ai: RuleSeverity? = nil, human: RuleSeverity? = nil, bot: RuleSeverity? = nil,
    unknown: RuleSeverity? = nil
  ) {
    self.all = all
    self.ai = ai
    self.human = human
    self.bot = bot
    self.unknown = unknown
  }

  /// The severity for a finding of this authorship; nil when the rule is off for it.
  package func severity(for authorship: Authorship, default severity: Severity) -> Severity? {
    let specific: RuleSeverity? =
      switch authorship {
      case .ai: ai
      case .human: human
      case .bot: bot ?? human
      case .unknown: unknown ?? ai
      }
    return (specific ?? all).map(\.severity) ?? severity
  }
}
