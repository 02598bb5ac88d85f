import Foundation
import PaddockChange
import Yams

/// The `model:` section of `.paddock.yml`: which language model reviews which hunks, and what its failures mean.
package struct ModelConfig: Sendable, Hashable {
  package enum Provider: String, Sendable, Hashable, CaseIterable, Codable {
    /// Any OpenAI-compatible `/v1/chat/completions` (OpenAI, vLLM, llama.cpp's server, Ollama, LM Studio).
    case openai
    /// Anthropic's Messages API.
    case anthropic
    /// A program that reads the prompt on stdin and writes the JSON answer on stdout.
    case command
  }

  /// Which hunks are sent.
  package enum Scope: String, Sendable, Hashable, CaseIterable, Codable {
    /// Hunks with AI-written (or unknown-authorship) added lines.
    case ai
    /// Every hunk, including a person's and delete-only hunks.
    case all
    /// None: model review is off.
    case none
  }

  package var provider: Provider = .openai
  /// The base URL; `/v1/chat/completions` or `/v1/messages` is added. Nil gives the provider's public endpoint.
  package var endpoint: String?
  /// The model's name as the server knows it.
  package var name: String?
  /// The environment variable holding the API key (never the key itself).
  package var apiKeyVariable: String?
  /// The program and its arguments, for `provider: command`.
  package var command: [String] = []
  package var scope: Scope = .ai
  /// Unchanged lines shown around each hunk.
  package var context = 3
  /// The repository's own review instructions, relative to its root; read only when present.
  package var instructions = ".paddock/review.md"
  /// Seconds one request may take.
  package var timeout: TimeInterval = 120
  /// Seconds the whole model review may take in `review` and `ci`, and in the pre-push hook.
  package var deadline: TimeInterval = 600
  package var hookDeadline: TimeInterval = 60
  /// Attempts per request (429, 5xx and dropped connections are retried).
  package var attempts = 3
  /// Requests in flight at once.
  package var concurrency = 2
  /// Tokens the model may answer with per request.
  package var maxOutputTokens = 1024
  /// Estimated prompt tokens per request; bigger changes are split into batches.
  package var batchTokens = 2500
  /// Estimated tokens (prompt and answer) for the whole review; hunks past it are skipped and listed.
  package var budgetTokens = 100_000
  /// What a model that cannot answer means for the verdict.
  package var onUnavailable: Verdict = .warn
  /// Model findings are capped at this severity, so a model alone blocks only when the policy and this allow it.
  package var maxSeverity: Severity = .warning
  /// Findings the model is less sure of than this are dropped (and counted).
  package var minConfidence = 0.5
  package var temperature = 0.0
  /// Ask for `response_format: json_schema`; `false` asks for `json_object` (servers that reject schemas).
  package var jsonSchema = true
  /// Keep answers under the git directory, keyed by provider, model, prompt version and hunk.
  package var cache = true

  package init() {}

  /// An endpoint as written (configuration or command line) in the form kept: an http(s) URL with a host and no
  /// trailing slash; nil when it is not one.
  package static func endpoint(_ text: String) -> String? {
    guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else { return nil }
    return text.hasSuffix("/") ? String(text.dropLast()) : text
  }

  /// The model's name as reports show it.
  package var displayName: String {
    name ?? (provider == .command ? command.first ?? "command" : "default")
  }

  /// The base URL with the provider's default.
  package var baseURL: String {
    if let endpoint { return endpoint }
    switch provider {
    case .openai: return "https://api.openai.com"
    case .anthropic: return "https://api.anthropic.com"
    case .command: return ""
    }
  }

  /// The key variable with the provider's default.
  package var keyVariable: String? {
    if let apiKeyVariable { return apiKeyVariable }
    switch provider {
    case .openai: return "OPENAI_API_KEY"
    case .anthropic: return "ANTHROPIC_API_KEY"
    case .command: return nil
    }
  }
}

extension NodeReader {
  static let modelKeys = [
    "provider", "endpoint", "name", "api-key-env", "command", "send", "context", "instructions", "timeout", "deadline",
    "hook-deadline", "attempts", "concurrency", "max-output-tokens", "batch-tokens", "budget-tokens",
    "on-unavailable", "max-severity", "min-confidence", "temperature", "json-schema", "cache",
  ]

