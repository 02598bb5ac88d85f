/// What the model found, and the account of how it went.
public struct ModelReviewResult: Sendable {
  /// The rule id model findings carry.
  public static let ruleID = "model-review"

  public var findings: [Finding]
  public var summary: ModelReviewSummary

  public init(findings: [Finding], summary: ModelReviewSummary) {
    self.findings = findings
    self.summary = summary
  }
}
