/// The kinds that look at the change as a whole rather than at one line.
enum ChangeChecks {
  static func findings(rule compiled: CompiledRule, change: ReviewChange, everyAuthorship: Bool) -> [Finding] {
    let rule = compiled.rule
    let inScope: (Authorship) -> Bool = { everyAuthorship || rule.scope.includes($0) }
    let files = change.files.filter { compiled.applies(to: $0) }
    switch rule.kind {
    case .pattern, .secret, .newDependency, .multiLine: return []
    case .missingTests(let options): return missingTests(rule, options, files, change, inScope)
    case .protectedPaths(let globs, let tests, let configured):
      return protectedPaths(rule, compiled, (globs, tests, configured), change, inScope)
    case .changeSize(let limits): return changeSize(rule, limits, files, change, inScope)
    case .duplicateCode(let minLines): return DuplicateCodeCheck.findings(rule, minLines, files, change, inScope)
    case .aiSignoff: return aiSignoff(rule, files, change)
    }
  }

  static func finding(
    _ rule: Rule, file: ReviewFile?, line: AddedLine?, change: ReviewChange, message: String, key: String,
    endLine: Int? = nil, authorship: Authorship? = nil, commit: ReviewCommit? = nil
  ) -> Finding {
    let commit = commit ?? line?.commit.map { change.commits[$0] }
    return Finding(
      rule: rule.id, title: rule.title, severity: rule.severity, path: file?.path, line: line?.number,
      endLine: endLine ?? line?.number, authorship: authorship ?? line?.authorship ?? commit?.authorship ?? .unknown,
      agent: line?.agent ?? commit?.agent, commit: commit?.id, message: message, fix: rule.fix, snippet: line?.text,
      fingerprint: Fingerprint.of(rule: rule.id, path: file?.path ?? "", text: key))
  }

  // MARK: missing-tests

  private static func missingTests(
    _ rule: Rule, _ options: MissingTestsOptions, _ files: [ReviewFile], _ change: ReviewChange,
    _ inScope: (Authorship) -> Bool
  ) -> [Finding] {
    guard let sourceGlobs = try? GlobSet(options.source), let testGlobs = try? GlobSet(options.test) else { return [] }
    // Tests are judged per language: a Go change is covered by a Go test, not by a Python one.
    var testedLanguages: Set<Language> = []
    for file in change.files where testGlobs.matches(file.path) || isInlineTest(file) {
      if let language = file.language { testedLanguages.insert(language) }
    }
    var untested: [Language: [(ReviewFile, AddedLine)]] = [:]
    for file in files where sourceGlobs.matches(file.path) && !testGlobs.matches(file.path) {
      guard let language = file.language, !testedLanguages.contains(language),
        let line = file.added.first(where: { inScope($0.authorship) })
      else { continue }
      untested[language, default: []].append((file, line))
    }
    return untested.sorted { $0.key.rawValue < $1.key.rawValue }.map { language, sources in
      let (file, line) = sources[0]
      let count = sources.count
      let authorship: Authorship = sources.contains { $0.1.authorship == .ai } ? .ai : line.authorship
      return finding(
        rule, file: file, line: line, change: change,
        message:
          "\(rule.message) \(count) \(language.rawValue) source file\(count == 1 ? "" : "s") changed (\(file.path)\(count > 1 ? " and others" : "")) and no \(language.rawValue) test did.",
        key: "missing-tests:\(language.rawValue)", authorship: authorship)
    }
  }

  /// A Rust file that carries its own tests counts as a test change.
  private static func isInlineTest(_ file: ReviewFile) -> Bool {
    file.language == .rust && file.added.contains { $0.text.contains("#[test]") || $0.text.contains("#[cfg(test)]") }
  }

  // MARK: protected-paths

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
      let commits = unreviewed.map { "commit \($0.commit.id.prefix(12)) (\($0.commit.agent ?? "AI")) \($0.what)" }
      var message =
        "\(rule.message) \(reported) is protected; \(commits.joined(separator: "; ")), with no review from a person."
      let refused = unreviewed.flatMap(\.commit.refusedReviews)
      if !refused.isEmpty {
        message += " Not counted: " + refused.map { "`\($0.text)` (\($0.reason))" }.joined(separator: "; ") + "."
      }
      let here = reported == path.path ? unreviewed.first { !$0.lines.isEmpty }?.lines : nil
      findings.append(
        finding(
          rule, file: ReviewFile(path: reported, added: []), line: here?.first, change: change, message: message,
          key: "protected:" + unreviewed.map(\.commit.summary).joined(separator: "\u{0}"), endLine: here?.last?.number,
          authorship: first.authorship, commit: first.commit))
    }
    return findings
  }

  // MARK: change-size

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
      let named = overCommit.map { "\(change.commits[$0.key].id.prefix(12)) (\($0.value.count))" }
      parts.append(
        (overCommit.count == 1 ? "Commit \(named[0]) adds" : "Commits \(named.joined(separator: ", ")) each add")
          + " more AI-written lines than the limit per commit, \(limit).")
    }
    let key = (overChange ? ["size:change"] : []) + overCommit.map { "size:commit:\(change.commits[$0.key].summary)" }
    return [
      finding(
        rule, file: located.0, line: located.1, change: change,
        message: "\(rule.message) " + parts.joined(separator: " "),
        key: key.joined(separator: "\u{0}"), authorship: .ai,
        commit: overCommit.count == 1 ? change.commits[overCommit[0].key] : nil)
    ]
  }

  // MARK: ai-signoff

  private static func aiSignoff(_ rule: Rule, _ files: [ReviewFile], _ change: ReviewChange) -> [Finding] {
    change.commits.enumerated().compactMap { index, commit in
      guard commit.authorship.isAIOrUnknown, let signoff = commit.agentSignoffs.first else { return nil }
      let located = files.lazy.compactMap { file in file.added.first { $0.commit == index }.map { (file, $0) } }.first
      return finding(
        rule, file: located?.0, line: located?.1, change: change,
        message:
          "\(rule.message) Commit \(commit.id.prefix(12)) (\(commit.summary)) carries `Signed-off-by: \(signoff)`.",
        key: "signoff:\(commit.summary):\(signoff)", authorship: .ai, commit: commit)
    }
  }
}
