import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Faults around Paddock's caches and its model server: runs at the same time, runs cut short, a full disk, and a
/// server that never answers. Whatever happens, the next run gives the same answer as a run without any cache.
@Suite struct FaultTests {
  /// A history of `count` commits on `main`, written with `git fast-import` (a commit each editing two files).
  static func history(commits count: Int) throws -> TestRepository {
    let repository = try TestRepository()
    var stream = ""
    for index in 0..<count {
      let message = "Change \(index)" + (index % 3 == 0 ? ReportEndToEndTests.claude : "\n")
      let time = 1_700_000_000 + index * 3600
      stream += "commit refs/heads/main\nauthor A <a@example.com> \(time) +0000\n"
      stream += "committer A <a@example.com> \(time) +0000\ndata \(message.utf8.count)\n\(message)"
      for file in [index % 7, (index * 3) % 11] {
        let lines = (0...(index % 5)).map { "line \($0) of change \(index)" }.joined(separator: "\n") + "\n"
        stream += "M 100644 inline src/f\(file).py\ndata \(lines.utf8.count)\n\(lines)"
      }
      stream += "\n"
    }
    try repository.git(["fast-import", "--quiet"], input: Array(stream.utf8))
    try repository.git(["reset", "-q", "--hard", "main"])
    return repository
  }

  static func cacheDirectory(_ repository: TestRepository) -> String { repository.path + "/.git/paddock/report-cache" }

