import PaddockChange
import PaddockGit
import PaddockRules

/// Everything a review found and decided, as the `json` format prints it (schema `paddock.review/1`) and every
/// other format renders it.
package struct ReviewReport: Sendable, Codable, Hashable {
  package static let schemaID = "paddock.review/1"

  package var schema = ReviewReport.schemaID
  package var tool: ToolInfo
  package var verdict: Verdict
  package var range: RangeInfo
  package var summary: Summary
  package var policy: ReviewPolicy
  package var findings: [Finding]
  package var suppressed: [Finding]
  /// Every hunk of the change with the verdict of the findings inside it.
  package var hunks: [HunkVerdict]
  /// The rules that produced findings, for formats that describe rules (SARIF).
  package var rules: [RuleInfo]
  package var limitations: [String]
  /// What model review did; nil when it was off.
  package var modelReview: ModelReviewSummary?

  enum CodingKeys: String, CodingKey {
    case schema, tool, verdict, range, summary, policy, findings, suppressed, hunks, rules, limitations
    case modelReview = "model_review"
  }

  package struct ToolInfo: Sendable, Codable, Hashable {
    package var name: String
    package var version: String

    package init(name: String = "Paddock", version: String) {
      self.name = name
      self.version = version
    }
  }

  package struct RangeInfo: Sendable, Codable, Hashable {
    package var label: String
    package var base: ObjectID?
    package var head: ObjectID
    package var mergeBase: ObjectID?

    enum CodingKeys: String, CodingKey {
      case label, base, head
      case mergeBase = "merge_base"
    }
  }

  package struct Summary: Sendable, Codable, Hashable {
    package var findings: Int
    package var block: Int
    package var warn: Int
    package var pass: Int
    package var suppressed: Int
    package var files: Int
    package var commits: Int
    /// Added lines by authorship.
    package var lines: LineCounts
  }

  package struct HunkVerdict: Sendable, Codable, Hashable {
    package var path: String
    package var start: Int
    package var lines: Int
    package var authorship: AuthorshipSummary
    package var verdict: Verdict
    package var findings: Int

    package init(
      path: String, start: Int, lines: Int, authorship: AuthorshipSummary, verdict: Verdict, findings: Int
    ) {
      self.path = path
      self.start = start
      self.lines = lines
      self.authorship = authorship
      self.verdict = verdict
      self.findings = findings
    }
  }

  package struct RuleInfo: Sendable, Codable, Hashable {
    package var id: String
    package var title: String
    package var pack: String
    package var kind: String
    package var severity: Severity
    package var message: String
    package var fix: String
    package var references: [String]
    package var tags: [String]
    /// SARIF's `precision` of the rule's findings (`RuleKind.precision`); not part of the JSON report.
    package var precision = "medium"
    /// The Code Climate category of the rule's findings, if its kind has one; not part of the JSON report.
    package var category: String?

    enum CodingKeys: String, CodingKey {
      case id, title, pack, kind, severity, message, fix, references, tags
    }

    /// The rule model findings carry, so formats that describe rules (SARIF) can describe them too.
    package static let modelReview = RuleInfo(
      id: ModelReviewResult.ruleID, title: "Found by a language model", pack: "model", kind: "model",
      severity: .warning,
      message:
        "A language model reviewing the change reported this. Models are often wrong; the rules are not changed by it.",
      fix: "Check the finding; fix the code, or leave it if the model is wrong.", references: [], tags: ["model-review"]
    )

    package init(
      id: String, title: String, pack: String, kind: String, severity: Severity, message: String, fix: String,
      references: [String], tags: [String]
    ) {
      self.id = id
      self.title = title
      self.pack = pack
      self.kind = kind
      self.severity = severity
      self.message = message
      self.fix = fix
      self.references = references
      self.tags = tags
    }

    package init(_ rule: Rule) {
      id = rule.id
      title = rule.title
      pack = rule.pack
      kind = rule.kind.name
      precision = rule.kind.precision
      category = rule.kind.codeQualityCategory
      severity = rule.severity
      message = rule.message
      fix = rule.fix
      references = rule.references
      tags = rule.tags
    }
  }
}

extension ReviewReport {
  /// Assembles the report of a reviewed range; `attribution` is nil for a whole-tree baseline run.
  package init(
    outcome: ReviewOutcome, change: ReviewChange, attribution: RangeAttribution?, rules: [Rule], policy: ReviewPolicy,
    label: String, head: ObjectID, version: String, modelReview: ModelReviewSummary? = nil
  ) {
    self.modelReview = modelReview
    tool = ToolInfo(version: version)
    verdict = outcome.verdict
    range = RangeInfo(label: label, base: attribution?.base, head: head, mergeBase: attribution?.mergeBase)
    self.policy = policy
    findings = outcome.findings
    suppressed = outcome.suppressed
    let decisions = outcome.findings.map(\.decision)
    var lines = LineCounts()
    for file in change.files {
      for line in file.added { lines.add(line.authorship) }
    }
    summary = Summary(
      findings: outcome.findings.count, block: decisions.filter { $0 == .block }.count,
      warn: decisions.filter { $0 == .warn }.count, pass: decisions.filter { $0 == .pass }.count,
      suppressed: outcome.suppressed.count, files: change.files.count, commits: change.commits.count, lines: lines)
    var byPath: [String: [Finding]] = [:]
    for finding in outcome.findings { if let path = finding.path { byPath[path, default: []].append(finding) } }
    hunks = (attribution?.files ?? []).flatMap { file in
      file.hunks.filter { $0.newLines > 0 }.map { hunk in
        let inside = (byPath[file.path] ?? []).filter {
          guard let line = $0.line else { return false }
          return line >= hunk.newStart && line < hunk.newStart + hunk.newLines
        }
        return HunkVerdict(
          path: file.path, start: hunk.newStart, lines: hunk.newLines, authorship: hunk.authorship,
          verdict: inside.map(\.decision).max() ?? .pass, findings: inside.count)
      }
    }
    let used = Set((outcome.findings + outcome.suppressed).filter { $0.source == .rule }.map(\.rule))
    var infos = rules.filter { used.contains($0.id) }.map(RuleInfo.init)
    if (outcome.findings + outcome.suppressed).contains(where: { $0.source == .model }) { infos.append(.modelReview) }
    self.rules = infos.sorted { $0.id < $1.id }
    limitations = (attribution?.limitations ?? []) + change.limitations
  }
}