  func modelConfig(_ node: Node) throws -> ModelConfig {
    let map = try table(node, at: "model", allowed: Self.modelKeys)
    var config = ModelConfig()
    if let node = map["provider"] {
      config.provider = try choice(node, at: "model.provider", of: ModelConfig.Provider.self)
    }
    if let node = map["endpoint"] {
      let text = try string(node, at: "model.endpoint")
      guard let endpoint = ModelConfig.endpoint(text) else {
        throw error(
          node, "has `model.endpoint` `\(text)`, which is not an http(s) URL", fix: "write e.g. `http://127.0.0.1:8080`"
        )
      }
      config.endpoint = endpoint
    }
    if let node = map["name"] { config.name = try string(node, at: "model.name") }
    if let node = map["api-key-env"] {
      let variable = try string(node, at: "model.api-key-env")
      guard variable.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !variable.isEmpty else {
        throw error(
          node, "has `model.api-key-env` `\(variable)`, which is not an environment variable's name",
          fix: "name the variable that holds the key (e.g. `OPENAI_API_KEY`), never the key itself")
      }
      config.apiKeyVariable = variable
    }
    if let node = map["command"] {
      config.command =
        node.scalar != nil ? [try string(node, at: "model.command")] : try strings(node, at: "model.command")
      if config.command.isEmpty {
        throw error(node, "has an empty `model.command`", fix: "write the program and its arguments as a list")
      }
    }
    if let node = map["send"] { config.scope = try choice(node, at: "model.send", of: ModelConfig.Scope.self) }
    if let node = map["context"] { config.context = try bounded(node, "model.context", 0...50) }
    if let node = map["instructions"] { config.instructions = try string(node, at: "model.instructions") }
    if let node = map["timeout"] { config.timeout = try seconds(node, "model.timeout") }
    if let node = map["deadline"] { config.deadline = try seconds(node, "model.deadline") }
    if let node = map["hook-deadline"] { config.hookDeadline = try seconds(node, "model.hook-deadline") }
    if let node = map["attempts"] { config.attempts = try bounded(node, "model.attempts", 1...10) }
    if let node = map["concurrency"] { config.concurrency = try bounded(node, "model.concurrency", 1...64) }
    if let node = map["max-output-tokens"] {
      config.maxOutputTokens = try bounded(node, "model.max-output-tokens", 64...65536)
    }
    if let node = map["batch-tokens"] { config.batchTokens = try bounded(node, "model.batch-tokens", 256...1_000_000) }
    if let node = map["budget-tokens"] {
      config.budgetTokens = try bounded(node, "model.budget-tokens", 256...100_000_000)
    }
    if let node = map["on-unavailable"] {
      config.onUnavailable = try choice(node, at: "model.on-unavailable", of: Verdict.self)
    }
    if let node = map["max-severity"] {
      config.maxSeverity = try choice(node, at: "model.max-severity", of: Severity.self)
    }
    if let node = map["min-confidence"] {
      let value = try double(node, at: "model.min-confidence")
      guard (0...1).contains(value) else {
        throw error(node, "has `model.min-confidence` \(value)", fix: "use a number from 0 to 1")
      }
      config.minConfidence = value
    }
    if let node = map["temperature"] { config.temperature = try double(node, at: "model.temperature") }
    if let node = map["json-schema"] { config.jsonSchema = try bool(node, at: "model.json-schema") }
    if let node = map["cache"] { config.cache = try bool(node, at: "model.cache") }
    if config.provider == .command, config.command.isEmpty {
      throw error(node, "sets `provider: command` without `command`", fix: "add `command: [program, args...]`")
    }
    return config
  }

  private func bounded(_ node: Node, _ place: String, _ range: ClosedRange<Int>) throws -> Int {
    let value = try int(node, at: place)
    guard range.contains(value) else {
      throw error(node, "has `\(place)` \(value)", fix: "use a number from \(range.lowerBound) to \(range.upperBound)")
    }
    return value
  }

  private func seconds(_ node: Node, _ place: String) throws -> TimeInterval {
    let value = try double(node, at: place)
    guard value > 0, value <= 86400 else {
      throw error(node, "has `\(place)` \(value)", fix: "give a number of seconds above 0")
    }
    return value
  }
}
