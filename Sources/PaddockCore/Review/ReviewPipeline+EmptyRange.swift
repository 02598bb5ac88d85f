import PaddockChange
import PaddockGit

extension ReviewPipeline {
  /// The review of a range with no commits (a branch already merged, a push of nothing new): no findings, verdict
  /// pass, so every format still has a report to render and the exit code is 0.
  package func emptyReview(_ range: ResolvedRange, failOn: FailThreshold = .policy, version: String) -> ReviewReport {
    let policy = failOn.applied(to: config.review.policy)
    return ReviewReport(
      outcome: ReviewOutcome(findings: [], suppressed: [], verdict: .pass),
      change: ReviewChange(files: [], commits: []), attribution: nil, rules: [], policy: policy, label: range.label,
      head: range.head, version: version)
  }
}
