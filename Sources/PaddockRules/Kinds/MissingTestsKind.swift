import PaddockChange

/// `kind: missing-tests`: source files of a language changed and no test file of that language did.
package struct MissingTestsKind: RuleKind {
  package static let name = "missing-tests"

  /// Globs of source files.
  package var source: [String]
  /// Globs of test files.
  package var test: [String]

  package init(source: [String], test: [String]) {
    self.source = source
    self.test = test
  }

  package static func parse(_ parameters: RuleKindParameters) throws -> MissingTestsKind {
    try parameters.allow(["source", "test"])
    guard let source = try parameters.globs("source"), let test = try parameters.globs("test") else {
      throw parameters.missing(
        "has a missing-tests rule without `with.source` and `with.test`",
        fix: "list the globs of source files and of test files")
    }
    return MissingTestsKind(source: source, test: test)
  }

  package var reach: RuleReach { .change }
  package var precision: String { "medium" }
  package var explanation: [(label: String, text: String)] {
    [("sources", source.joined(separator: ", ")), ("tests", test.joined(separator: ", "))]
  }

  package func check(for rule: Rule) throws -> RuleCheck { RuleCheck(self) }
}

extension MissingTestsKind: KindCheck {
  func findings(change: ReviewChange, compiled: CompiledRule, everyAuthorship: Bool) -> [Finding] {
    let rule = compiled.rule
    return Self.missingTests(
      rule, self, change.files.filter { compiled.applies(to: $0) }, change,
      { everyAuthorship || rule.scope.includes($0) })
  }

  private static func missingTests(
    _ rule: Rule, _ options: MissingTestsKind, _ files: [ReviewFile], _ change: ReviewChange,
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
      return ChangeChecks.finding(
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
}
