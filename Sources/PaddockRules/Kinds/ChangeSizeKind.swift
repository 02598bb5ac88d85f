import PaddockChange

/// `kind: change-size`: limits on AI-written lines per commit and per change.
package struct ChangeSizeKind: RuleKind {
  package static let name = "change-size"

  package var limits: ChangeSizeLimits

  package init(_ limits: ChangeSizeLimits) { self.limits = limits }

  package static func parse(_ parameters: RuleKindParameters) throws -> ChangeSizeKind {
    try parameters.allow(["max-ai-lines-per-commit", "max-ai-lines-per-change"])
    return ChangeSizeKind(
      ChangeSizeLimits(
        perCommit: try parameters.int("max-ai-lines-per-commit"),
        perChange: try parameters.int("max-ai-lines-per-change")))
  }

  package var reach: RuleReach { .change }
  package var precision: String { "medium" }
  package var codeQualityCategory: String? { "Complexity" }
  package var explanation: [(label: String, text: String)] {
    [
      (
        "limits",
        "\(limits.perCommit.map { "\($0) AI lines per commit" } ?? "no limit per commit"), "
          + "\(limits.perChange.map { "\($0) per change" } ?? "no limit per change")"
      )
    ]
  }

  /// The limits of `.paddock.yml` replace the rule's.
  package func configured(by settings: KindSettings) -> ChangeSizeKind {
    ChangeSizeKind(
      ChangeSizeLimits(
        perCommit: settings.limits.perCommit ?? limits.perCommit,
        perChange: settings.limits.perChange ?? limits.perChange))
  }

  package func check(for rule: Rule) throws -> RuleCheck { RuleCheck(self) }
}

extension ChangeSizeKind: KindCheck {
  /// The size of a change counts code and tests only, as its message says: not documentation or data, which read
  /// quickly, nor lock files, generated or vendored files, which nobody reviews line by line (one regenerated file
  /// would exceed any limit).
  func reads(_ file: ReviewFile) -> Bool { file.kind.isCode }

  func findings(change: ReviewChange, compiled: CompiledRule, everyAuthorship: Bool) -> [Finding] {
    let rule = compiled.rule
    return Self.changeSize(
      rule, limits, change.files.filter { compiled.applies(to: $0) }, change,
      { everyAuthorship || rule.scope.includes($0) })
  }

  private static func changeSize(
    _ rule: Rule, _ limits: ChangeSizeLimits, _ files: [ReviewFile], _ change: ReviewChange,
    _ inScope: (Authorship) -> Bool
  ) -> [Finding] {
    var perCommit: [Int: (count: Int, first: (ReviewFile, AddedLine))] = [:]
    var total = 0
    var first: (ReviewFile, AddedLine)?
    for file in files {
      for line in file.added where line.authorship.isAIOrUnknown && inScope(line.authorship) {
        total += 1
        if first == nil { first = (file, line) }
        if let index = line.commit {
          perCommit[index, default: (0, (file, line))].count += 1
        }
      }
    }
    // One finding for the change, naming the commits over their limit: one decision for a reviewer.
    let overCommit =
      limits.perCommit.map { limit in perCommit.sorted { $0.key < $1.key }.filter { $0.value.count > limit } } ?? []
    let overChange = limits.perChange.map { total > $0 } ?? false
    guard overChange || !overCommit.isEmpty, let located = overCommit.first?.value.first ?? first else { return [] }
    var parts: [String] = []
    if overChange, let limit = limits.perChange {
      parts.append("The change adds \(total) AI-written lines; the limit per change is \(limit).")
    }
    if let limit = limits.perCommit, !overCommit.isEmpty {
      let named = overCommit.map { "\(change.commits[$0.key].id.abbreviated()) (\($0.value.count))" }
      parts.append(
        (overCommit.count == 1 ? "Commit \(named[0]) adds" : "Commits \(named.joined(separator: ", ")) each add")
          + " more AI-written lines than the limit per commit, \(limit).")
    }
    let key = (overChange ? ["size:change"] : []) + overCommit.map { "size:commit:\(change.commits[$0.key].summary)" }
    return [
      ChangeChecks.finding(
        rule, file: located.0, line: located.1, change: change,
        message: "\(rule.message) " + parts.joined(separator: " "),
        key: key.joined(separator: "\u{0}"), authorship: .ai,
        commit: overCommit.count == 1 ? change.commits[overCommit[0].key] : nil)
    ]
  }
}

/// Limits on AI-written lines of a `change-size` rule or of `.paddock.yml`; nil means no limit.
package struct ChangeSizeLimits: Sendable, Hashable {
  package var perCommit: Int?
  package var perChange: Int?

  package init(perCommit: Int?, perChange: Int?) {
    self.perCommit = perCommit
    self.perChange = perChange
  }
}
