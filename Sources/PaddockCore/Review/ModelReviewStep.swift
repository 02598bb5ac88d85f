import Foundation
import PaddockChange
import PaddockGit
import PaddockRules

/// A language model's review of a change, which `ReviewPipeline` runs after the rules when one is given.
///
/// The core knows the model review only through this: the configuration it reads, the values it reports
/// (`ModelReviewResult`, `ModelReviewSummary`) and this step. PaddockModelReview's `ModelReviewSettings` is the one
/// the CLI builds (providers, the cache and the reviewer live there); tests may give their own.
package protocol ModelReviewStep: Sendable {
  /// The `model:` configuration with command-line overrides applied; `scope` `none` skips the step.
  var config: ModelConfig { get }
  /// Seconds the model review may take in this run. The pre-push hook lowers it so every ref shares one deadline.
  var deadline: TimeInterval { get set }

  /// Reviews the change's hunks. `ruleFindings` are what the rules found (secrets among them are masked before
  /// anything is sent), `rules` the rules that ran, `files` where the repository's review instructions are read.
  /// A model that cannot answer is an unavailable result, not an error.
  func review(
    attribution: RangeAttribution, change: ReviewChange, ruleFindings: [Finding], rules: [Rule],
    repository: Repository, files: ConfigFiles
  ) throws -> ModelReviewResult
}
