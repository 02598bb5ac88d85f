import PaddockChange

/// What the model found, and the account of how it went.
package struct ModelReviewResult: Sendable {
  /// The rule id model findings carry.
  package static let ruleID = "model-review"

  package var findings: [Finding]
  package var summary: ModelReviewSummary

  package init(findings: [Finding], summary: ModelReviewSummary) {
    self.findings = findings
    self.summary = summary
  }
}
