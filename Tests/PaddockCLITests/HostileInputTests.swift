import Foundation
import TestSupport
import Testing

/// Input written to hurt: rules that backtrack without end, lines of megabytes, a hundred thousand files, files that
/// are not what they seem, and repositories Paddock cannot read.
@Suite struct HostileInputTests {
  static let rule = """
    pack: mine
    rules:
      - id: slow
        title: A pattern that backtracks
        severity: error
        pattern: '(a+)+$'
        message: m
        fix: f
        examples:
          fire: ['aaa']
          quiet: ['b']

    """

  /// Each line makes `(a+)+$` try about 2^40 ways in a backtracking engine. Patterns are matched in linear time, so
  /// the rule reads every line to the end: the lines that cannot match do not fire, and the one that can, does.
  @Test func aBacktrackingPatternRunsInLinearTimeAndReadsEveryLine() throws {
    let repository = try TestRepository()
    try repository.write("README.md", "start\n")
    try repository.write("rules/mine.yml", Self.rule)
    try repository.write(".paddock.yml", "version: 1\nrules:\n  files: [rules/mine.yml]\n")
    try repository.commit("Start")
    try repository.git(["checkout", "-q", "-b", "ai"])
    let hostile = (0..<20).map { _ in String(repeating: "a", count: 40) + "!\n" }.joined()
    try repository.write("one.txt", hostile + "aaaa\n")
    try repository.write("two.txt", hostile)
    try repository.commit("Add data" + ReportEndToEndTests.claude)

    let result = try repository.paddock(["review", "main..ai", "--format", "json"])
    #expect(result.status == 1, "\(result.err)")
    let (_, findings, _) = try Self.findings(result.out)
    let slow = findings.filter { $0["rule"] as? String == "slow" }
    #expect(slow.count == 1 && slow.first?["path"] as? String == "one.txt" && slow.first?["line"] as? Int == 21)
    #expect(!findings.contains { ($0["rule"] as? String ?? "").contains("timeout") }, "\(findings)")
  }

  /// A line built to make `azure-sas-token` backtrack (a quadratic search in a backtracking engine, which once spent
  /// the rule's time budget and stopped it for the rest of the file) does not hide a real token on the next line.
  @Test func aCraftedLineCannotStopARule() throws {
    let repository = try TestRepository()
    try repository.write("README.md", "start\n")
    try repository.commit("Start")
    try repository.git(["checkout", "-q", "-b", "ai"])
    // Every `sv=` starts a search that runs to the end of the line and tries each `sig=` on the way.
    let crafted =
      "u = '" + String(repeating: "sv=2022-11-02&sig=" + String(repeating: "A", count: 39) + " ", count: 5_000) + "'"
    let real =
      "URL = 'https://acme.blob.core.windows.net/c/f.csv?sv=2022-11-02&sr=b&sig=m5hmSixZqSjoX9M4tbQpCEG66HrBTzZ1dXUIUag9l11%3D'"
    try repository.write("fetch.py", crafted + "\n" + real + "\n")
    try repository.commit("Add fetch" + ReportEndToEndTests.claude)
    let result = try repository.paddock(["review", "main..ai", "--format", "json"])
    #expect(result.status == 1, "\(result.err)")
    let (_, findings, _) = try Self.findings(result.out)
    let sas = findings.filter { $0["rule"] as? String == "azure-sas-token" }
    #expect(sas.map { $0["line"] as? Int } == [2], "\(findings.map { $0["rule"] ?? "" })")
    #expect(sas.first?["severity"] as? String == "error")
  }

