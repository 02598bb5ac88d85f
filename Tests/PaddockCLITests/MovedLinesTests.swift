import Foundation
import TestSupport
import Testing

/// A person moves an agent's function into another file: plain blame makes the person its author; with
/// `--copies same-commit` (git blame -C) the moved lines stay the agent's, in `attribute`, `blame` and the reports.
@Suite struct MovedLinesTests {
  static let function = """
    func parse(_ text: String) -> [String] {
        let parts = text.split(separator: ",")
        return parts.map { String($0).trimmingCharacters(in: .whitespaces) }
    }

    """

  /// v1: a person's util.swift; then an agent adds `parse` to it; then a person moves `parse` to Parser.swift
  /// (with a header line of their own); v2.
  static func history() throws -> (repository: TestRepository, agentCommit: String, moveCommit: String) {
    let repository = try TestRepository()
    try repository.write("util.swift", "import Foundation\n\nlet version = 1\n")
    try repository.commit("Start")
    try repository.git(["tag", "v1"])
    try repository.write("util.swift", "import Foundation\n\nlet version = 1\n\n" + function)
    let agentCommit = try repository.commit("Add parse" + ReportEndToEndTests.claude)
    try repository.write("util.swift", "import Foundation\n\nlet version = 1\n")
    try repository.write("Parser.swift", "// Parsing helpers.\n" + function)
    let moveCommit = try repository.commit("Move parse to Parser.swift")
    try repository.git(["tag", "v2"])
    return (repository, agentCommit, moveCommit)
  }

  static func json(_ result: ProcessResult) throws -> [String: Any] {
    #expect(result.status == 0, "\(result.err)")
    return try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
  }

  /// Parser.swift's added lines in `paddock attribute v1..v2`: (line, commit, authorship).
  static func parserLines(_ repository: TestRepository, _ extra: [String]) throws -> [(Int, String, String)] {
    let report = try json(try repository.paddock(["attribute", "v1..v2", "--format", "json"] + extra))
    let files = try #require(report["files"] as? [[String: Any]])
    let parser = try #require(files.first { $0["path"] as? String == "Parser.swift" })
    return (parser["hunks"] as? [[String: Any]] ?? []).flatMap { $0["lines"] as? [[String: Any]] ?? [] }.map {
      ($0["line"] as? Int ?? 0, $0["commit"] as? String ?? "", $0["authorship"] as? String ?? "")
    }
  }

  @Test func movedLinesStayTheAgentsWithSameCommitCopies() throws {
    let (repository, agentCommit, moveCommit) = try Self.history()

    // Plain blame: the person who moved the function wrote every line of Parser.swift.
    let plain = try Self.parserLines(repository, [])
    #expect(plain.count == 5 && plain.allSatisfy { $0.1 == moveCommit && $0.2 == "human" })
    // Moves within a file do not see a move to another file.
    #expect(try Self.parserLines(repository, ["--copies", "moves"]).map(\.2) == plain.map(\.2))
    // Copies from files the same commit changed: the function is the agent's again, the header the person's.
    let followed = try Self.parserLines(repository, ["--copies", "same-commit"])
    #expect(followed.map(\.0) == [1, 2, 3, 4, 5])
    #expect(followed.map(\.1) == [moveCommit, agentCommit, agentCommit, agentCommit, agentCommit])
    #expect(followed.map(\.2) == ["human", "ai", "ai", "ai", "ai"])
    // A block under the threshold stays with the commit that moved it.
    let strict = try Self.parserLines(repository, ["--copies", "same-commit", "--copy-threshold", "500"])
    #expect(strict.allSatisfy { $0.1 == moveCommit })

    // paddock blame says what git blame -C says: the agent's lines, at their place in util.swift.
    let blame = try Self.json(
      try repository.paddock(["blame", "Parser.swift", "--copies", "same-commit", "--format", "json"]))
    let lines = try #require((blame["files"] as? [[String: Any]])?.first?["lines"] as? [[String: Any]])
    #expect(lines.map { $0["authorship"] as? String } == ["human", "ai", "ai", "ai", "ai"])
    #expect(lines.dropFirst().map { $0["original_path"] as? String } == Array(repeating: "util.swift", count: 4))
    #expect(lines.dropFirst().map { $0["original_line"] as? Int } == [5, 6, 7, 8])
    let git = BlamePorcelain.parse(try repository.git(["blame", "--porcelain", "-C", "HEAD", "--", "Parser.swift"]))
    #expect(lines.map { $0["commit"] as? String } == git.map(\.commit))
    #expect(lines.map { $0["original_line"] as? Int } == git.map(\.original))
  }

  @Test func reportsCountMovedLinesForTheAgentWhenAsked() throws {
    let (repository, _, _) = try Self.history()
    func release(_ extra: [String]) throws -> [String: Any] {
      try Self.json(try repository.paddock(["report", "release", "v1..v2", "--format", "json", "--no-cache"] + extra))
    }
    func aiLines(_ report: [String: Any]) -> Int? {
      (report["releases"] as? [[String: Any]])?.first?["ai_lines"] as? Int
    }
    let plain = try release([])
    #expect(aiLines(plain) == 0 && plain["copies"] == nil)
    let followed = try release(["--copies", "same-commit"])
    #expect(aiLines(followed) == 4)
    let copies = try #require(followed["copies"] as? [String: Any])
    #expect(copies["mode"] as? String == "same-commit" && copies["git_blame_options"] as? String == "-M20 -C40")
    #expect((followed["definition"] as? String)?.contains("git blame -M20 -C40") == true)

    // The project's definition in .paddock.yml applies to release and snapshot; the command line overrides it.
    try repository.write(".paddock.yml", "report:\n  copies: any-commit\n  move-threshold: 100\n  copy-threshold: 30\n")
    try repository.commit("Configure reports")
    let configured = try release([])
    #expect(aiLines(configured) == 4)
    #expect((configured["copies"] as? [String: Any])?["git_blame_options"] as? String == "-M100 -C30 -C -C")
    #expect(aiLines(try release(["--copies", "off"])) == 0)
    let snapshot = try Self.json(try repository.paddock(["report", "snapshot", "--format", "json", "--no-cache"]))
    #expect(aiLines(snapshot) == 4)
    try repository.write(".paddock.yml", "report:\n  copies: sideways\n")
    let bad = try repository.paddock(["report", "snapshot"])
    #expect(bad.status == 2 && bad.err.contains("report.copies") && bad.err.contains("any-commit"), "\(bad.err)")
    let zero = try repository.paddock(["blame", "util.swift", "--copies", "moves", "--move-threshold", "0"])
    #expect(zero.status == 64 && zero.err.contains("--move-threshold"), "\(zero.err)")
  }
}

/// `git blame --porcelain` as (commit, original line) per line.
enum BlamePorcelain {
  static func parse(_ text: String) -> [(commit: String, original: Int)] {
    text.split(separator: "\n").compactMap { line in
      let fields = line.split(separator: " ")
      guard fields.count >= 3, fields[0].count == 40, fields[0].allSatisfy(\.isHexDigit), let original = Int(fields[1]),
        Int(fields[2]) != nil
      else { return nil }
      return (String(fields[0]), original)
    }
  }
}
