import Foundation
import PaddockSupport

/// Runs a program for each request: the prompt on its standard input, the JSON answer on its standard output. Any
/// command-line agent fits (`claude -p`, `codex exec`, `llm`, a script). The answer's schema is also in
/// `$PADDOCK_RESPONSE_SCHEMA`. Output such as Claude Code's `--output-format json` wrapper (`{"result": "..."}`)
/// is unwrapped.
///
/// The program runs in a process group of its own with default signals (`ChildProcess`); at `model.timeout`, on
/// Ctrl-C or SIGTERM, and past `outputLimit` of output, the whole group is stopped, so nothing it started is left
/// running.
public struct CommandProvider: ModelProvider {
  /// The most standard output read from the program; more fails the request.
  public static let outputLimit = 16 << 20

  public var arguments: [String]
  public var timeout: TimeInterval
  var environment: [String: String]

  public init(arguments: [String], timeout: TimeInterval, environment: [String: String]) {
    self.arguments = arguments
    self.timeout = timeout
    self.environment = environment
  }

  public func complete(_ request: ModelRequest, deadline: Date) throws(ModelError) -> ModelReply {
    guard let program = arguments.first else { throw ModelError("model.command is empty") }
    let limit = min(timeout, deadline.timeIntervalSinceNow)
    guard limit > 0 else { throw ModelError("`\(program)` not started: the model review's deadline has passed") }
    var environment = self.environment
    environment["PADDOCK_RESPONSE_SCHEMA"] = request.schema
    let result: ChildProcess.Result
    do {
      result = try ChildProcess.run(
        "/usr/bin/env", arguments: arguments, environment: environment, input: Array(request.plainText.utf8),
        timeout: limit, outputLimit: Self.outputLimit)
    } catch {
      throw ModelError("cannot run `\(program)`: \(error); check model.command", attempts: 1)
    }
    let tail = String(decoding: result.errorTail.suffix(400), as: UTF8.self).trimmingBlanks()
    let said = tail.isEmpty ? "" : ": \(tail)"
    switch result.ending {
    case .timedOut:
      throw ModelError(
        "`\(program)` gave no answer within \(Int(limit)) s and was stopped; raise model.timeout", attempts: 1)
    case .outputTooLarge:
      throw ModelError(
        "`\(program)` printed more than \(Self.outputLimit >> 20) MiB and was stopped; make model.command print "
          + "only the answer", attempts: 1)
    case .signalled(let signal):
      throw ModelError("`\(program)` was ended by signal \(signal)\(said)", attempts: 1)
    case .exited(let status) where status != 0:
      throw ModelError("`\(program)` exited with status \(status)\(said)", attempts: 1)
    case .exited:
      break
    }
    let out = Data(result.output)
    var text = String(decoding: out, as: UTF8.self)
    if let json = ModelHTTP.json(out), json["findings"] == nil, let result = json["result"] as? String { text = result }
    return ModelReply(text: text, truncated: false, attempts: 1)
  }
}
