import Foundation
import PaddockCore
import PaddockNet

/// Anthropic's Messages API, `POST /v1/messages`. The schema travels in the system prompt.
package struct AnthropicProvider: ModelProvider {
  package var endpoint: URL
  package var model: String
  var key: String
  var keyVariable: String?
  var http: ModelHTTP

  package init(
    endpoint: URL, model: String, key: String, keyVariable: String? = nil, transport: any HTTPTransport,
    retry: RetryPolicy = RetryPolicy(), timeout: TimeInterval = 120
  ) {
    self.endpoint = endpoint
    self.model = model
    self.key = key
    self.keyVariable = keyVariable
    self.http = ModelHTTP(transport: transport, retry: retry, timeout: timeout)
  }

  var url: URL {
    endpoint.path.hasSuffix("/messages") ? endpoint : endpoint.appendingPathComponent("v1/messages")
  }

  package func complete(_ request: ModelRequest, deadline: Date) throws(ModelError) -> ModelReply {
    let body = MessagesRequest(
      model: model, maxTokens: request.maxTokens, temperature: request.temperature,
      system: request.system + "\n\nThe answer's JSON schema: " + request.schema,
      messages: request.messages.map { MessagesRequest.Message(role: $0.role.rawValue, content: $0.content) })
    let headers = ["x-api-key": key, "anthropic-version": "2023-06-01"]
    let (response, attempts) = try http.post(url, headers: headers, body: body, deadline: deadline)
    guard (200..<300).contains(response.status) else {
      throw describeFailure(response, server: url.absoluteString, keyVariable: keyVariable, attempts: attempts)
    }
    guard let answer = ModelHTTP.decode(MessagesResponse.self, from: response.body) else {
      throw .notTheAPI(server: url.absoluteString, missing: "content", api: "the Messages API", attempts: attempts)
    }
    return ModelReply(
      text: answer.content.compactMap { $0.type == "text" ? $0.text : nil }.joined(),
      truncated: answer.stopReason == "max_tokens", promptTokens: answer.usage?.inputTokens,
      completionTokens: answer.usage?.outputTokens, attempts: attempts)
  }
}

extension AnthropicProvider {
  /// The body of `POST /v1/messages`.
  struct MessagesRequest: Encodable {
    struct Message: Encodable {
      var role: String
      var content: String
    }

    var model: String
    var maxTokens: Int
    var temperature: Double
    var system: String
    var messages: [Message]

    private enum CodingKeys: String, CodingKey {
      case model, temperature, system, messages
      case maxTokens = "max_tokens"
    }
  }

  /// What Paddock reads of the answer.
  struct MessagesResponse: Decodable {
    struct Block: Decodable {
      var type: String
      var text: String?
    }

    struct Usage: Decodable {
      var inputTokens: Int?
      var outputTokens: Int?
      private enum CodingKeys: String, CodingKey {
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
      }
    }

    var content: [Block]
    var stopReason: String?
    var usage: Usage?

    private enum CodingKeys: String, CodingKey {
      case content, usage
      case stopReason = "stop_reason"
    }
  }
}
