import Foundation

/// Posts JSON to a model server with the retry policy, counting every attempt, never past the deadline.
struct ModelHTTP: Sendable {
  var transport: any HTTPTransport
  var retry: RetryPolicy
  var timeout: TimeInterval

  func post(_ url: URL, headers: [String: String], body: [String: Any], deadline: Date) throws(ModelError) -> (
    HTTPResponse, Int
  ) {
    let data: Data
    do {
      data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
    } catch {
      throw ModelError("could not encode the request: \(error)")
    }
    var request = HTTPRequest(
      method: "POST", url: url, headers: headers.merging(["content-type": "application/json"]) { $1 }, body: data)
    var attempts = 0
    do {
      let response = try retry.send(request, deadline: deadline) { sending, left in
        attempts += 1
        var copy = sending
        copy.timeout = min(timeout, max(0.5, left ?? timeout))
        return try transport.send(copy)
      }
      request.body = nil
      return (response, attempts)
    } catch {
      let server = "\(url.scheme ?? "http")://\(url.host ?? "")\(url.port.map { ":\($0)" } ?? "")"
      if deadline.timeIntervalSinceNow <= 0 {
        throw ModelError(
          "the model server \(server) did not answer before the deadline (\(error)); raise model.timeout or "
            + "model.deadline, or use a faster model", attempts: attempts)
      }
      throw ModelError(
        "the model server \(server) could not be reached: \(error); check it is running and model.endpoint is right",
        attempts: attempts)
    }
  }

  static func json(_ data: Data) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
  }
}

/// Any OpenAI-compatible `POST /v1/chat/completions`: OpenAI, vLLM, llama.cpp's server, Ollama, LM Studio.
public struct OpenAIProvider: ModelProvider {
  public var endpoint: URL
  public var model: String
  var key: String?
  /// Where the key came from, for the hint on a refused request.
  var keyVariable: String?
  var http: ModelHTTP
  /// Ask for `response_format: json_schema`; on a 400 answer Paddock falls back to `json_object` once.
  public var jsonSchema: Bool

  public init(
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

  public func complete(_ request: ModelRequest, deadline: Date) throws(ModelError) -> ModelReply {
    var messages: [[String: Any]] = [["role": "system", "content": request.system]]
    messages += request.messages.map { ["role": $0.role.rawValue, "content": $0.content] }
    var body: [String: Any] = [
      "model": model, "messages": messages, "temperature": request.temperature, "max_tokens": request.maxTokens,
    ]
    if Self.isLocal(endpoint) {
      // llama.cpp: with its prompt cache on, identical requests can get different answers.
      body["cache_prompt"] = false
    }
    let schema = (try? JSONSerialization.jsonObject(with: Data(request.schema.utf8))) ?? [:]
    body["response_format"] =
      jsonSchema
      ? ["type": "json_schema", "json_schema": ["name": "paddock_review", "schema": schema]]
      : ["type": "json_object"]
    var headers: [String: String] = [:]
    if let key { headers["authorization"] = "Bearer \(key)" }
    var (response, attempts) = try http.post(url, headers: headers, body: body, deadline: deadline)
    if response.status == 400, jsonSchema {
      // A server that does not take schemas still gets JSON with json_object; the schema is in the prompt too.
      body["response_format"] = ["type": "json_object"]
      let (again, more) = try http.post(url, headers: headers, body: body, deadline: deadline)
      response = again
      attempts += more
    }
    guard (200..<300).contains(response.status) else {
      throw describeFailure(response, server: url.absoluteString, keyVariable: keyVariable, attempts: attempts)
    }
    guard let json = ModelHTTP.json(response.body), let choices = json["choices"] as? [[String: Any]],
      let first = choices.first
    else {
      throw ModelError(
        "\(url.absoluteString) answered without `choices`: not an OpenAI-compatible server?", attempts: attempts)
    }
    let message = first["message"] as? [String: Any]
    let text = message?["content"] as? String ?? ""
    let finish = first["finish_reason"] as? String
    let usage = json["usage"] as? [String: Any]
    return ModelReply(
      text: text, truncated: finish == "length", promptTokens: usage?["prompt_tokens"] as? Int,
      completionTokens: usage?["completion_tokens"] as? Int, attempts: attempts)
  }
}

/// Anthropic's Messages API, `POST /v1/messages`. The schema travels in the system prompt.
public struct AnthropicProvider: ModelProvider {
  public var endpoint: URL
  public var model: String
  var key: String
  var keyVariable: String?
  var http: ModelHTTP

  public init(
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

  public func complete(_ request: ModelRequest, deadline: Date) throws(ModelError) -> ModelReply {
    let body: [String: Any] = [
      "model": model, "max_tokens": request.maxTokens, "temperature": request.temperature,
      "system": request.system + "\n\nThe answer's JSON schema: " + request.schema,
      "messages": request.messages.map { ["role": $0.role.rawValue, "content": $0.content] },
    ]
    let headers = ["x-api-key": key, "anthropic-version": "2023-06-01"]
    let (response, attempts) = try http.post(url, headers: headers, body: body, deadline: deadline)
    guard (200..<300).contains(response.status) else {
      throw describeFailure(response, server: url.absoluteString, keyVariable: keyVariable, attempts: attempts)
    }
    guard let json = ModelHTTP.json(response.body), let content = json["content"] as? [[String: Any]] else {
      throw ModelError("\(url.absoluteString) answered without `content`: not the Messages API?", attempts: attempts)
    }
    let text = content.compactMap { $0["type"] as? String == "text" ? $0["text"] as? String : nil }.joined()
    let usage = json["usage"] as? [String: Any]
    return ModelReply(
      text: text, truncated: json["stop_reason"] as? String == "max_tokens",
      promptTokens: usage?["input_tokens"] as? Int, completionTokens: usage?["output_tokens"] as? Int,
      attempts: attempts)
  }
}
