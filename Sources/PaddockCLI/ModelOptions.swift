import ArgumentParser
import Foundation
import PaddockCore
import PaddockModelReview

/// `--model NAME`, `--model-endpoint URL`, `--model-provider`, `--model-deadline`, `--no-model`: model review
/// from the command line, over the `model:` section of `.paddock.yml`. Shared by `review`, `ci` and the hook.
struct ModelOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Review AI-written hunks with this model too (over model.name in .paddock.yml); turns model review on.",
      valueName: "name"))
  var model: String?

  @Option(
    help: ArgumentHelp(
      "The model server's base URL, e.g. http://127.0.0.1:8080 (over model.endpoint).", valueName: "url"))
  var modelEndpoint: String?

  @Option(
    help: ArgumentHelp(
      "openai (any OpenAI-compatible server), anthropic, or command (a program reading the prompt on stdin); over model.provider.",
      valueName: "provider"))
  var modelProvider: ModelConfig.Provider?

  @Option(help: ArgumentHelp("Seconds the whole model review may take (over model.deadline).", valueName: "seconds"))
  var modelDeadline: Double?

  @Flag(help: "Skip model review even when .paddock.yml configures it.")
  var noModel = false

  func validate() throws {
    if let modelEndpoint, ModelConfig.endpoint(modelEndpoint) == nil {
      throw ValidationError(
        "--model-endpoint takes an http(s) URL such as http://127.0.0.1:8080, not `\(modelEndpoint)`")
    }
    if let modelDeadline, !(modelDeadline > 0) {
      throw ValidationError("--model-deadline takes a number of seconds above 0")
    }
    if noModel, model != nil || modelEndpoint != nil || modelProvider != nil {
      throw ValidationError("--no-model cannot be combined with --model, --model-endpoint or --model-provider")
    }
  }

  /// The model review this run asks for, or nil when it is off. `hook` picks `model.hook-deadline`.
  func settings(for config: PaddockConfig, hook: Bool = false) -> ModelReviewSettings? {
    if noModel { return nil }
    let asked = model != nil || modelEndpoint != nil || modelProvider != nil
    guard var model = config.model ?? (asked ? ModelConfig() : nil) else { return nil }
    if let name = self.model { model.name = name }
    if let endpoint = modelEndpoint.flatMap(ModelConfig.endpoint) { model.endpoint = endpoint }
    if let modelProvider { model.provider = modelProvider }
    if asked, model.scope == .none { model.scope = .ai }
    guard model.scope != .none else { return nil }
    let deadline = modelDeadline ?? (hook ? model.hookDeadline : model.deadline)
    return ModelReviewSettings(config: model, deadline: deadline, environment: ProcessInfo.processInfo.environment)
  }
}

extension ModelConfig.Provider: ExpressibleByArgument {}
