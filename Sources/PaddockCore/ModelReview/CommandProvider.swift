import Foundation
import Synchronization

/// Runs a program for each request: the prompt on its standard input, the JSON answer on its standard output. Any
/// command-line agent fits (`claude -p`, `codex exec`, `llm`, a script). The answer's schema is also in
/// `$PADDOCK_RESPONSE_SCHEMA`. Output such as Claude Code's `--output-format json` wrapper (`{"result": "..."}`)
/// is unwrapped.
public struct CommandProvider: ModelProvider {
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
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    var environment = self.environment
    environment["PADDOCK_RESPONSE_SCHEMA"] = request.schema
    process.environment = environment
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    do {
      try process.run()
    } catch {
      throw ModelError("cannot run `\(program)`: \(error.localizedDescription); check model.command", attempts: 1)
    }
    let collected = Mutex<(out: Data, err: Data)>((Data(), Data()))
    let readers = DispatchGroup()
    let outHandle = output.fileHandleForReading
    let errHandle = errors.fileHandleForReading
    for (handle, isOut) in [(outHandle, true), (errHandle, false)] {
      readers.enter()
      Thread.detachNewThread {
        let data = handle.readDataToEndOfFile()
        collected.withLock { if isOut { $0.out = data } else { $0.err = data } }
        readers.leave()
      }
    }
    let prompt = Data(request.plainText.utf8)
    let inHandle = input.fileHandleForWriting
    Thread.detachNewThread {
      // A program that exits without reading its input makes this write fail; that is its own error to report.
      try? inHandle.write(contentsOf: prompt)
      try? inHandle.close()
    }
    if finished.wait(timeout: .now() + limit) == .timedOut {
      process.terminate()
      if finished.wait(timeout: .now() + 2) == .timedOut { kill(process.processIdentifier, SIGKILL) }
      throw ModelError(
        "`\(program)` gave no answer within \(Int(limit)) s and was stopped; raise model.timeout", attempts: 1)
    }
    _ = readers.wait(timeout: .now() + 5)
    let (out, err) = collected.withLock { ($0.out, $0.err) }
    guard process.terminationStatus == 0 else {
      let tail = String(decoding: err.suffix(400), as: UTF8.self).trimmingBlanks()
      throw ModelError(
        "`\(program)` exited with status \(process.terminationStatus)\(tail.isEmpty ? "" : ": \(tail)")", attempts: 1)
    }
    var text = String(decoding: out, as: UTF8.self)
    if let json = ModelHTTP.json(out), json["findings"] == nil, let result = json["result"] as? String { text = result }
    return ModelReply(text: text, truncated: false, attempts: 1)
  }
}
