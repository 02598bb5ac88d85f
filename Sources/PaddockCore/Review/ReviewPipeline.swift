import Foundation
import PaddockChange
import PaddockGit
import PaddockRules
import PaddockSupport
import Synchronization

/// Git to verdict in one call: configuration, rules, attribution, the change, the review and its report.
package struct ReviewPipeline {
  package let repository: Repository
  package let config: PaddockConfig
  package let catalogue: RuleCatalog
  package let rules: [Rule]
  /// Compiles the agent catalogue once; its classifier also reads the commits' review and sign-off trailers.
  package let attributor: Attributor

  /// Where the rule files and the baseline come from: the working tree, or (in CI) the base commit.
  package let files: ConfigFiles?
  /// `files`, or the working tree when nil: where rule files and review instructions are read.
  private let sources: ConfigFiles
  /// The rules as the first review compiled them, for the pipeline's later reviews (a push of several refs).
  private let compiledRules = CompiledRulesCache()

  /// Starts what every review begins with, parsing the built-in rule packs, on a thread of its own: a command that
  /// calls this before it opens the repository and reads the configuration finds the packs parsed by then.
  package static func prepare() {
    RuleCatalog.prepareBuiltinWithoutExamples()
  }

  /// Loads the rule catalogue the configuration asks for; unknown ids and bad rule files are errors here. Rule
  /// files and the baseline are read from `files`, by default the working tree.
  package init(repository: Repository, config: PaddockConfig, files: ConfigFiles? = nil) throws {
    self.repository = repository
    self.config = config
    self.files = files
    sources = files ?? .directory(repository.workingDirectory ?? FileManager.default.currentDirectoryPath)
    // The agent catalogue compiles on a second thread while the rule packs and rule files are read: every run
    // waits for both. The attributor only stores the repository, so reading rule files from a commit here is the
    // handle's one user.
    let sources = sources
    var loaded: Result<(RuleCatalog, [Rule]), any Error> = .failure(CancellationError())
    var attributor: Result<Attributor, any Error> = .failure(CancellationError())
    Parallel.run(workers: 2) { worker in
      if worker == 1 {
        attributor = Result { try Attributor(repository: repository, config: config) }
        return
      }
      loaded = Result {
        // A review never reads the built-in rules' examples.
        let catalogue = try RuleCatalog.load(config: config, files: sources, builtinExamples: false)
        return (catalogue, try catalogue.enabledRules(config))
      }
    }
    (catalogue, rules) = try loaded.get()
    self.attributor = try attributor.get()
  }

  /// The range attributed and turned into a review's input, with head files only when a rule reads them.
  private func change(of range: ResolvedRange, timings: inout PhaseTimings) throws -> (RangeAttribution, ReviewChange) {
    let attribution = try attributor.attribute(range, timings: &timings)
    let needsHead = rules.contains { $0.kind.readsHeadFiles }
    // Secret rules read every commit's added lines, not only the final diff's: a key one commit adds and a later
    // one removes still reaches the remote.
    let needsIntermediate = rules.contains { $0.kind.findsSecrets }
    let change = try timings.measure("read changed files") {
      try ReviewChange.load(
        repository: repository, attribution: attribution, classifier: attributor.classifier, headFiles: needsHead,
        onlyTracedLines: !range.alsoExcluding.isEmpty, intermediateLines: needsIntermediate)
    }
    return (attribution, change)
  }

  /// The change, with every rule compiled on a second thread meanwhile: reading the change leaves a core idle most
  /// of the time (the walk, the diffs and the crediting of lines run on one thread; only classifying commits and
  /// reading the lines commits removed again use a second), so compiling costs almost no time. Later reviews of the same
  /// pipeline (the other refs of a push) reuse those rules. On one core, and before any review has compiled them,
  /// nil: the rules the change needs are compiled after it.
  private func changeAndRules(of range: ResolvedRange, timings: inout PhaseTimings) throws -> (
    RangeAttribution, ReviewChange, PrecompiledRules?
  ) {
    let cached = compiledRules.rules.withLock { $0 }
    guard cached == nil, Parallel.defaultWorkers > 1 else {
      let (attribution, loaded) = try change(of: range, timings: &timings)
      return (attribution, loaded, cached)
    }
    var loaded: Result<(RangeAttribution, ReviewChange), any Error> = .failure(CancellationError())
    Parallel.run(workers: 2) { worker in
      if worker == 0 {
        loaded = Result { try change(of: range, timings: &timings) }
      } else {
        let rules = PrecompiledRules(rules: rules)
        compiledRules.rules.withLock { $0 = rules }
      }
    }
    let (attribution, reviewed) = try loaded.get()
    return (attribution, reviewed, compiledRules.rules.withLock { $0 })
  }

  /// Reviews a range. `failOn` can replace the policy's blocking threshold for every authorship. `approvals` are people who approved the whole change (a pull request's
  /// approving reviewers): each counts as a person's review of every commit.
  package func review(
    _ range: ResolvedRange, failOn: FailThreshold = .policy, version: String, model: (any ModelReviewStep)? = nil,
    approvals: [String] = []
  ) throws -> ReviewReport {
    var timings = PhaseTimings()
    return try review(
      range, failOn: failOn, version: version, model: model, approvals: approvals, timings: &timings)
  }

  /// Reviews a range, recording the time of each phase in `timings`. With `model`, a language model reviews the
  /// hunks its configuration picks, after the rules, and its findings are added to theirs.
  package func review(
    _ range: ResolvedRange, failOn: FailThreshold = .policy, version: String, model: (any ModelReviewStep)? = nil,
    approvals: [String] = [], timings: inout PhaseTimings
  ) throws -> ReviewReport {
    let (attribution, loaded, precompiled) = try changeAndRules(of: range, timings: &timings)
    var change = consume loaded
    for index in change.commits.indices { change.commits[index].humanReviewers += approvals }
    let policy = failOn.applied(to: config.review.policy)
    let ruleSet = try timings.measure("compile rules") {
      if let precompiled {
        try RuleSet(precompiled, relevantTo: change)
      } else {
        try RuleSet(rules: rules, relevantTo: change)
      }
    }
    let reviewer = Reviewer(
      ruleSet: ruleSet, policy: policy, severityOverrides: catalogue.severityOverrides(config),
      baseline: try loadBaseline()?.fingerprints ?? [])
    var outcome = timings.measure("run rules") { reviewer.addingUnreadable(change, to: reviewer.review(change)) }
    var summary: ModelReviewSummary?
    if let model, model.config.scope != .none {
      let result = try timings.measure("model review") {
        try model.review(
          attribution: attribution, change: change, ruleFindings: outcome.findings + outcome.suppressed,
          rules: rules, repository: repository, files: sources)
      }
      outcome = reviewer.adding(model: result, to: outcome, change: change)
      summary = result.summary
    }
    let report = ReviewReport(
      outcome: outcome, change: change, attribution: attribution, rules: rules, policy: policy, label: range.label,
      head: range.head, version: version, modelReview: summary)
    // The change and its attribution are the largest values a review builds; nothing waits for them to be freed.
    BackgroundRelease.drop((consume change, consume attribution))
    return report
  }

  /// The findings a baseline would record: of `range` when given, else of every file at `head`, whoever wrote it.
  package func baselineFindings(range: ResolvedRange?, head: ObjectID) throws -> [Finding] {
    let change: ReviewChange
    var everyAuthorship = false
    if let range {
      var timings = PhaseTimings()
      change = try self.change(of: range, timings: &timings).1
    } else {
      change = try ReviewChange.snapshot(repository: repository, head: head)
      everyAuthorship = true
    }
    let reviewer = Reviewer(
      ruleSet: try RuleSet(rules: rules, relevantTo: change), severityOverrides: catalogue.severityOverrides(config),
      everyAuthorship: everyAuthorship)
    let outcome = reviewer.review(change)
    return outcome.findings
  }

  /// Where the baseline file is in the working tree: `baseline:` in the configuration, else the default name at the
  /// root; nil without a working tree. A configured path that leaves the repository (absolute, `~`, `../`, or a
  /// symbolic link out of it) is an error, so a pulled `.paddock.yml` cannot make `paddock baseline` overwrite a
  /// file elsewhere.
  package func baselinePath() throws -> String? {
    guard let root = repository.workingDirectory else { return nil }
    return try ConfigFiles.pathInside(root, config.review.baseline ?? Baseline.defaultFile)
  }

  /// The baseline from `files`, or the working tree; confined to the repository like every configured path.
  private func loadBaseline() throws -> Baseline? {
    if files == nil, repository.workingDirectory == nil { return nil }
    let name = config.review.baseline ?? Baseline.defaultFile
    return try Baseline.load(
      data: try sources.read(name), name: sources.name(name), required: config.review.baseline != nil)
  }
}

/// Rules compiled once and shared by the reviews of one pipeline.
private final class CompiledRulesCache: Sendable {
  let rules = Mutex<PrecompiledRules?>(nil)
}
