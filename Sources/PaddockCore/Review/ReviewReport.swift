/// Everything a review found and decided, as the `json` format prints it (schema `paddock.review/1`) and every
/// other format renders it.
public struct ReviewReport: Sendable, Codable, Hashable {
  public static let schemaID = "paddock.review/1"

  public var schema = ReviewReport.schemaID
  public var tool: ToolInfo
  public var verdict: Verdict
  public var range: RangeInfo
  public var summary: Summary
  public var policy: ReviewPolicy
  public var findings: [Finding]
  public var suppressed: [Finding]
  /// Every hunk of the change with the verdict of the findings inside it.
  public var hunks: [HunkVerdict]
  /// The rules that produced findings, for formats that describe rules (SARIF).
  public var rules: [RuleInfo]
  public var limitations: [String]

  public struct ToolInfo: Sendable, Codable, Hashable {
    public var name: String
    public var version: String

    public init(name: String = "Paddock", version: String) {
      self.name = name
      self.version = version
    }
  }

  public struct RangeInfo: Sendable, Codable, Hashable {
    public var label: String
    public var base: String?
    public var head: String
    public var mergeBase: String?

    enum CodingKeys: String, CodingKey {
      case label, base, head
      case mergeBase = "merge_base"
    }
  }

  public struct Summary: Sendable, Codable, Hashable {
    public var findings: Int
    public var block: Int
    public var warn: Int
    public var pass: Int
    public var suppressed: Int
    public var files: Int
    public var commits: Int
    /// Added lines by authorship.
    public var lines: LineCounts
  }

  public struct HunkVerdict: Sendable, Codable, Hashable {
    public var path: String
    public var start: Int
    public var lines: Int
    public var authorship: String
    public var verdict: Verdict
    public var findings: Int
  }

  public struct RuleInfo: Sendable, Codable, Hashable {
    public var id: String
    public var title: String
    public var pack: String
    public var kind: String
    public var severity: Severity
    public var message: String
    public var fix: String
    public var references: [String]
    public var tags: [String]

    public init(_ rule: Rule) {
      id = rule.id
      title = rule.title
      pack = rule.pack
      kind = rule.kind.name
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
  public init(
    outcome: ReviewOutcome, change: ReviewChange, attribution: RangeAttribution?, rules: [Rule], policy: ReviewPolicy,
    label: String, head: String, version: String
  ) {
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
    let used = Set((outcome.findings + outcome.suppressed).map(\.rule))
    self.rules = rules.filter { used.contains($0.id) }.map(RuleInfo.init).sorted { $0.id < $1.id }
    limitations = attribution?.limitations ?? []
  }
}
