import Foundation
import PaddockChange
import PaddockCore
import PaddockGit
import PaddockNet
import PaddockRules

/// Model review as one run asks for it: the configuration (with command-line overrides applied), the deadline,
/// and where keys come from.
package struct ModelReviewSettings: ModelReviewStep {
  package var config: ModelConfig
  /// Seconds the model review may take in this run (`model.deadline`, or `model.hook-deadline` in the hook).
  package var deadline: TimeInterval
  /// The environment API keys are read from.
  package var environment: [String: String]
  /// Tests may answer in memory; nil uses URLSession.
  package var transport: (any HTTPTransport)?

  package init(
    config: ModelConfig, deadline: TimeInterval, environment: [String: String],
    transport: (any HTTPTransport)? = nil
  ) {
    self.config = config
    self.deadline = deadline
    self.environment = environment
    self.transport = transport
  }

  /// Sends the change's hunks to the configured model. A provider that cannot be set up (no key) gives an
  /// unavailable review, which the configured `on-unavailable` turns into a verdict.
  package func review(
    attribution: RangeAttribution, change: ReviewChange, ruleFindings: [Finding], rules: [Rule],
    repository: Repository, files: ConfigFiles
  ) throws -> ModelReviewResult {
    let provider: any ModelProvider
    do {
      provider = try config.makeProvider(environment: environment, transport: transport)
    } catch {
      return ModelReviewer.unavailable(config, error: error.description)
    }
    let hunks = ModelHunk.hunks(of: attribution, change: change, context: config.context, repository: repository)
    let instructions = try files.text(config.instructions)
    let reviewer = ModelReviewer(
      config: config, provider: provider,
      cache: config.cache ? ModelCache(gitDirectory: repository.commonDirectory) : nil, deadline: deadline)
    return reviewer.review(
      hunks: hunks, ruleFindings: ruleFindings, masker: SecretMasker(rules: rules), instructions: instructions)
  }
}
