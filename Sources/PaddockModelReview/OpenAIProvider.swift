import Foundation
import PaddockCore
import PaddockNet

/// Any OpenAI-compatible `POST /v1/chat/completions`: OpenAI, vLLM, llama.cpp's server, Ollama, LM Studio.
package struct OpenAIProvider: ModelProvider {
  package var endpoint: URL
  package var model: String
  var key: String?
  /// Where the key came from, for the hint on a refused request.
  var keyVariable: String?
  var http: ModelHTTP
  /// Ask for `response_format: json_schema`; on a 400 answer Paddock falls back to `json_object` once.
  package var jsonSchema: Bool

  package init(
    endpoint: URL, model: String, key: String?, keyVariable: String? = nil, transport: any HTTPTransport,
    retry: RetryPolicy = RetryPolicy(), timeout: TimeInterval = 120, jsonSchema: Bool = true
  ) {
    self.endpoint = endpoint
    self.model = model
    self.key = key
    self.keyVariable = keyVariable
    self.http = ModelHTTP(transport: transport, retry: retry, timeout: timeout)
    self.jsonSchema = jsonSchema
  }

  /// Servers on this machine: llama.cpp-only fields are sent only to them (OpenAI rejects unknown fields).
  static func isLocal(_ url: URL) -> Bool {
    ["127.0.0.1", "localhost", "::1", "[::1]"].contains(url.host ?? "")
  }

  var url: URL {
    let path = endpoint.path
    if path.hasSuffix("/chat/completions") { return endpoint }
    if path.hasSuffix("/v1") || path.hasSuffix("/v1/") { return endpoint.appendingPathComponent("chat/completions") }
    return endpoint.appendingPathComponent("v1/chat/completions")
  }

  package func complete(_ request: ModelRequest, deadline: Date) throws(ModelError) -> ModelReply {
    var body = ChatRequest(
      model: model,
      messages: [ChatRequest.Message(role: "system", content: request.system)]
        + request.messages.map { ChatRequest.Message(role: $0.role.rawValue, content: $0.content) },
      temperature: request.temperature, maxTokens: request.maxTokens,
      // llama.cpp: with its prompt cache on, identical requests can get different answers.
      cachePrompt: Self.isLocal(endpoint) ? false : nil,
      responseFormat: jsonSchema
        ? .jsonSchema(name: "paddock_review", schema: JSONValue(parsing: request.schema) ?? .object([:]))
        : .jsonObject)
    var headers: [String: String] = [:]
    if let key { headers["authorization"] = "Bearer \(key)" }
    var (response, attempts) = try http.post(url, headers: headers, body: body, deadline: deadline)
    if response.status == 400, jsonSchema {
      // A server that does not take schemas still gets JSON with json_object; the schema is in the prompt too.
      body.responseFormat = .jsonObject
      let (again, more) = try http.post(url, headers: headers, body: body, deadline: deadline)
      response = again
      attempts += more
    }
    guard (200..<300).contains(response.status) else {
      throw describeFailure(response, server: url.absoluteString, keyVariable: keyVariable, attempts: attempts)
    }
    guard let answer = ModelHTTP.decode(ChatResponse.self, from: response.body), let first = answer.choices.first
    else {
      throw .notTheAPI(
        server: url.absoluteString, missing: "choices", api: "an OpenAI-compatible server", attempts: attempts)
    }
    return ModelReply(
      text: first.message?.content ?? "", truncated: first.finishReason == "length",
      promptTokens: answer.usage?.promptTokens, completionTokens: answer.usage?.completionTokens, attempts: attempts)
  }
}

extension OpenAIProvider {
  /// The body of `POST /v1/chat/completions`.
  struct ChatRequest: Encodable {
    struct Message: Encodable {
      var role: String
      var content: String
    }

    enum ResponseFormat: Encodable {
      case jsonSchema(name: String, schema: JSONValue)
      case jsonObject

      private enum CodingKeys: String, CodingKey { case type, jsonSchema = "json_schema" }
      private struct Schema: Encodable {
        var name: String
        var schema: JSONValue
      }

      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .jsonSchema(let name, let schema):
          try container.encode("json_schema", forKey: .type)
          try container.encode(Schema(name: name, schema: schema), forKey: .jsonSchema)
        case .jsonObject:
          try container.encode("json_object", forKey: .type)
        }
      }
    }

    var model: String
    var messages: [Message]
    var temperature: Double
    var maxTokens: Int
    /// llama.cpp's server only.
    var cachePrompt: Bool?
    var responseFormat: ResponseFormat

    private enum CodingKeys: String, CodingKey {
      case model, messages, temperature
      case maxTokens = "max_tokens"
      case cachePrompt = "cache_prompt"
      case responseFormat = "response_format"
    }
  }

  /// What Paddock reads of the answer; everything else the server sends is ignored.
  struct ChatResponse: Decodable {
    struct Choice: Decodable {
      struct Message: Decodable { var content: String? }
      var message: Message?
      var finishReason: String?
      private enum CodingKeys: String, CodingKey {
        case message
        case finishReason = "finish_reason"
      }
    }

    struct Usage: Decodable {
      var promptTokens: Int?
      var completionTokens: Int?
      private enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
      }
    }

    var choices: [Choice]
    var usage: Usage?
  }
}
