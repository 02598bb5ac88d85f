import Foundation
import PaddockGit

/// A git repository built on the fly in a temporary folder, with the git CLI.
///
/// Dates advance by one minute per commit so ids are reproducible; identities
/// and trailers are whatever the test says.
package final class TestRepository {
  package let path: String
  package let home: String
  private let root: String
  private var clock: Int = 1_700_000_000
  package var environment: [String: String]

  package struct Identity: Sendable {
    package var name: String
    package var email: String
    package init(_ name: String, _ email: String) {
      self.name = name
      self.email = email
    }
    package static let human = Identity("Ada Lovelace", "ada@example.com")
  }

  /// Creates an empty repository on branch `main` (bare when asked).
  package init(bare: Bool = false, name: String = "repo") throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("paddock-test-\(UUID().uuidString)").path
    home = root + "/home"
    path = root + "/" + name
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    environment = ProcessRunner.isolatedEnvironment(home: home)
    try git(["init", "-q", "-b", "main"] + (bare ? ["--bare"] : []))
  }

  /// Wraps an existing directory (a clone made by `git clone`), sharing this repository's home.
  package init(existing path: String, home: String) {
    root = ""
    self.home = home
    self.path = path
    environment = ProcessRunner.isolatedEnvironment(home: home)
  }

  deinit {
    if !root.isEmpty { try? FileManager.default.removeItem(atPath: root) }
  }

  /// A sibling folder under the same temporary root (for clones and worktrees).
  package func siblingPath(_ name: String) -> String { root + "/" + name }

  /// Runs git in the repository and returns its stdout; throws on a non-zero exit.
  @discardableResult
  package func git(_ arguments: [String], input: [UInt8]? = nil, extraEnvironment: [String: String] = [:]) throws
    -> String
  {
    let result = try gitResult(arguments, input: input, extraEnvironment: extraEnvironment)
    guard result.status == 0 else {
      throw TestFailure("git \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.err)")
    }
    return result.out
  }

  /// Runs git and returns the whole result, whatever the exit status.
  package func gitResult(_ arguments: [String], input: [UInt8]? = nil, extraEnvironment: [String: String] = [:]) throws
    -> ProcessResult
  {
    guard let git = ProcessRunner.which("git") else { throw TestFailure("git is not installed") }
    return try ProcessRunner.run(
      git, arguments, in: path, environment: environment.merging(extraEnvironment) { $1 }, input: input)
  }

  /// Writes a file (creating folders) in the working tree.
  package func write(_ relativePath: String, _ content: String) throws {
    try write(bytesPath: Array(relativePath.utf8), Array(content.utf8))
  }

  /// Writes raw bytes at a raw byte path, for names and contents that are not UTF-8.
  package func write(bytesPath: [UInt8], _ content: [UInt8]) throws {
    let full = Array(path.utf8) + [UInt8(ascii: "/")] + bytesPath
    if let slash = full.lastIndex(of: UInt8(ascii: "/")) {
      let directory = String(decoding: full[..<slash], as: UTF8.self)
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }
    let cPath = full.map { CChar(bitPattern: $0) } + [0]
    guard let file = fopen(cPath, "wb") else {
      throw TestFailure("cannot write \(String(decoding: bytesPath, as: UTF8.self))")
    }
    _ = content.withUnsafeBytes { fwrite($0.baseAddress, 1, content.count, file) }
    fclose(file)
  }

  /// Moves the commit clock forward (for histories spread over weeks and months).
  package func advanceClock(days: Int) { clock += days * 86_400 }

  /// Stages everything and commits; returns the new commit id.
  @discardableResult
  package func commit(
    _ message: String, author: Identity = .human, committer: Identity? = nil, allowEmpty: Bool = false
  ) throws -> String {
    try git(["add", "-A"])
    clock += 60
    let committer = committer ?? author
    let environment = [
      "GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email, "GIT_AUTHOR_DATE": "@\(clock) +0000",
      "GIT_COMMITTER_NAME": committer.name, "GIT_COMMITTER_EMAIL": committer.email,
      "GIT_COMMITTER_DATE": "@\(clock) +0000",
    ]
    // The message goes through a file so that every byte (CR, non-UTF-8) survives.
    let messageFile = root + "/message-\(clock)"
    FileManager.default.createFile(atPath: messageFile, contents: Data(message.utf8))
    defer { try? FileManager.default.removeItem(atPath: messageFile) }
    try git(
      ["commit", "-q", "--cleanup=verbatim", "--no-verify", "-F", messageFile] + (allowEmpty ? ["--allow-empty"] : []),
      extraEnvironment: environment)
    return try git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Merges `branch` into the current branch with a merge commit (no fast-forward).
  @discardableResult
  package func merge(_ branch: String, message: String = "Merge", author: Identity = .human) throws -> String {
    clock += 60
    let environment = [
      "GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email, "GIT_AUTHOR_DATE": "@\(clock) +0000",
      "GIT_COMMITTER_NAME": author.name, "GIT_COMMITTER_EMAIL": author.email, "GIT_COMMITTER_DATE": "@\(clock) +0000",
    ]
    try git(["merge", "-q", "--no-ff", "--no-edit", "-m", message, branch], extraEnvironment: environment)
    return try git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// `git rev-parse` of a revision.
  package func revParse(_ revision: String) throws -> String {
    try git(["rev-parse", revision]).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

/// A failure in test set-up, with the command's own words.
package struct TestFailure: Error, CustomStringConvertible {
  package var description: String
  package init(_ description: String) { self.description = description }
}

/// A small deterministic random number generator (SplitMix64), so generated cases repeat.
package struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64
  package init(seed: UInt64) { state = seed }
  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension ObjectID {
  /// A made-up id of one repeated hex digit, for a value that names a commit no repository holds.
  package static func repeating(_ digit: Character) -> ObjectID {
    guard let id = ObjectID(hex: String(repeating: digit, count: 40)) else { preconditionFailure("not a hex digit") }
    return id
  }
}
