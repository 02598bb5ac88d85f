import PaddockChange

/// What the reviewer decided.
package struct ReviewOutcome: Sendable, Hashable {
  /// Findings that count, sorted by path and line.
  package var findings: [Finding]
  /// Findings set aside by an inline suppression or the baseline.
  package var suppressed: [Finding]
  package var verdict: Verdict

  package init(findings: [Finding], suppressed: [Finding], verdict: Verdict) {
    self.findings = findings
    self.suppressed = suppressed
    self.verdict = verdict
  }
}
