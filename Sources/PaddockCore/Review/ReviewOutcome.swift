/// What the reviewer decided.
public struct ReviewOutcome: Sendable, Hashable {
  /// Findings that count, sorted by path and line.
  public var findings: [Finding]
  /// Findings set aside by an inline suppression or the baseline.
  public var suppressed: [Finding]
  public var verdict: Verdict

  public init(findings: [Finding], suppressed: [Finding], verdict: Verdict) {
    self.findings = findings
    self.suppressed = suppressed
    self.verdict = verdict
  }
}
