import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file descriptor Paddock writes its output to: standard output, standard error, or a file opened for append.
///
/// Written with write(2), so a full disk, `/dev/full` or a closed stream is an `OutputError` that the command turns
/// into exit code 2. Foundation's non-throwing `FileHandle.write(_:)` traps on the same failures.
struct OutputChannel {
  let descriptor: Int32
  /// How errors name the stream: "standard output", or the file's path.
  let name: String

  static let standardOutput = OutputChannel(descriptor: STDOUT_FILENO, name: "standard output")
  static let standardError = OutputChannel(descriptor: STDERR_FILENO, name: "standard error")

  /// Writes all of `text`, retrying short and interrupted writes.
  func write(_ text: String) throws(OutputError) {
    var text = text
    // The errno of the write that failed, or nil when every byte went out.
    let failure: Int32? = text.withUTF8 { bytes in
      guard let base = bytes.baseAddress else { return nil }
      var offset = 0
      while offset < bytes.count {
        let written = systemWrite(descriptor, base + offset, bytes.count - offset)
        if written > 0 {
          offset += written
          continue
        }
        let code = written < 0 ? errno : ENOSPC
        if code == EINTR { continue }
        if code == EAGAIN || code == EWOULDBLOCK {
          // A non-blocking descriptor (a pipe set up by the caller): wait until it takes more.
          var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
          _ = poll(&poller, 1, -1)
          continue
        }
        return code
      }
      return nil
    }
    if let failure { throw OutputError(name: name, code: failure) }
  }

  /// Lends `body` standard output, or (with `path`) the file at `path`, created or emptied, for output written in
  /// pieces; the file is closed afterwards, and a failing close is an error.
  static func writing(to path: String?, _ body: (OutputChannel) throws -> Void) throws {
    guard let path else { return try body(.standardOutput) }
    let descriptor = open(path, O_WRONLY | O_TRUNC | O_CREAT | O_CLOEXEC, 0o644)
    if descriptor < 0 { throw OutputError(name: path, code: errno) }
    // Owned descriptor; closed on return. A failing close (NFS, a full disk) loses data, so it is checked.
    var closed = false
    defer { if !closed { _ = close(descriptor) } }
    try body(OutputChannel(descriptor: descriptor, name: path))
    closed = true
    if close(descriptor) != 0 { throw OutputError(name: path, code: errno) }
  }

  /// Appends `text` to the file at `path`, creating it when missing (such as `$GITHUB_STEP_SUMMARY`).
  static func append(_ text: String, to path: String) throws(OutputError) {
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    if descriptor < 0 { throw OutputError(name: path, code: errno) }
    // Owned descriptor; closed on return. A failing close (NFS, a full disk) loses data, so it is checked.
    var closed = false
    defer { if !closed { _ = close(descriptor) } }
    try OutputChannel(descriptor: descriptor, name: path).write(text)
    closed = true
    if close(descriptor) != 0 { throw OutputError(name: path, code: errno) }
  }
}

/// Output that could not be written, with the system's reason and what to do.
struct OutputError: Error, CustomStringConvertible {
  var name: String
  var code: Int32

  var description: String {
    let reason = String(cString: strerror(code))
    let advice: String
    switch code {
    case ENOSPC, EDQUOT:
      advice = "free space on that device, or send the output elsewhere (`--output FILE` or a redirect)"
    case EPIPE:
      advice = "the reader of the output has gone away; keep it open until Paddock exits"
    case EBADF:
      advice = "the stream is closed; run Paddock with it open"
    default:
      advice = "check that it can be written"
    }
    return "cannot write to \(name): \(reason); \(advice)"
  }
}

/// All of standard input, read with read(2): Foundation's non-throwing `readDataToEndOfFile()` traps when stdin
/// cannot be read (a directory, a closed stream).
func readStandardInput() throws -> [UInt8] {
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 65_536)
  while true {
    let count = buffer.withUnsafeMutableBytes { systemRead(STDIN_FILENO, $0.baseAddress, $0.count) }
    if count > 0 {
      bytes.append(contentsOf: buffer[0..<count])
    } else if count == 0 {
      return bytes
    } else if errno != EINTR {
      throw CLIError.unreadableStandardInput(reason: String(cString: strerror(errno)))
    }
  }
}

/// read(2), named apart from Foundation's methods.
private func systemRead(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.read(descriptor, bytes, count)
  #else
    Darwin.read(descriptor, bytes, count)
  #endif
}

/// write(2), named apart from `OutputChannel.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
  #else
    Darwin.write(descriptor, bytes, count)
  #endif
}

/// Writes text to stdout in one go.
func writeOut(_ text: String) throws(OutputError) {
  try OutputChannel.standardOutput.write(text)
}

/// Writes text to stderr in one go.
func writeError(_ text: String) throws(OutputError) {
  try OutputChannel.standardError.write(text)
}

/// Writes a report to `path` when given (`--output/-o`), else to stdout.
func writeReport(_ text: String, to path: String?) throws {
  if let path { try write(text, to: path) } else { try writeOut(text) }
}
