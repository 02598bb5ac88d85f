import PaddockChange

/// `kind: protected-paths`: AI-written changes to protected paths need a person's review trailer.
package struct ProtectedPathsKind: RuleKind {
  package static let name = "protected-paths"

  /// The rule's globs; test files among them are skipped unless `tests`, as `FileKind` tells them.
  package var globs: [String]
  package var tests: Bool
  /// Globs from `.paddock.yml` and where the configuration lives: always protected, tests too.
  package var configured: [String]

  package init(globs: [String], tests: Bool = true, configured: [String] = []) {
    self.globs = globs
    self.tests = tests
    self.configured = configured
  }

  package static func parse(_ parameters: RuleKindParameters) throws -> ProtectedPathsKind {
    try parameters.allow(["paths", "tests"])
    guard let globs = try parameters.globs("paths") else {
      throw parameters.missing("has a protected-paths rule without `with.paths`", fix: "list the protected globs")
    }
    return ProtectedPathsKind(globs: globs, tests: try parameters.bool("tests") ?? true)
  }

  package var reach: RuleReach { .change }
  package var precision: String { "medium" }
  package var explanation: [(label: String, text: String)] {
    [("protected", (globs + configured).joined(separator: "\n              "))]
      + (tests ? [] : [("tests", "not protected (test files of those globs are reviewed as code)")])
  }

  /// What configures Paddock is protected wherever the configuration puts it.
  package func configured(by settings: KindSettings) -> ProtectedPathsKind {
    ProtectedPathsKind(globs: globs, tests: tests, configured: configured + settings.protectedPaths)
  }

  package func check(for rule: Rule) throws -> RuleCheck { RuleCheck(self) }
}

extension ProtectedPathsKind: KindCheck {
  func findings(change: ReviewChange, compiled: CompiledRule, everyAuthorship: Bool) -> [Finding] {
    let rule = compiled.rule
    return Self.protectedPaths(
      rule, compiled, (globs, tests, configured), change, { everyAuthorship || rule.scope.includes($0) })
  }

  /// Every change to a protected path counts: added or removed lines, a deletion, a rename to or from it, a new
  /// mode, binary content. One finding per file and per commit that changed it without a person's review.
  private static func protectedPaths(
    _ rule: Rule, _ compiled: CompiledRule, _ globs: (rule: [String], tests: Bool, configured: [String]),
    _ change: ReviewChange, _ inScope: (Authorship) -> Bool
  ) -> [Finding] {
    guard let protected = try? GlobSet(globs.rule), let configured = try? GlobSet(globs.configured) else { return [] }
    func isProtected(_ path: String?) -> Bool {
      guard let path, compiled.scope.applies(toPath: path) else { return false }
      if configured.matches(path) { return true }
      return protected.matches(path) && (globs.tests || FileKind.of(path: path) != .test)
    }
    // The changed paths, or (for a change built from lines alone) its files.
    let paths =
      change.paths.isEmpty
      ? change.files.map {
        PathChange(
          path: $0.path, oldPath: $0.oldPath, status: $0.status, isBinary: $0.isBinary, addedLines: $0.added.count)
      } : change.paths
    let files = Dictionary(change.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    var findings: [Finding] = []
    for path in paths where isProtected(path.path) || isProtected(path.oldPath) {
      let file = files[path.path]
      let reported = isProtected(path.path) ? path.path : path.oldPath ?? path.path
      var lines: [Int: [AddedLine]] = [:]
      for line in file?.added ?? [] {
        if let index = line.commit { lines[index, default: []].append(line) }
      }
      // One finding per file, naming every commit that changed it with no person's review: one decision for a
      // reviewer, at the first AI line of the first such commit.
      var unreviewed: [(commit: ReviewCommit, authorship: Authorship, what: String, lines: [AddedLine])] = []
      for index in Set(path.commits).union(lines.keys).sorted() {
        let commit = change.commits[index]
        // A commit's lines carry their own authorship (a note can make them a person's); what else it did to the
        // file (removed lines, renamed, deleted it) takes the commit's.
        let own = lines[index] ?? []
        // Bots' lines are not an agent's: a person's policy applies to them.
        let nonHuman = own.filter { $0.authorship.isAIOrUnknown }
        let onlyAddsLines = (path.status == .modified || path.status == .added) && path.removedLines == 0
        let authorship = nonHuman.first?.authorship ?? (!own.isEmpty && onlyAddsLines ? .human : commit.authorship)
        guard authorship.isAIOrUnknown, inScope(authorship), commit.humanReviewers.isEmpty else { continue }
        let what =
          nonHuman.isEmpty
          ? "changed it (\(path.summary))"
          : "changed \(nonHuman.count) line\(nonHuman.count == 1 ? "" : "s") here"
            + (path.status == .modified && path.removedLines == 0 ? "" : " (\(path.summary))")
        unreviewed.append((commit, authorship, what, nonHuman))
      }
      guard let first = unreviewed.first else { continue }
      let commits = unreviewed.map { "commit \($0.commit.id.abbreviated()) (\($0.commit.agent ?? "AI")) \($0.what)" }
      var message =
        "\(rule.message) \(reported) is protected; \(commits.joined(separator: "; ")), with no review from a person."
      let refused = unreviewed.flatMap(\.commit.refusedReviews)
      if !refused.isEmpty {
        message += " Not counted: " + refused.map { "`\($0.text)` (\($0.reason))" }.joined(separator: "; ") + "."
      }
      let here = reported == path.path ? unreviewed.first { !$0.lines.isEmpty }?.lines : nil
      findings.append(
        ChangeChecks.finding(
          rule, file: ReviewFile(path: reported, added: []), line: here?.first, change: change, message: message,
          key: "protected:" + unreviewed.map(\.commit.summary).joined(separator: "\u{0}"), endLine: here?.last?.number,
          authorship: first.authorship, commit: first.commit))
    }
    return findings
  }
}