  @Test func linesOfMegabytesAreReviewed() throws {
    let repository = try TestRepository()
    try repository.write("README.md", "start\n")
    try repository.commit("Start")
    try repository.git(["checkout", "-q", "-b", "ai"])
    // A 3 MB minified line that also holds a secret-shaped token at its end, and a 6 MB file over the text limit.
    let long = String(repeating: "x=1;", count: 750_000) + "AKIAIOSFODNN7EXAMPLF\n"
    try repository.write("bundle.min.js", long)
    try repository.write("big.lua", String(repeating: "value = compute(value) + offset\n", count: 500_000))
    try repository.commit("Add bundle" + ReportEndToEndTests.claude)
    let result = try repository.paddock(["review", "main..ai", "--format", "json"])
    #expect(result.status == 1, "\(result.err)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    let findings = json["findings"] as? [[String: Any]] ?? []
    // The key at the end of the 3 MB line is found, and masked in the snippet.
    let key = try #require(findings.first { $0["rule"] as? String == "aws-access-key-id" })
    #expect(key["path"] as? String == "bundle.min.js" && key["line"] as? Int == 1)
    #expect((key["snippet"] as? String)?.contains("AKIAIOSFODNN7EXAMPLF") == false)
    // 500,000 repeated lines are one duplicated span, reported once, not one finding per window.
    let duplicates = findings.filter { $0["rule"] as? String == "duplicate-code" }
    #expect(duplicates.count == 1 && duplicates.first?["path"] as? String == "big.lua", "\(duplicates.count)")
    #expect(duplicates.first?["end_line"] as? Int == 500_000, "\(duplicates.first ?? [:])")
    let attribution = try repository.paddock(["attribute", "main..ai", "--format", "json"])
    #expect(attribution.status == 0, "\(attribution.err)")
  }

  static func findings(_ output: String) throws -> (summary: [String: Any], findings: [[String: Any]], limits: [String])
  {
    let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    return (
      json["summary"] as? [String: Any] ?? [:], json["findings"] as? [[String: Any]] ?? [],
      json["limitations"] as? [String] ?? []
    )
  }

