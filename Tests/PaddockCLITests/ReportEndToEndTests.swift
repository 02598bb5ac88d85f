import Foundation
import TestSupport
import Testing

/// `paddock report` on a history with known answers: a rename with a change, a deleted file, a merge, files
/// outside the selection, and three tags.
@Suite struct ReportEndToEndTests {
  static let claude = "\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n"
  static let codex = "\n\nAssisted-by: Codex:gpt-5\n"

  static func history() throws -> TestRepository {
    let repository = try TestRepository()
    try repository.write("a.py", "one = 1\ntwo = 2\nthree = 3\n")
    try repository.write("docs/readme.md", "# Readme\ntext\n")
    try repository.commit("Start")
    try repository.git(["tag", "v1"])
    try repository.write("a.py", "one = 1\ntwo = 2\nthree = 3\nfour = 4\nfive = 5\n")
    try repository.write("b.py", "b1 = 1\nb2 = 2\nb3 = 3\nb4 = 4\n")
    try repository.commit("Add b" + claude)
    try repository.git(["mv", "b.py", "lib_b.py"])
    try repository.write("lib_b.py", "b1 = 1\nb2 = 'two'\nb3 = 3\nb4 = 4\n")
    try repository.commit("Rename b and fix a line")
    try repository.git(["checkout", "-q", "-b", "feature"])
    try repository.write("src/c.py", "c1 = 1\nc2 = 2\nc3 = 3\nc4 = 4\nc5 = 5\n")
    try repository.commit("Add c" + codex)
    try repository.git(["checkout", "-q", "main"])
    try repository.merge("feature", message: "Merge feature")
    try repository.git(["rm", "-q", "docs/readme.md"])
    try repository.write("docs/guide.md", "# Guide\nline\nline\n")
    try repository.commit("Docs")
    try repository.git(["tag", "v2"])
    try repository.write("a.py", "one = 'one'\ntwo = 2\nthree = 3\nfour = 4\nfive = 5\n")
    try repository.commit("Tweak a" + claude + "Reviewed-by: Grace Hopper <grace@example.com>\n")
    try repository.git(["tag", "v3"])
    return repository
  }

  static func rows(_ result: ProcessResult) throws -> [[String: Any]] {
    #expect(result.status == 0, "\(result.err)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    #expect(json["schema"] as? String == "paddock.release/1")
    return json["releases"] as? [[String: Any]] ?? []
  }

  static func buckets(_ row: [String: Any], _ key: String) -> [String: Int] {
    var result: [String: Int] = [:]
    for bucket in row[key] as? [[String: Any]] ?? [] {
      result[bucket["key"] as? String ?? ""] = bucket["total"] as? Int
    }
    return result
  }

  @Test func releaseCountsSurvivingLinesOfTheRangeBySelection() throws {
    let repository = try Self.history()
    let selected = try Self.rows(
      try repository.paddock(["report", "release", "v1..v2", "--exclude", "docs/**", "--format", "json"]))
    let row = try #require(selected.first)
    // a.py: 2 AI lines; lib_b.py (renamed): 3 AI lines kept, 1 changed by a person; src/c.py: 5 AI lines (merged).
    #expect(row["start"] as? String == "v1" && row["end"] as? String == "v2")
    #expect(row["ai_lines"] as? Int == 10 && row["human_lines"] as? Int == 1 && row["total_lines"] as? Int == 11)
    #expect(row["ai_percentage"] as? Double == 90.9)
    #expect(row["files"] as? Int == 3)
    #expect(Self.buckets(row, "agents")["claude-code"] == 5)
    #expect(Self.buckets(row, "agents").values.reduce(0, +) == 10)
    #expect(Self.buckets(row, "directories") == ["./": 6, "src/": 5])

    // Without the exclusion the new guide counts (3 human lines); the deleted readme never does.
    let all = try Self.rows(try repository.paddock(["report", "release", "v1..v2", "--format", "json"]))
    #expect(all.first?["total_lines"] as? Int == 14 && all.first?["human_lines"] as? Int == 4)
    #expect(all.first?["ai_percentage"] as? Double == 71.4)
  }

  @Test func consecutiveTagsGiveOneRowEachWithReviewCoverage() throws {
    let repository = try Self.history()
    let rows = try Self.rows(
      try repository.paddock(["report", "release", "--tags", "v*", "--exclude", "docs/**", "--format", "json"]))
    #expect(rows.map { "\($0["start"] ?? "")..\($0["end"] ?? "")" } == ["v1..v2", "v2..v3"])
    #expect(rows.last?["ai_lines"] as? Int == 1 && rows.last?["total_lines"] as? Int == 1)
    #expect(rows.last?["ai_commits"] as? Int == 1 && rows.last?["reviewed_ai_commits"] as? Int == 1)
    #expect(rows.first?["ai_commits"] as? Int == 2 && rows.first?["reviewed_ai_commits"] as? Int == 0)

    let csv = try repository.paddock(["report", "release", "--tags", "v*", "--exclude", "docs/**", "--format", "csv"])
    let lines = csv.out.split(separator: "\r\n").map(String.init)
    #expect(
      lines.first?.hasPrefix("start,end,ai_lines,human_lines,bot_lines,unknown_lines,total_lines,ai_percentage") == true
    )
    #expect(lines.dropFirst().first?.hasPrefix("v1,v2,10,1,0,0,11,90.9,") == true, "\(csv.out)")
    let markdown = try repository.paddock(["report", "release", "--tags", "v*", "--format", "markdown"])
    #expect(markdown.out.contains("| v1..v2 | 10 | 4 | 0 | 0 | 14 | 71.4 | 5 | 2 | 0 | 4 |"), "\(markdown.out)")

    let none = try repository.paddock(["report", "release", "--tags", "nope*"])
    #expect(none.status == 2 && none.err.contains("matches 0 tags"))
  }

  @Test func snapshotCountsEveryLineAtTheRevision() throws {
    let repository = try Self.history()
    let rows = try Self.rows(
      try repository.paddock(["report", "snapshot", "v2", "--include", "**/*.py", "--format", "json"]))
    let row = try #require(rows.first)
    // a.py: 3 human + 2 AI; lib_b.py: 3 AI + 1 human; src/c.py: 5 AI.
    #expect(row["ai_lines"] as? Int == 10 && row["human_lines"] as? Int == 4 && row["total_lines"] as? Int == 14)
    #expect(row["start"] == nil || row["start"] is NSNull)
    #expect(Self.buckets(row, "authors").values.reduce(0, +) == 14)
    let text = try repository.paddock(["report", "snapshot", "v2", "--include", "**/*.py"])
    #expect(text.out.contains("71.4") && text.out.contains("Counted:"))
  }
}
