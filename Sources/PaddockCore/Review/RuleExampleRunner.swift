import PaddockGit

/// Runs a rule's YAML examples through the same engine as a real review.
public enum RuleExampleRunner {
  /// The outcome of one example, or of a rule missing a kind of example.
  public struct Result: Sendable, Hashable {
    public enum Expectation: String, Sendable, Hashable {
      case fire, quiet
    }

    public var rule: String
    public var expectation: Expectation
    /// The example's first added line, or a description of what is missing.
    public var example: String
    /// Where the example is written (`rules/x.yml:12`).
    public var location: String
    public var passed: Bool
    /// Messages of the findings the rule reported, for a failed quiet example.
    public var findings: [String]
  }

  /// Every example of `rule`; a rule without both kinds of example gets a failed result for the missing kind.
  public static func run(_ rule: Rule, classifier: CommitClassifier) -> [Result] {
    var results: [Result] = []
    for (expectation, examples) in [(Result.Expectation.fire, rule.examples.fire), (.quiet, rule.examples.quiet)] {
      if examples.isEmpty {
        results.append(
          Result(
            rule: rule.id, expectation: expectation, example: "(no `\(expectation.rawValue)` example)",
            location: rule.source.description, passed: false, findings: []))
      }
      for example in examples {
        let findings = evaluate(rule, on: example, classifier: classifier)
        results.append(
          Result(
            rule: rule.id, expectation: expectation, example: example.lines.first ?? example.path ?? "(empty)",
            location: RuleSource(file: rule.source.file, line: example.line ?? rule.source.line).description,
            passed: expectation == .fire ? !findings.isEmpty : findings.isEmpty,
            findings: findings.map(\.message)))
      }
    }
    return results
  }

  /// The findings `rule` reports on the change an example describes.
  public static func evaluate(_ rule: Rule, on example: RuleExample, classifier: CommitClassifier) -> [Finding] {
    guard let ruleSet = try? RuleSet(rules: [rule]) else { return [] }
    return ruleSet.evaluate(change(for: example, rule: rule, classifier: classifier))
  }

  /// Builds the change: one commit adding the example's lines (after its context) and its other files.
  static func change(for example: RuleExample, rule: Rule, classifier: CommitClassifier) -> ReviewChange {
    let message =
      example.commit
      ?? (example.authorship == .ai
        ? "Add example\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n" : "Add example\n")
    let author = Signature(name: "Example Person", email: "person@example.com", time: 0, offsetMinutes: 0)
    let commit = Commit(
      id: .zero, parents: [], author: author, committer: author, message: message,
      trailers: Trailer.parse(message), tree: .zero)
    let classification = classifier.classify(commit)
    let reviewCommit = ReviewCommit(
      id: String(repeating: "0", count: 40), summary: commit.summary, author: "Example Person <person@example.com>",
      authorship: example.authorship, agent: classification.agent,
      humanReviewers: classification.review.map(\.text),
      agentSignoffs: commit.trailers.filter { $0.key.lowercased() == "signed-off-by" }.map(\.value).filter {
        classifier.isAgentIdentity($0)
      }, refusedReviews: classification.refusedReview)
    let path = example.path ?? rule.languages.first?.exampleFileName ?? "example.txt"
    let content = example.context + example.lines
    let added = example.lines.enumerated().map {
      AddedLine(
        number: example.context.count + $0.offset + 1, text: $0.element, authorship: example.authorship, commit: 0,
        agent: classification.agent)
    }
    var files = [ReviewFile(path: path, status: .added, added: added, content: content)]
    for file in example.files {
      let lines = file.lines.enumerated().map {
        AddedLine(
          number: $0.offset + 1, text: $0.element, authorship: example.authorship, commit: 0,
          agent: classification.agent)
      }
      files.append(ReviewFile(path: file.path, status: .added, added: lines, content: file.lines))
    }
    return ReviewChange(
      files: files, commits: [reviewCommit], headFiles: example.head.map { HeadFile(path: $0.path, lines: $0.lines) })
  }
}
