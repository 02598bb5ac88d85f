import Foundation
import PaddockGit

/// Git to verdict in one call: configuration, rules, attribution, the change, the review and its report.
public struct ReviewPipeline {
  public let repository: Repository
  public let config: PaddockConfig
  public let catalogue: RuleCatalog
  public let rules: [Rule]
  public let classifier: CommitClassifier

  /// Loads the rule catalogue the configuration asks for; unknown ids and bad rule files are errors here.
  public init(repository: Repository, config: PaddockConfig) throws {
    self.repository = repository
    self.config = config
    let root = repository.workingDirectory ?? FileManager.default.currentDirectoryPath
    catalogue = try RuleCatalog.load(config: config, root: root)
    rules = try catalogue.enabledRules(config)
    classifier = try CommitClassifier(catalogue: config.catalogue())
  }

  /// Reviews a range. `failOn` replaces the policy's blocking threshold for every authorship
  /// (`.some(nil)` never blocks).
  public func review(_ range: ResolvedRange, failOn: Severity?? = .none, version: String) throws -> ReviewReport {
    let attributor = try Attributor(
      repository: repository, catalogue: config.catalogue(), notesRef: config.notesRef ?? "refs/notes/ai")
    let attribution = try attributor.attribute(range)
    let needsHead = rules.contains {
      if case .duplicateCode = $0.kind { return true }
      return false
    }
    let change = try ReviewChange.load(
      repository: repository, attribution: attribution, classifier: classifier, headFiles: needsHead)
    var policy = config.review.policy
    if let failOn { policy = policy.failing(on: failOn) }
    let reviewer = Reviewer(
      ruleSet: try RuleSet(rules: rules), policy: policy, severityOverrides: catalogue.severityOverrides(config),
      baseline: try loadBaseline()?.fingerprints ?? [])
    let outcome = reviewer.review(change)
    return ReviewReport(
      outcome: outcome, change: change, attribution: attribution, rules: rules, policy: policy, label: range.label,
      head: range.head.hex, version: version)
  }

  /// The findings a baseline would record: of `range` when given, else of every file at `head`, whoever wrote it.
  public func baselineFindings(range: ResolvedRange?, head: ObjectID) throws -> [Finding] {
    let change: ReviewChange
    var everyAuthorship = false
    if let range {
      let attributor = try Attributor(
        repository: repository, catalogue: config.catalogue(), notesRef: config.notesRef ?? "refs/notes/ai")
      change = try ReviewChange.load(
        repository: repository, attribution: try attributor.attribute(range), classifier: classifier, headFiles: true)
    } else {
      change = try ReviewChange.snapshot(repository: repository, head: head)
      everyAuthorship = true
    }
    let reviewer = Reviewer(
      ruleSet: try RuleSet(rules: rules), severityOverrides: catalogue.severityOverrides(config),
      everyAuthorship: everyAuthorship)
    let outcome = reviewer.review(change)
    return outcome.findings
  }

  /// Where the baseline file is: `baseline:` in the configuration, else the default name at the root.
  public var baselinePath: String? {
    let name = config.review.baseline ?? Baseline.defaultFile
    if name.hasPrefix("/") { return name }
    return repository.workingDirectory.map { ($0 as NSString).appendingPathComponent(name) }
  }

  private func loadBaseline() throws -> Baseline? {
    guard let path = baselinePath else { return nil }
    return try Baseline.load(file: path, required: config.review.baseline != nil)
  }
}
