import Foundation
import PaddockCore
import PaddockNet
import PaddockSupport

/// Runs a program for each request: the prompt on its standard input, the JSON answer on its standard output. Any
/// command-line agent fits (`claude -p`, `codex exec`, `llm`, a script). The answer's schema is also in
/// `$PADDOCK_RESPONSE_SCHEMA`. Output such as Claude Code's `--output-format json` wrapper (`{"result": "..."}`)
/// is unwrapped.
///
/// The program runs in a process group of its own with default signals (`ChildProcess`); at `model.timeout`, on
/// Ctrl-C or SIGTERM, and past `outputLimit` of output, the whole group is stopped, so nothing it started is left
/// running.
package struct CommandProvider: ModelProvider {
  /// The most standard output read from the program; more fails the request.
  package static let outputLimit = 16 << 20

  package var arguments: [String]
  package var timeout: TimeInterval
  var environment: [String: String]

  package init(arguments: [String], timeout: TimeInterval, environment: [String: String]) {
    self.arguments = arguments
    self.timeout = timeout
    self.environment = environment
  }

  package func complete(_ request: ModelRequest, deadline: Date) throws(ModelError) -> ModelReply {
    guard let program = arguments.first else { throw ModelError.command(program: "", failure: .empty) }
    let limit = min(timeout, deadline.timeIntervalSinceNow)
    guard limit > 0 else { throw ModelError.command(program: program, failure: .notStartedPastDeadline) }
    var environment = self.environment
    environment["PADDOCK_RESPONSE_SCHEMA"] = request.schema
    let result: ChildProcess.Result
    do {
      result = try ChildProcess.run(
        "/usr/bin/env", arguments: arguments, environment: environment, input: Array(request.plainText.utf8),
        timeout: limit, outputLimit: Self.outputLimit)
    } catch {
      throw ModelError.command(program: program, failure: .cannotRun(reason: "\(error)"))
    }
    let tail = String(decoding: result.errorTail.suffix(400), as: UTF8.self).trimmingBlanks()
    switch result.ending {
    case .timedOut:
      throw ModelError.command(program: program, failure: .timedOut(seconds: Int(limit)))
    case .outputTooLarge:
      throw ModelError.command(program: program, failure: .printedTooMuch(mebibytes: Self.outputLimit >> 20))
    case .signalled(let signal):
      throw ModelError.command(program: program, failure: .signalled(signal, stderr: tail))
    case .exited(let status) where status != 0:
      throw ModelError.command(program: program, failure: .exited(status, stderr: tail))
    case .exited:
      break
    }
    let out = Data(result.output)
    var text = String(decoding: out, as: UTF8.self)
    if let wrapper = ModelHTTP.decode(Wrapper.self, from: out), wrapper.findings == nil { text = wrapper.result }
    return ModelReply(text: text, truncated: false, attempts: 1)
  }
}

extension CommandProvider {
  /// A command-line agent's JSON wrapper around the answer (Claude Code's `--output-format json`): `result` holds
  /// the answer's text. An answer that is itself the review (it has `findings`) is not a wrapper.
  struct Wrapper: Decodable {
    var result: String
    var findings: JSONValue?
  }
}
