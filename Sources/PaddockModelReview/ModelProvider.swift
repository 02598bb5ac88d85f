import Foundation
import PaddockCore
import PaddockNet

/// A language model that answers one request. Implementations: `OpenAIProvider`, `AnthropicProvider`,
/// `CommandProvider`.
package protocol ModelProvider: Sendable {
  /// Sends one request (retrying as its configuration says, never past `deadline`) and returns the answer.
  func complete(_ request: ModelRequest, deadline: Date) throws(ModelError) -> ModelReply
}

/// A model's answer to one request.
package struct ModelReply: Sendable, Hashable {
  package var text: String
  /// The model stopped because it ran out of tokens: the text is cut short and is not used.
  package var truncated: Bool
  /// Tokens as the server counted them; nil when it did not say.
  package var promptTokens: Int?
  package var completionTokens: Int?
  /// HTTP requests (or program runs) it took, retries included.
  package var attempts: Int

  package init(text: String, truncated: Bool, promptTokens: Int? = nil, completionTokens: Int? = nil, attempts: Int = 1)
  {
    self.text = text
    self.truncated = truncated
    self.promptTokens = promptTokens
    self.completionTokens = completionTokens
    self.attempts = attempts
  }
}

extension ModelConfig {
  /// The provider this configuration describes, reading its key from `environment`.
  package func makeProvider(environment: [String: String], transport: (any HTTPTransport)? = nil) throws(ModelError)
    -> any ModelProvider
  {
    let key = keyVariable.flatMap { environment[$0] }.flatMap { $0.isEmpty ? nil : $0 }
    let http = transport ?? CurlTransport(timeout: timeout, retry: RetryPolicy(attempts: 1))
    let retry = RetryPolicy(attempts: attempts, maxDelay: min(30, timeout))
    switch provider {
    case .openai:
      guard let url = URL(string: baseURL) else {
        throw ModelError.misconfigured(problem: "model.endpoint `\(baseURL)` is not a URL")
      }
      if key == nil, !OpenAIProvider.isLocal(url) {
        throw ModelError.misconfigured(
          problem: "model review needs an API key for \(baseURL): set \(keyVariable ?? "OPENAI_API_KEY"), or point "
            + "model.endpoint at a local server (scripts/local-model serve)")
      }
      return OpenAIProvider(
        endpoint: url, model: name ?? "default", key: key, keyVariable: keyVariable, transport: http, retry: retry,
        timeout: timeout,
        jsonSchema: jsonSchema)
    case .anthropic:
      guard let url = URL(string: baseURL) else {
        throw ModelError.misconfigured(problem: "model.endpoint `\(baseURL)` is not a URL")
      }
      guard let key else {
        throw ModelError.misconfigured(
          problem: "model review with Anthropic needs an API key: set \(keyVariable ?? "ANTHROPIC_API_KEY")")
      }
      guard let name else {
        throw ModelError.misconfigured(
          problem: "model review with Anthropic needs a model: set model.name or pass --model")
      }
      return AnthropicProvider(
        endpoint: url, model: name, key: key, keyVariable: keyVariable, transport: http, retry: retry, timeout: timeout)
    case .command:
      return CommandProvider(arguments: command, timeout: timeout, environment: environment)
    }
  }
}

/// Turns an HTTP failure into a `ModelError` that says what to check.
func describeFailure(_ response: HTTPResponse, server: String, keyVariable: String?, attempts: Int) -> ModelError {
  let body = String(decoding: response.body.prefix(300), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
  let hint: String
  switch response.status {
  case 401, 403: hint = "check the key in \(keyVariable.map { "$\($0)" } ?? "the configured variable")"
  case 404: hint = "check model.endpoint and model.name"
  case 429: hint = "the server is rate-limiting; lower model.concurrency or try later"
  case 500...599: hint = "the server failed; check its logs or try later"
  default: hint = "check model.endpoint, model.name and the server's logs"
  }
  return .refused(server: server, status: response.status, body: body, hint: hint, attempts: attempts)
}
