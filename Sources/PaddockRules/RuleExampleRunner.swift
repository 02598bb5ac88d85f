import PaddockChange
import PaddockGit

/// Runs a rule's YAML examples through the same engine as a real review.
package enum RuleExampleRunner {
  /// The outcome of one example, or of a rule missing a kind of example.
  package struct Result: Sendable, Hashable {
    package typealias Expectation = RuleExampleExpectation

    package var rule: String
    package var expectation: Expectation
    /// The example's first added line, or a description of what is missing.
    package var example: String
    /// Where the example is written (`rules/x.yml:12`).
    package var location: String
    package var passed: Bool
    /// Messages of the findings the rule reported, for a failed quiet example.
    package var findings: [String]
    /// What went wrong, for a failed example: quiet, fired, or fired elsewhere than its marks say.
    package var problem: String?
    /// The mutation the example ran under, nil for the example as written.
    package var mutation: ExampleMutation?
    /// The mutated file's lines (context, then added), for a failed mutation.
    package var mutatedText: [String] = []
  }

  /// Every example of `rule`; a rule without both kinds of example gets a failed result for the missing kind.
  package static func run(_ rule: Rule, classifier: some ExampleClassifier) -> [Result] {
    var results: [Result] = []
    for (expectation, examples) in [(Result.Expectation.fire, rule.examples.fire), (.quiet, rule.examples.quiet)] {
      if examples.isEmpty {
        results.append(
          Result(
            rule: rule.id, expectation: expectation, example: "(no `\(expectation.rawValue)` example)",
            location: rule.source.description, passed: false, findings: [],
            problem: "has no `\(expectation.rawValue)` example"))
      }
      for example in examples {
        let location = RuleSource(file: rule.source.file, line: example.line ?? rule.source.line).description
        let findings = evaluate(rule, on: example, classifier: classifier)
        let problem =
          expectation == .fire
          ? fireProblem(example, findings, mainPath: mainPath(example, rule))
            ?? fixedProblem(example, findings, mainPath: mainPath(example, rule))
          : quietProblem(example, findings)
        results.append(
          Result(
            rule: rule.id, expectation: expectation, example: example.lines.first ?? example.path ?? "(empty)",
            location: location, passed: problem == nil, findings: findings.map { "\(place($0)): \($0.message)" },
            problem: problem))
        // A mutation of an example that fails as written would only repeat its failure.
        guard problem == nil else { continue }
        for mutation in mutations(of: example, rule: rule, expectation: expectation) {
          guard let mutated = mutated(example, by: mutation, rule: rule, expectation: expectation) else { continue }
          let findings = evaluate(rule, on: mutated, classifier: classifier, crlf: mutation == .crlf)
          let problem =
            expectation == .fire && mutation.keepsOutcome
            ? fireProblem(mutated, findings, mainPath: mainPath(example, rule))
              ?? fixedProblem(mutated, findings, mainPath: mainPath(example, rule))
            : quietProblem(mutated, findings)
          let text = mutated.context + mutated.lines
          results.append(
            Result(
              rule: rule.id, expectation: expectation, example: example.lines.first ?? example.path ?? "(empty)",
              location: location, passed: problem == nil,
              findings: findings.map { "\(place($0)): \($0.message)" },
              problem: problem.map { "under mutation `\(mutation.rawValue)`, \($0)" }, mutation: mutation,
              mutatedText: mutation == .crlf ? text.map { $0 + "\r" } : text))
        }
      }
    }
    return results
  }

  /// The mutations an example runs: its own list, or its rule's defaults, less those it or its rule skips.
  package static func mutations(of example: RuleExample, rule: Rule, expectation: RuleExampleExpectation)
    -> [ExampleMutation]
  {
    let chosen = example.mutations ?? ExampleMutation.defaults(for: rule, expectation: expectation)
    return chosen.filter { example.skippedMutations[$0] == nil && rule.examples.skippedMutations[$0] == nil }.sorted()
  }

  /// The example mutated: its main file's lines edited and its marks moved with them (a mutation that must silence
  /// the example drops them). Nil when the mutation has nothing to change in it.
  static func mutated(
    _ example: RuleExample, by mutation: ExampleMutation, rule: Rule, expectation: RuleExampleExpectation
  ) -> RuleExample? {
    if mutation == .crlf { return example }
    let lines = example.context + example.lines
    let own = example.marks.filter { $0.path == nil }
    let marked = own.flatMap { Array($0.line...$0.endLine) }
    let path = mainPath(example, rule)
    let language = Language.of(path: path, firstLine: lines.first)
    guard
      let edits = mutation.edits(
        lines, added: example.context.count..<lines.count, marked: marked, markStarts: own.map(\.line),
        language: language)
    else { return nil }
    let edited = EditedLines(lines, edits: edits)
    var result = example
    let contextCount = edited.count(ofFirst: example.context.count)
    result.context = Array(edited.lines[..<contextCount])
    result.lines = Array(edited.lines[contextCount...])
    result.fixed = nil
    if let fixed = example.fixed, mutation.keepsOutcome, let mark = own.first {
      result.fixed = mutatedFix(
        line: lines[mark.line - 1], fixed: fixed, edits: edits[mark.line - 1] ?? [], column: mark.column)
    }
    if !mutation.keepsOutcome {
      result.marks = []
    } else {
      result.marks = example.marks.map { mark in
        guard mark.path == nil else { return mark }
        let start = edited.position(line: mark.line, column: mark.column, isEnd: false)
        let end = edited.position(line: mark.endLine, column: mark.endColumn, isEnd: true)
        return ExampleMark(line: start.line, column: start.column, endLine: end.line, endColumn: end.column)
      }
    }
    return result
  }

  /// Why a `fire` example fails, or nil: its findings must stand exactly where its marks say, no more and no fewer.
  /// An example without marks expects one finding about the change as a whole (no line).
  static func fireProblem(_ example: RuleExample, _ findings: [Finding], mainPath: String) -> String? {
    guard !findings.isEmpty else { return "should fire but stayed quiet" }
    if example.marks.isEmpty {
      if findings.count == 1, findings[0].line == nil { return nil }
      return "fired at \(findings.map(place).joined(separator: ", ")): mark where with `⟦ ⟧`"
    }
    var unmatched = example.marks
    var extra: [Finding] = []
    for finding in findings {
      if let index = unmatched.firstIndex(where: { covers($0, finding, mainPath: mainPath) }) {
        unmatched.remove(at: index)
      } else {
        extra.append(finding)
      }
    }
    guard !unmatched.isEmpty || !extra.isEmpty else { return nil }
    var parts: [String] = []
    if !unmatched.isEmpty {
      parts.append("no finding at \(unmatched.sorted().map(\.description).joined(separator: ", "))")
    }
    if !extra.isEmpty { parts.append("a finding at \(extra.map(place).joined(separator: ", ")) that no mark expects") }
    return parts.joined(separator: "; ")
  }

  /// Why a `fire` example's fix is wrong, or nil: the finding at its mark must offer `fixed` as its replacement.
  static func fixedProblem(_ example: RuleExample, _ findings: [Finding], mainPath: String) -> String? {
    guard let fixed = example.fixed, let mark = example.marks.first,
      let finding = findings.first(where: { covers(mark, $0, mainPath: mainPath) })
    else { return nil }
    guard let replacement = finding.replacement else { return "offers no fix where `fixed` is `\(fixed)`" }
    return replacement == fixed ? nil : "offers the fixed line `\(replacement)` where `fixed` is `\(fixed)`"
  }

  /// The fixed line as a mutation leaves it: the mutation's edits of the marked line moved past the bytes the fix
  /// changed and, of the lines they make, the one the mark starts on (`column` is the mark's). Nil when an edit falls
  /// inside the bytes the fix changes, where no fixed line can be expected.
  static func mutatedFix(line: String, fixed: String, edits: [TextEdit], column: Int) -> String? {
    guard !edits.isEmpty else { return fixed }
    let old = Array(line.utf8)
    let new = Array(fixed.utf8)
    var prefix = 0
    while prefix < min(old.count, new.count), old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < min(old.count, new.count) - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
      suffix += 1
    }
    var moved: [TextEdit] = []
    for edit in edits {
      if edit.offset + edit.remove <= prefix {
        moved.append(edit)
      } else if edit.offset >= old.count - suffix {
        moved.append(TextEdit(offset: edit.offset + new.count - old.count, remove: edit.remove, insert: edit.insert))
      } else {
        return nil
      }
    }
    let piece = EditedLines([line], edits: [0: edits]).position(line: 1, column: column, isEnd: false).line - 1
    let lines = EditedLines([fixed], edits: [0: moved]).lines
    return piece < lines.count ? lines[piece] : nil
  }

  static func quietProblem(_ example: RuleExample, _ findings: [Finding]) -> String? {
    if !example.marks.isEmpty { return "is a quiet example with a `⟦ ⟧` mark: marks say where a fire example fires" }
    return findings.isEmpty ? nil : "should stay quiet but fired"
  }

  /// Whether `finding` stands where `mark` says: the same file, lines and, when the finding has them, columns.
  static func covers(_ mark: ExampleMark, _ finding: Finding, mainPath: String) -> Bool {
    guard finding.path == (mark.path ?? mainPath), finding.line == mark.line,
      (finding.endLine ?? finding.line) == mark.endLine
    else { return false }
    guard let column = finding.column else { return true }
    return column == mark.column && finding.endColumn == mark.endColumn
  }

  /// The file holding the example's added lines.
  static func mainPath(_ example: RuleExample, _ rule: Rule) -> String {
    example.path ?? rule.languages.first?.exampleFileName ?? "example.txt"
  }

  /// Where a finding is, as marks are described.
  static func place(_ finding: Finding) -> String {
    let mark = ExampleMark(
      path: finding.path, line: finding.line ?? 0, column: finding.column ?? 0, endLine: finding.endLine ?? 0,
      endColumn: finding.endColumn ?? 0)
    guard finding.line != nil else { return "\(finding.path ?? "the change") (no line)" }
    return finding.column == nil
      ? "\(finding.path ?? ""):\(mark.line)\(mark.endLine == mark.line ? "" : "-\(mark.endLine)") (whole line)"
      : mark.description
  }

  /// The findings `rule` reports on the change an example describes.
  /// With `crlf`, every file is written with `\r\n` line endings and split again as a file read from git is.
  package static func evaluate(
    _ rule: Rule, on example: RuleExample, classifier: some ExampleClassifier, crlf: Bool = false
  )
    -> [Finding]
  {
    guard let ruleSet = try? RuleSet(rules: [rule]) else { return [] }
    return ruleSet.evaluate(change(for: example, rule: rule, classifier: classifier, crlf: crlf))
  }

  /// Builds the change: one commit adding the example's lines (after its context) and its other files.
  static func change(for example: RuleExample, rule: Rule, classifier: some ExampleClassifier, crlf: Bool = false)
    -> ReviewChange
  {
    // The lines of a file as the review reads them from its bytes; with CRLF endings, through the same splitting.
    func read(_ lines: [String]) -> [String] {
      guard crlf else { return lines }
      let bytes = Array(lines.map { $0 + "\r\n" }.joined().utf8)
      return ReviewChange.textLines(bytes) ?? lines
    }
    let message =
      example.commit
      ?? (example.authorship == .ai
        ? "Add example\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n" : "Add example\n")
    let author = Signature(name: "Example Person", email: "person@example.com", time: 0, offsetMinutes: 0)
    let commit = Commit(
      id: .zero, parents: [], author: author, committer: author, message: message,
      trailers: Trailer.parse(message), tree: .zero)
    let classification = classifier.classifyExample(commit)
    let reviewCommit = ReviewCommit(
      id: .zero, summary: commit.summary, author: "Example Person <person@example.com>",
      authorship: example.authorship, agent: classification.agent,
      humanReviewers: classification.review,
      agentSignoffs: commit.trailers.filter { $0.key.lowercased() == "signed-off-by" }.map(\.value).filter {
        classifier.isAgentIdentity($0)
      }, refusedReviews: classification.refusedReview)
    let path = mainPath(example, rule)
    let content = read(example.context + example.lines)
    let added = content.dropFirst(example.context.count).enumerated().map {
      AddedLine(
        number: example.context.count + $0.offset + 1, text: $0.element, authorship: example.authorship, commit: 0,
        agent: classification.agent)
    }
    var files = [ReviewFile(path: path, status: .added, added: added, content: content)]
    for file in example.files {
      let content = read(file.lines)
      let lines = content.enumerated().map {
        AddedLine(
          number: $0.offset + 1, text: $0.element, authorship: example.authorship, commit: 0,
          agent: classification.agent)
      }
      files.append(ReviewFile(path: file.path, status: .added, added: lines, content: content))
    }
    return ReviewChange(
      files: files, commits: [reviewCommit],
      headFiles: example.head.map { HeadFile(path: $0.path, lines: read($0.lines)) })
  }
}
