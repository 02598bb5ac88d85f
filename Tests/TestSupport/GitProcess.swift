import Foundation
import PaddockCore

/// Runs a program to completion with stdout and stderr captured in files, so a
/// large output never fills a pipe and deadlocks the wait.
package struct ProcessResult: Sendable {
  package var status: Int32
  package var stdout: [UInt8]
  package var stderr: [UInt8]
  package var out: String { String(decoding: stdout, as: UTF8.self) }
  package var err: String { String(decoding: stderr, as: UTF8.self) }
}

package enum ProcessRunner {
  /// The variables AI agents set in their shells, which Paddock's prepare-commit-msg hook reads.
  package static let sessionVariables = Set(SessionVariable.builtin.map(\.variable))

  /// The environment every git invocation in tests gets: no user or system configuration.
  package static func isolatedEnvironment(home: String) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    for key in environment.keys where key.hasPrefix("GIT_") || key == "NO_COLOR" { environment[key] = nil }
    // Tests may run inside an AI agent's shell: its session variables would make hooks add trailers.
    for key in environment.keys where sessionVariables.contains(key) {
      environment[key] = nil
    }
    environment["HOME"] = home
    environment["XDG_CONFIG_HOME"] = home + "/.config"
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["LC_ALL"] = "C"
    environment["TZ"] = "UTC"
    return environment
  }

  package static func run(
    _ executable: String, _ arguments: [String], in directory: String, environment: [String: String],
    input: [UInt8]? = nil
  ) throws -> ProcessResult {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("paddock-proc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("out")
    let errURL = scratch.appendingPathComponent("err")
    let inURL = scratch.appendingPathComponent("in")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    FileManager.default.createFile(atPath: inURL.path, contents: Data(input ?? []))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.environment = environment
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    let inHandle = try FileHandle(forReadingFrom: inURL)
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = inHandle
    try process.run()
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    try inHandle.close()
    return ProcessResult(
      status: process.terminationStatus, stdout: Array(try Data(contentsOf: outURL)),
      stderr: Array(try Data(contentsOf: errURL)))
  }

  /// The absolute path of a program on PATH.
  package static func which(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