  /// Starts paddock without waiting for it.
  static func start(_ arguments: [String], in repository: TestRepository, input: String? = nil) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: PaddockBinary.path)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: repository.path)
    process.environment = repository.environment.merging(["NO_COLOR": "1"]) { $1 }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    if let input {
      let pipe = Pipe()
      process.standardInput = pipe
      try process.run()
      pipe.fileHandleForWriting.write(Data(input.utf8))
      try pipe.fileHandleForWriting.close()
    } else {
      try process.run()
    }
    return process
  }

  /// Two reports at once fill the cache together; afterwards it is whole and serves every commit, and every
  /// answer equals the uncached one.
  @Test func twoReportsAtOnceLeaveAWholeCache() throws {
    let repository = try Self.history(commits: 150)
    let arguments = ["report", "release", "main~120..main", "--format", "json", "--no-progress"]
    let uncached = try repository.paddock(arguments + ["--no-cache"])
    #expect(uncached.status == 0, "\(uncached.err)")
    for _ in 0..<3 {
      try? FileManager.default.removeItem(atPath: Self.cacheDirectory(repository))
      let first = try Self.start(arguments, in: repository)
      let second = try Self.start(arguments, in: repository)
      first.waitUntilExit()
      second.waitUntilExit()
      #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
      let cached = try repository.paddock(arguments + ["--cache-stats"])
      #expect(cached.out == uncached.out)
      #expect(
        cached.err.contains("commits 120 cached, 0 read") && cached.err.contains("damaged files 0"), "\(cached.err)")
    }
  }

  /// Ctrl-C at any moment of a first report: the cache never holds half a record or a temporary file, and the
  /// next report's answer equals the uncached one. The signal lands at a different point on each round.
  @Test func anInterruptedReportLeavesNoPartialCacheEntry() throws {
    let repository = try Self.history(commits: 400)
    let arguments = ["report", "release", "main~350..main", "--format", "json", "--no-progress"]
    let uncached = try repository.paddock(arguments + ["--no-cache"])
    #expect(uncached.status == 0, "\(uncached.err)")
    var interrupted = 0
    for delay in [0.05, 0.2, 0.4, 0.8, 1.2, 2.0] {
      try? FileManager.default.removeItem(atPath: Self.cacheDirectory(repository))
      let run = try Self.start(arguments, in: repository)
      Thread.sleep(forTimeInterval: delay)
      kill(run.processIdentifier, SIGINT)
      run.waitUntilExit()
      if run.terminationReason == .uncaughtSignal { interrupted += 1 }
      let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: Self.cacheDirectory(repository))) ?? []
      #expect(leftovers.allSatisfy { !$0.contains(".tmp") }, "delay \(delay): \(leftovers)")
      let next = try repository.paddock(arguments + ["--cache-stats"])
      #expect(next.err.contains("damaged files 0"), "delay \(delay): \(next.err)")
      #expect(next.out == uncached.out, "delay \(delay)")
    }
    #expect(interrupted > 0, "no run was interrupted: the history is too small to catch one")
  }

  /// A full disk (the cache file is /dev/full, where every write fails with ENOSPC): the report is still right,
  /// a warning says the cache could not be written, and the cache file is not left with half a record.
  @Test func aFullDiskCostsOnlyTheCache() throws {
    let repository = try Self.history(commits: 40)
    let arguments = ["report", "release", "main~30..main", "--format", "json", "--no-progress"]
    #expect(try repository.paddock(arguments).status == 0)
    let commits = Self.cacheDirectory(repository) + "/commits"
    try FileManager.default.removeItem(atPath: commits)
    try FileManager.default.createSymbolicLink(atPath: commits, withDestinationPath: "/dev/full")
    let full = try repository.paddock(arguments + ["--cache-stats"])
    #expect(full.status == 0, "\(full.err)")
    #expect(full.err.contains("could not write the report cache"), "\(full.err)")
    #expect(full.out == (try repository.paddock(arguments + ["--no-cache"])).out)
  }

  /// Runs paddock with stdout and stderr sent where asked (`nil`: a file the result reads back) and stdin from
  /// `input`; returns the exit status and what was read back.
  static func run(
    _ arguments: [String], in repository: TestRepository, stdout: String?, stderr: String?, input: String = "",
    environment: [String: String] = [:]
  ) throws -> (status: Int32, out: String, err: String) {
    let scratch = repository.siblingPath("streams-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    let paths = (out: stdout ?? scratch + "/out", err: stderr ?? scratch + "/err", in: scratch + "/in")
    for path in [paths.out, paths.err] where !FileManager.default.fileExists(atPath: path) {
      FileManager.default.createFile(atPath: path, contents: nil)
    }
    FileManager.default.createFile(atPath: paths.in, contents: Data(input.utf8))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: PaddockBinary.path)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: repository.path)
    process.environment = repository.environment.merging(environment.merging(["NO_COLOR": "1"]) { $1 }) { $1 }
    process.standardOutput = try #require(FileHandle(forWritingAtPath: paths.out))
    process.standardError = try #require(FileHandle(forWritingAtPath: paths.err))
    process.standardInput = try #require(FileHandle(forReadingAtPath: paths.in))
    try process.run()
    process.waitUntilExit()
    let read = { (path: String, given: String?) in
      given == nil ? String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) : ""
    }
    return (process.terminationStatus, read(paths.out, stdout), read(paths.err, stderr))
  }

  /// Output to a full device is an error with exit code 2, never a crash (SIGILL, 132, from a `try!` in
  /// Foundation's FileHandle): stdout of a review, a report and the rule list, stderr of the pre-push hook, and a
  /// full `$GITHUB_STEP_SUMMARY`.
  @Test func aFullOutputIsAnErrorNotACrash() throws {
    let repository = try ReviewEndToEndTests.repository(
      branch: "ai", message: "Add settings" + ReviewEndToEndTests.claude)
    for arguments in [
      ["review", "main..ai"], ["review", "main..ai", "--format", "json"], ["report", "snapshot", "--no-progress"],
      ["rules", "list"],
    ] {
      let result = try Self.run(arguments, in: repository, stdout: "/dev/full", stderr: nil)
      #expect(result.status == 2, "\(arguments): \(result.err)")
      #expect(result.err.contains("cannot write to standard output: No space left on device"), "\(result.err)")
    }

    let main = try repository.revParse("main")
    let ai = try repository.revParse("ai")
    let hook = try Self.run(
      ["hook", "pre-push", "origin", "/nowhere"], in: repository, stdout: nil, stderr: "/dev/full",
      input: "refs/heads/ai \(ai) refs/heads/ai \(main)\n")
    #expect(hook.status == 2, "the hook's report could not be shown: \(hook.out)")

    let summary = try Self.run(
      ["review", "main..ai", "--format", "github"], in: repository, stdout: nil, stderr: nil,
      environment: ["GITHUB_STEP_SUMMARY": "/dev/full"])
    #expect(summary.status == 2, "\(summary.err)")
    #expect(summary.err.contains("cannot write to /dev/full: No space left on device"), "\(summary.err)")
    #expect(summary.out.contains("::error"), "the annotations were written before the summary failed")

    // Standard input that cannot be read (a directory) is an error too.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "'\(PaddockBinary.path)' hook pre-push origin /nowhere < / 2>&1"]
    process.currentDirectoryURL = URL(fileURLWithPath: repository.path)
    process.environment = repository.environment
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let said = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 2, "\(said)")
    #expect(said.contains("cannot read standard input: Is a directory"), "\(said)")
  }

  /// Two pre-push hooks at once, both asking a model: both finish with the same verdict, the model cache holds
  /// only whole entries, and a third run is answered from it without a request.
  @Test func twoHooksAtOnceShareTheModelCache() throws {
    let server = try ScriptedModelServer([.findings([ModelReviewEndToEndTests.lookupFinding])])
    let repository = try ModelReviewEndToEndTests.repository(endpoint: server.url)
    let main = try repository.revParse("main")
    let head = try repository.revParse("ai")
    let input = "refs/heads/ai \(head) refs/heads/ai \(main)\n"
    let hooks = try (0..<2).map { _ in
      try Self.start(["hook", "pre-push", "origin", "/nowhere"], in: repository, input: input)
    }
    for hook in hooks { hook.waitUntilExit() }
    #expect(hooks.map(\.terminationStatus) == [0, 0], "the model's finding warns in both pushes")
    let cache = repository.path + "/.git/paddock/model-cache"
    let entries = FileManager.default.enumerator(atPath: cache)?.allObjects as? [String] ?? []
    #expect(!entries.isEmpty && entries.allSatisfy { !$0.hasSuffix(".tmp") }, "\(entries)")
    for entry in entries where entry.hasSuffix(".json") {
      let data = try #require(FileManager.default.contents(atPath: cache + "/" + entry))
      #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(entry) is not whole JSON")
    }
    let before = server.requests.count
    let third = try ModelReviewEndToEndTests.review(repository)
    #expect(third.status == 0 && third.verdict == "warn", "\(third.verdict)")
    #expect(server.requests.count == before, "the third run asked the model again")
  }
}
