import Foundation
import PaddockNet
import Synchronization
import Testing

@testable import PaddockCore
@testable import PaddockModelReview

/// The OpenAI and Anthropic wire formats as Paddock writes and reads them, and the typed errors a caller can match.
@Suite struct ModelProviderWireTests {
  /// Answers every request with one canned response, keeping what was sent.
  final class Canned: HTTPTransport, Sendable {
    let responses: Mutex<[HTTPResponse]>
    let sent = Mutex<[HTTPRequest]>([])
    init(_ responses: [HTTPResponse]) { self.responses = Mutex(responses) }

    func send(_ request: HTTPRequest) throws -> HTTPResponse {
      sent.withLock { $0.append(request) }
      return responses.withLock { $0.count > 1 ? $0.removeFirst() : $0[0] }
    }
  }

  static let request = ModelRequest(
    system: "Review.", messages: [ModelRequest.Message(role: .user, content: "diff")],
    schema: #"{"type":"object","properties":{"findings":{"type":"array","minItems":0}}}"#, maxTokens: 256,
    temperature: 0)

  static func body(_ request: HTTPRequest?) throws -> String {
    String(decoding: request?.body ?? Data(), as: UTF8.self)
  }

  @Test func openAIRequestsCarryTheSchemaAndFallBackToJSONObjectOnce() throws {
    let answer =
      #"{"choices":[{"message":{"content":"{\"findings\":[]}"},"finish_reason":"length"}],"usage":{"prompt_tokens":12,"completion_tokens":3}}"#
    let transport = Canned([HTTPResponse(status: 400), HTTPResponse(status: 200, body: Data(answer.utf8))])
    let provider = OpenAIProvider(
      endpoint: URL(string: "https://api.example.com/v1")!, model: "m", key: "k", transport: transport,
      retry: RetryPolicy(attempts: 1))
    let reply = try provider.complete(Self.request, deadline: Date().addingTimeInterval(30))
    #expect(reply.text == #"{"findings":[]}"# && reply.truncated && reply.promptTokens == 12 && reply.attempts == 2)
    let sent = transport.sent.withLock { $0 }
    #expect(sent.count == 2 && sent[0].url.absoluteString == "https://api.example.com/v1/chat/completions")
    #expect(
      try Self.body(sent.first)
        == #"{"max_tokens":256,"messages":[{"content":"Review.","role":"system"},{"content":"diff","role":"user"}],"#
        + #""model":"m","response_format":{"json_schema":{"name":"paddock_review","schema":{"properties":"#
        + #"{"findings":{"minItems":0,"type":"array"}},"type":"object"}},"type":"json_schema"},"temperature":0}"#)
    #expect(try Self.body(sent.last).contains(#""response_format":{"type":"json_object"}"#))
    // Only a server on this machine is sent llama.cpp's cache_prompt.
    #expect(!(try Self.body(sent.first)).contains("cache_prompt"))
  }

  @Test func anthropicRequestsAndAnswers() throws {
    let answer =
      #"{"content":[{"type":"text","text":"{\"findings\":"},{"type":"tool_use"},{"type":"text","text":"[]}"}],"stop_reason":"end_turn","usage":{"input_tokens":9,"output_tokens":4}}"#
    let transport = Canned([HTTPResponse(status: 200, body: Data(answer.utf8))])
    let provider = AnthropicProvider(
      endpoint: URL(string: "https://api.anthropic.example")!, model: "claude-x", key: "k", transport: transport,
      retry: RetryPolicy(attempts: 1))
    let reply = try provider.complete(Self.request, deadline: Date().addingTimeInterval(30))
    #expect(reply.text == #"{"findings":[]}"# && !reply.truncated && reply.completionTokens == 4)
    let body = try Self.body(transport.sent.withLock { $0.first })
    #expect(body.hasPrefix(#"{"max_tokens":256,"messages":[{"content":"diff","role":"user"}],"model":"claude-x","#))
    #expect(body.contains(#"The answer's JSON schema: {"#))
  }

  /// Each failure is a case a caller can match, with the facts it needs, and a message that says what to do.
  @Test func failuresAreTypedCases() throws {
    func failure(_ response: HTTPResponse, anthropic: Bool = false) -> ModelError? {
      let transport = Canned([response])
      let url = URL(string: "http://127.0.0.1:9")!
      do {
        if anthropic {
          _ = try AnthropicProvider(
            endpoint: url, model: "m", key: "k", keyVariable: "MY_KEY", transport: transport,
            retry: RetryPolicy(attempts: 1)
          ).complete(Self.request, deadline: Date().addingTimeInterval(30))
        } else {
          _ = try OpenAIProvider(
            endpoint: url, model: "m", key: "k", keyVariable: "MY_KEY", transport: transport,
            retry: RetryPolicy(attempts: 1)
          ).complete(Self.request, deadline: Date().addingTimeInterval(30))
        }
        return nil
      } catch {
        return error
      }
    }
    let refused = try #require(failure(HTTPResponse(status: 401, body: Data("no".utf8))))
    guard case .refused(_, 401, "no", let hint, 1) = refused else {
      Issue.record("\(refused)")
      return
    }
    #expect(hint.contains("$MY_KEY") && refused.description.contains("answered HTTP 401"))
    let lying = try #require(failure(HTTPResponse(status: 200, body: Data(#"{"choices": "none"}"#.utf8))))
    #expect(
      lying
        == .notTheAPI(
          server: "http://127.0.0.1:9/v1/chat/completions", missing: "choices", api: "an OpenAI-compatible server",
          attempts: 1))
    let notMessages = try #require(failure(HTTPResponse(status: 200, body: Data("[]".utf8)), anthropic: true))
    guard case .notTheAPI(_, "content", _, 1) = notMessages else {
      Issue.record("\(notMessages)")
      return
    }
    let empty = ModelError.command(program: "", failure: .empty)
    #expect(empty.description == "model.command is empty" && empty.attempts == 0)
  }
}
