import Foundation
import Synchronization

/// A model server stand-in on 127.0.0.1 that plays a script: the n-th request gets the n-th answer (the last one
/// repeats), optionally after a delay. It speaks whatever the answers say: OpenAI-style chat completions, the
/// Messages API, or garbage.
package final class ScriptedModelServer: Sendable {
  package struct Answer: Sendable {
    package var status: Int
    package var headers: [String: String]
    package var body: Data
    /// Seconds to wait before answering (to play a slow server).
    package var delay: TimeInterval

    package init(status: Int = 200, headers: [String: String] = [:], body: Data, delay: TimeInterval = 0) {
      self.status = status
      self.headers = headers
      self.body = body
      self.delay = delay
    }

    /// An OpenAI chat completion whose message is `content`.
    package static func chat(
      _ content: String, finish: String = "stop", promptTokens: Int = 100, completionTokens: Int = 20
    )
      -> Answer
    {
      let object: [String: Any] = [
        "id": "chatcmpl-test", "object": "chat.completion", "model": "stub",
        "choices": [["index": 0, "finish_reason": finish, "message": ["role": "assistant", "content": content]]],
        "usage": ["prompt_tokens": promptTokens, "completion_tokens": completionTokens],
      ]
      return Answer(
        headers: ["Content-Type": "application/json"],
        body: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())
    }

    /// A chat completion carrying `findings` as the answer's JSON.
    package static func findings(_ findings: [[String: Any]]) -> Answer {
      let content = (try? JSONSerialization.data(withJSONObject: ["findings": findings])) ?? Data()
      return chat(String(decoding: content, as: UTF8.self))
    }

    /// An error status with a small JSON body.
    package static func failure(_ status: Int, headers: [String: String] = [:]) -> Answer {
      Answer(status: status, headers: headers, body: Data(#"{"error":{"message":"stub failure"}}"#.utf8))
    }
  }

  private let server: MockHTTPServer

  /// Arrival times, shared with the server's thread.
  private final class Arrivals: Sendable {
    let times = Mutex<[Date]>([])
  }

  package init(_ script: [Answer]) throws {
    let answers = script
    let served = Arrivals()
    server = try MockHTTPServer { [served] _ in
      let index = served.times.withLock { times in
        times.append(Date())
        return times.count - 1
      }
      let answer = answers.isEmpty ? Answer.failure(500) : answers[min(index, answers.count - 1)]
      if answer.delay > 0 { Thread.sleep(forTimeInterval: answer.delay) }
      return (answer.status, answer.headers, answer.body)
    }
    self.servedTimes = served
  }

  private let servedTimes: Arrivals

  package var url: String { server.url }
  package var requests: [RecordedRequest] { server.requests }
  /// When each request arrived.
  package var arrivals: [Date] { servedTimes.times.withLock { $0 } }

  /// The JSON body of the n-th request.
  package func body(_ index: Int) -> [String: Any]? {
    let requests = server.requests
    guard index < requests.count else { return nil }
    return requests[index].json as? [String: Any]
  }

  /// All the text of the n-th request's messages.
  package func prompt(_ index: Int) -> String {
    guard let body = body(index) else { return "" }
    var text = (body["system"] as? String) ?? ""
    for message in body["messages"] as? [[String: Any]] ?? [] { text += "\n" + ((message["content"] as? String) ?? "") }
    return text
  }

  package func stop() { server.stop() }
}
