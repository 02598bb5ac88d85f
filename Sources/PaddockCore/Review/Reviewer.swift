import PaddockChange
import PaddockRules

/// Runs the rules over a change, applies overrides, suppressions, the baseline and the policy, and decides.
package struct Reviewer: Sendable {
  package let ruleSet: RuleSet
  package var policy: ReviewPolicy
  /// Per rule, the severity to use instead of the rule's own (per authorship); `nil` switches the rule off there.
  package var severityOverrides: [String: SeverityOverride]
  package var baseline: Set<String>
  /// Run every rule on every line whatever its authorship (for a baseline of a whole tree).
  package var everyAuthorship: Bool

  package init(
    ruleSet: RuleSet, policy: ReviewPolicy = .default, severityOverrides: [String: SeverityOverride] = [:],
    baseline: Set<String> = [], everyAuthorship: Bool = false
  ) {
    self.ruleSet = ruleSet
    self.policy = policy
    self.severityOverrides = severityOverrides
    self.baseline = baseline
    self.everyAuthorship = everyAuthorship
  }

  package func review(_ change: ReviewChange) -> ReviewOutcome {
    var findings: [Finding] = []
    for var finding in ruleSet.evaluate(change, everyAuthorship: everyAuthorship) {
      if let override = severityOverrides[finding.rule] {
        guard let severity = override.severity(for: finding.authorship, default: finding.severity) else { continue }
        finding.severity = severity
      }
      findings.append(finding)
    }
    findings.sort {
      ($0.path ?? "", $0.line ?? 0, $0.rule, $0.column ?? 0) < ($1.path ?? "", $1.line ?? 0, $1.rule, $1.column ?? 0)
    }
    // The same text twice in a file gets two fingerprints, in line order.
    var seen: [String: Int] = [:]
    for index in findings.indices {
      let count = seen[findings[index].fingerprint, default: 0] + 1
      seen[findings[index].fingerprint] = count
      if count > 1 { findings[index].fingerprint += "-\(count)" }
    }
    let files = Dictionary(change.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    var active: [Finding] = []
    var suppressed: [Finding] = []
    for finding in findings {
      let settled = settle(finding, files: files, change: change)
      if settled.suppression == nil { active.append(settled) } else { suppressed.append(settled) }
    }
    return ReviewOutcome(findings: active, suppressed: suppressed, verdict: active.map(\.decision).max() ?? .pass)
  }

  /// The outcome with a model's findings added: each goes through the same suppressions, baseline and policy as a
  /// rule's, and the model review's own effect (an unavailable model, as configured) joins the verdict. Nothing
  /// the model says removes, downgrades or suppresses a rule's finding: the rule findings pass through untouched
  /// and the verdict can only rise.
  package func adding(model: ModelReviewResult, to outcome: ReviewOutcome, change: ReviewChange) -> ReviewOutcome {
    let files = Dictionary(change.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    var result = outcome
    var taken = Set((outcome.findings + outcome.suppressed).map(\.fingerprint))
    for var finding in model.findings {
      var fingerprint = finding.fingerprint
      var count = 1
      while taken.contains(fingerprint) {
        count += 1
        fingerprint = finding.fingerprint + "-\(count)"
      }
      taken.insert(fingerprint)
      finding.fingerprint = fingerprint
      let settled = settle(finding, files: files, change: change)
      if settled.suppression == nil { result.findings.append(settled) } else { result.suppressed.append(settled) }
    }
    result.findings.sort {
      ($0.path ?? "", $0.line ?? 0, $0.source == .model ? 1 : 0, $0.rule, $0.column ?? 0)
        < ($1.path ?? "", $1.line ?? 0, $1.source == .model ? 1 : 0, $1.rule, $1.column ?? 0)
    }
    result.verdict = max(outcome.verdict, result.findings.map(\.decision).max() ?? .pass, model.summary.effect)
    return result
  }

  /// A finding with its inline suppression, baseline entry and the policy's decision applied.
  private func settle(_ finding: Finding, files: [String: ReviewFile], change: ReviewChange) -> Finding {
    var finding = finding
    if let path = finding.path, let line = finding.line, let file = files[path] {
      switch inlineSuppression(of: finding, line: line, in: file, change: change) {
      case .honoured(let suppression):
        finding.suppression = suppression
      case .refused(let why):
        finding.message += " (\(why))"
      case .none:
        break
      }
    }
    if finding.suppression == nil, baseline.contains(finding.fingerprint) {
      finding.suppression = Suppression(kind: .baseline, reason: "in the baseline")
    }
    finding.decision = policy.thresholds(for: finding.authorship).decision(for: finding.severity)
    return finding
  }

  private enum InlineResult {
    case none
    case honoured(Suppression)
    case refused(String)
  }

  /// A `paddock:ignore` on the finding's line or the line above. Only a person's comment counts unless the
  /// policy lets AI suppress, a comment without a reason never counts, and a comment on the line above covers
  /// only a line that stood there when the comment was written: not one added later under it.
  private func inlineSuppression(of finding: Finding, line: Int, in file: ReviewFile, change: ReviewChange)
    -> InlineResult
  {
    for number in [line, line - 1] {
      guard let text = file.line(number), let suppression = InlineSuppression.parse(text),
        suppression.covers(finding.rule)
      else { continue }
      guard let reason = suppression.reason else {
        return .refused(
          "the paddock:ignore on line \(number) gives no reason and is not honoured: write `paddock:ignore \(finding.rule) -- why`"
        )
      }
      if let added = file.addedLine(number), added.authorship != .human,
        !policy.aiMaySuppress
      {
        return .refused(
          "the paddock:ignore on line \(number) was written by an AI and is not honoured: a person must add or approve it"
        )
      }
      if number != line, let added = file.addedLine(line),
        !Self.stoodTogether(finding: added, suppression: file.addedLine(number), in: change)
      {
        let commit = added.commit.map { " by commit \(change.commits[$0].id.abbreviated())" } ?? ""
        return .refused(
          "the paddock:ignore on line \(number) was written before this line was added\(commit) and does not cover it: a suppression covers only the lines that stood under it when it was written; add `paddock:ignore \(finding.rule) -- why` for this line"
        )
      }
      return .honoured(Suppression(kind: .inline, reason: reason, line: number))
    }
    return .none
  }
}

extension Reviewer {
  /// Whether the line a finding is on already stood when the suppression above it was written: the same commit
  /// wrote both, or the line's commit is an ancestor of the suppression's. A suppression from before the change
  /// (not an added line) covers no line the change adds. Lines from outside the range count as old.
  static func stoodTogether(finding: AddedLine, suppression: AddedLine?, in change: ReviewChange) -> Bool {
    guard let lineCommit = finding.commit else { return true }
    guard let suppression, let suppressionCommit = suppression.commit else { return false }
    return change.isAncestor(lineCommit, of: suppressionCommit)
  }
}

extension Reviewer {
  /// The rule id of the finding that reports a changed file the review could not read.
  package static let unreadableRuleID = "paddock-unreadable-file"

  /// The outcome with a finding for each changed text file whose content the repository does not have (a partial
  /// clone whose promisor could not supply it): nothing was evaluated there, and `policy.unreadable` decides, by
  /// the authorship of its change, whether that blocks.
  package func addingUnreadable(_ change: ReviewChange, to outcome: ReviewOutcome) -> ReviewOutcome {
    var result = outcome
    for file in change.files {
      guard let authorship = file.unreadableBy else { continue }
      let decision = policy.unreadable[authorship] ?? .warn
      var finding = Finding(
        rule: Self.unreadableRuleID, title: "Could not evaluate: the file's content is missing",
        severity: decision == .block ? .error : .warning, path: file.path, line: nil, authorship: authorship,
        message:
          "The change to \(file.path) could not be read: its objects are missing from this repository (a partial clone whose promisor remote could not supply them, or a lost object), so no rule checked it.",
        fix:
          "Fetch the missing objects (`git fetch` from the promisor remote, or a full clone) and review again; `policy.unreadable` in .paddock.yml sets what an unreadable file means per authorship.",
        fingerprint: Fingerprint.of(rule: Self.unreadableRuleID, path: file.path, text: ""))
      finding.decision = decision
      result.findings.append(finding)
      result.verdict = max(result.verdict, decision)
    }
    return result
  }
}