  /// No trailing newline, CRLF, a path with a space and a newline, a symlink, a submodule, a binary file and a Git
  /// LFS pointer, in one AI commit: each secret is found on its line and masked, the pointer and the binary file
  /// add no lines, and a limitation names the pointer.
  @Test func oddFilesAreReviewedForWhatTheyAre() throws {
    let repository = try TestRepository()
    try repository.write("README.md", "start\n")
    try repository.commit("Start")
    try repository.git(["checkout", "-q", "-b", "ai"])
    try repository.write("no-newline.py", "key = \"AKIAIOSFODNN7EXAMPLF\"")
    try repository.write("crlf.py", "a = 1\r\nkey = \"AKIAIOSFODNN7EXAMPLG\"\r\n")
    try repository.write("dir with space/new\nline.py", "key = \"AKIAIOSFODNN7EXAMPLH\"\n")
    try repository.write(
      "model.bin",
      "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n"
    )
    try repository.write(".gitattributes", "*.bin filter=lfs diff=lfs merge=lfs -text\n")
    try repository.write(bytesPath: Array("data.dat".utf8), [0, 1, 2, 0, 255] + Array("AKIAIOSFODNN7EXAMPLK".utf8))
    try FileManager.default.createSymbolicLink(atPath: repository.path + "/link", withDestinationPath: "no-newline.py")
    try repository.git(["add", "-A"])
    try repository.git(["update-index", "--add", "--cacheinfo", "160000,\(String(repeating: "1", count: 40)),sub"])
    try repository.commit("Odd files" + ReportEndToEndTests.claude)

    let result = try repository.paddock(["review", "main..ai", "--format", "json"])
    #expect(result.status == 1, "\(result.err)")
    let (summary, findings, limits) = try Self.findings(result.out)
    let keys = findings.filter { $0["rule"] as? String == "aws-access-key-id" }
    let places = Set(keys.map { "\($0["path"] as? String ?? "?"):\($0["line"] as? Int ?? 0)" })
    #expect(places == ["no-newline.py:1", "crlf.py:2", "dir with space/new\nline.py:1"], "\(places)")
    #expect(keys.allSatisfy { ($0["snippet"] as? String)?.contains("EXAMPL") == false })
    #expect(keys.allSatisfy { ($0["snippet"] as? String)?.contains("\r") == false })
    // Lines: 1 + 2 + 1 + .gitattributes 1 + the link's target 1; the pointer, binary file and submodule add none.
    #expect((summary["lines"] as? [String: Any])?["total"] as? Int == 6, "\(summary)")
    // Seven files; the submodule is not a file of the change.
    #expect(summary["files"] as? Int == 7, "\(summary)")
    #expect(limits.contains { $0.contains("Git LFS pointer (model.bin)") }, "\(limits)")
    // The text format shows the newline in the path as an escape rather than breaking the line.
    let text = try repository.paddock(["review", "main..ai"])
    #expect(text.out.contains("dir with space/new\\u{A}line.py:1"), "\(text.out)")
    let attribution = try repository.paddock(["attribute", "main..ai", "--format", "json"])
    let files = try #require(
      (try JSONSerialization.jsonObject(with: Data(attribution.out.utf8)) as? [String: Any])?["files"]
        as? [[String: Any]])
    let pointer = try #require(files.first { $0["path"] as? String == "model.bin" })
    #expect(pointer["lfs_pointer"] as? Bool == true && pointer["authorship"] as? String == "ai", "\(pointer)")
  }

  /// 100,000 new files in one push (written with `git fast-import`): every file and line is counted and the one
  /// secret among them is found.
  @Test func aHundredThousandFilesInOnePush() throws {
    let repository = try TestRepository()
    try repository.write("README.md", "start\n")
    try repository.commit("Start")
    let count = 100_000
    let secretAt = 54_321
    var stream = ""
    stream.reserveCapacity(count * 120)
    for index in 0..<count {
      let data = index == secretAt ? "key = \"AKIAIOSFODNN7EXAMPLF\"\n" : "value_\(index) = \(index)\n"
      stream += "blob\nmark :\(index + 1)\ndata \(data.utf8.count)\n\(data)\n"
    }
    let message = "Add many files" + ReportEndToEndTests.claude
    stream +=
      "commit refs/heads/ai\nauthor A <a@example.com> 1700000000 +0000\ncommitter A <a@example.com> 1700000000 +0000\n"
      + "data \(message.utf8.count)\n\(message)from refs/heads/main\n"
    for index in 0..<count { stream += "M 100644 :\(index + 1) d\(index % 100)/f\(index).py\n" }
    try repository.git(["fast-import", "--quiet"], input: Array((stream + "\n").utf8))

    let result = try repository.paddock(["review", "main..ai", "--format", "json"])
    #expect(result.status == 1, "\(result.err)")
    let (summary, findings, _) = try Self.findings(result.out)
    #expect(summary["files"] as? Int == count)
    #expect((summary["lines"] as? [String: Any])?["ai"] as? Int == count, "\(summary)")
    let keys = findings.filter { $0["rule"] as? String == "aws-access-key-id" }
    #expect(keys.map { $0["path"] as? String } == ["d21/f54321.py"], "\(keys)")
  }

  /// Repositories and configuration Paddock cannot use: each is an error that says what to do, never a crash or a
  /// review with the defaults.
  @Test func unreadableRepositoriesAndConfigurationSayWhatToDo() throws {
    // SHA-256 object ids: libgit2 1.5 cannot open the repository.
    let sha256 = try TestRepository()
    let sha256Path = sha256.siblingPath("sha256")
    try sha256.git(["init", "-q", "--object-format=sha256", sha256Path])
    let opened = try PaddockBinary.run(["review", "HEAD"], in: sha256Path, environment: sha256.environment)
    #expect(opened.status == 2 && opened.err.contains("SHA-256") && opened.err.contains("libgit2"), "\(opened.err)")

    let repository = try TestRepository()
    try repository.write("README.md", "start\n")
    try repository.commit("Start")
    try repository.git(["checkout", "-q", "-b", "ai"])
    try repository.write("app.py", "print('hello')\n")
    try repository.commit("App" + ReportEndToEndTests.claude)

    // A configuration that is a directory is not silently the defaults.
    try FileManager.default.createDirectory(
      atPath: repository.path + "/.paddock.yml", withIntermediateDirectories: false)
    let directory = try repository.paddock(["review", "main..ai"])
    #expect(directory.status == 2 && directory.err.contains("is a directory"), "\(directory.err)")
    try FileManager.default.removeItem(atPath: repository.path + "/.paddock.yml")

    // Paths that leave the repository, directly or through a link, are refused.
    for (config, problem) in [
      ("rules:\n  files: [/etc/passwd]\n", "outside the repository"),
      ("model:\n  endpoint: http://127.0.0.1:9/v1\n  instructions: ../../../etc/passwd\n", "climbs out"),
      ("rules:\n  files: [escape.yml]\n", "leads out of the repository"),
    ] {
      try repository.write(".paddock.yml", config)
      try? FileManager.default.removeItem(atPath: repository.path + "/escape.yml")
      try FileManager.default.createSymbolicLink(
        atPath: repository.path + "/escape.yml", withDestinationPath: "/etc/passwd")
      let refused = try repository.paddock(["review", "main..ai"])
      #expect(refused.status == 2 && refused.err.contains(problem), "\(config): \(refused.err)")
    }
    try FileManager.default.removeItem(atPath: repository.path + "/.paddock.yml")

    // A damaged object: the error names `git fsck`.
    let blob = try repository.git(["rev-parse", "ai:app.py"]).trimmingCharacters(in: .whitespacesAndNewlines)
    let object = repository.path + "/.git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))"
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: object)
    try Data("garbage".utf8).write(to: URL(fileURLWithPath: object))
    let damaged = try repository.paddock(["review", "main..ai"])
    #expect(damaged.status == 2 && damaged.err.contains("git fsck"), "\(damaged.err)")
  }

  /// A working-tree `baseline:` is confined to the repository like every configured path: one outside it (absolute,
  /// `../`, or a link out) is refused with what to do, for `review` and for `paddock baseline`, which would
  /// otherwise overwrite the file it names.
  @Test func aBaselineOutsideTheRepositoryIsRefused() throws {
    let repository = try ReviewEndToEndTests.repository(
      branch: "ai", message: "Add settings" + ReviewEndToEndTests.claude)
    let blocked = try repository.paddock(["review", "main..ai"])
    #expect(blocked.status == 1, "\(blocked.err)")

    // A baseline of today's findings, written outside by an explicit --output, and the same one inside.
    let outside = repository.siblingPath("outside.json")
    let recorded = try repository.paddock(["baseline", "main..ai", "--output", outside])
    #expect(recorded.status == 0, "\(recorded.err)")
    try FileManager.default.createDirectory(
      atPath: repository.path + "/.baselines", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: outside, toPath: repository.path + "/.baselines/inside.json")
    try repository.write(".paddock.yml", "baseline: .baselines/inside.json\n")
    let inside = try repository.paddock(["review", "main..ai"])
    #expect(inside.status == 0, "a baseline inside the repository is honoured: \(inside.err)")

    try FileManager.default.createSymbolicLink(atPath: repository.path + "/link.json", withDestinationPath: outside)
    for (path, problem) in [
      (outside, "outside the repository"), ("../outside.json", "climbs out of the repository"),
      ("link.json", "leads out of the repository"),
    ] {
      try repository.write(".paddock.yml", "baseline: \(path)\n")
      let refused = try repository.paddock(["review", "main..ai"])
      #expect(refused.status == 2, "\(path): \(refused.err)")
      #expect(refused.err.contains(problem) && refused.err.contains("inside the repository"), "\(refused.err)")
    }

    // `paddock baseline` does not write where a pulled configuration points out of the repository.
    let victim = repository.siblingPath("victim.txt")
    try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: victim))
    try repository.write(".paddock.yml", "baseline: ../victim.txt\n")
    let overwrite = try repository.paddock(["baseline"])
    #expect(overwrite.status == 2 && overwrite.err.contains("climbs out"), "\(overwrite.err)")
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me\n")
  }
}
