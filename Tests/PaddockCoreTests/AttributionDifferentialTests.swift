import Foundation
import PaddockCore
import PaddockGit
import TestSupport
import Testing

/// Range attribution must agree with git: the added lines with `git diff`,
/// and the commit each line is traced to with `git blame base..head`.
@Suite struct AttributionDifferentialTests {
  /// Added lines of `git diff -U0 from to` as "path:line".
  static func gitAddedLines(_ fixture: TestRepository, from: String, to: String) throws -> [String] {
    let diff = try fixture.git(["diff", "-U0", "--no-color", "--no-ext-diff", from, to, "--"])
    var result: [String] = []
    var path = ""
    var next = 0
    for line in diff.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("+++ ") {
        path = line.hasPrefix("+++ b/") ? String(line.dropFirst(6)) : ""
      } else if line.hasPrefix("@@ ") {
        // @@ -a,b +c,d @@
        let plus = line.split(separator: " ")[2].dropFirst()
        next = Int(plus.split(separator: ",")[0]) ?? 0
      } else if line.hasPrefix("+"), !line.hasPrefix("+++") {
        result.append("\(path):\(next)")
        next += 1
      }
    }
    return result
  }

  /// The commit `git blame --porcelain <range>` names for each line of `path` at the range's end; lines older
  /// than the range (git's boundary commit) have none.
  static func gitBlame(_ fixture: TestRepository, range: String, path: String) throws -> [Int: String] {
    let porcelain = try fixture.git(["blame", "--porcelain", range, "--", path])
    var commitOfLine: [Int: String] = [:]
    var boundary: Set<String> = []
    var current = ""
    for line in porcelain.split(separator: "\n") {
      let fields = line.split(separator: " ")
      if fields.count >= 3, fields[0].count == 40, let final = Int(fields[2]) {
        current = String(fields[0])
        commitOfLine[final] = current
      } else if line == "boundary" {
        boundary.insert(current)
      }
    }
    return commitOfLine.filter { !boundary.contains($0.value) }
  }

  @Test(arguments: [UInt64(11), 12, 13, 14, 15, 16])
  func agreesWithGitDiffAndBlame(seed: UInt64) throws {
    let fixture = try HistoryGenerator.branchyRepository(seed: seed, commits: 14)
    let repository = try Repository(discoveringFrom: fixture.path)
    let range = try RangeResolver.resolve(in: repository, range: "main..feature", base: nil, head: nil)
    let report = try Attributor(repository: repository, catalogue: .builtin).attribute(range)
    let mergeBase = try fixture.git(["merge-base", "main", "feature"]).trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(report.mergeBase?.hex == mergeBase)

    let ours = report.files.flatMap { $0.hunks.flatMap { $0.lines.map { "\($0.path):\($0.line)" } } }
    let theirs = try Self.gitAddedLines(fixture, from: mergeBase, to: "feature")
    #expect(ours == theirs)
    #expect(Set(ours).count == ours.count, "a line is attributed twice")
    #expect(ours.count > 20)

    // Every added line is traced to the commit git blame names for the range.
    let records = report.files.flatMap { $0.hunks.flatMap(\.lines) }
    var checked = 0
    for path in Set(records.map(\.path)).sorted() {
      let blame = try Self.gitBlame(fixture, range: "main..feature", path: path)
      for record in records where record.path == path {
        // git names the boundary commit for lines older than the range; Paddock says "no commit in the range".
        let expected = blame[record.line]
        #expect(record.commit?.hex == expected, "\(path):\(record.line)")
        #expect((record.source == .boundary) == (expected == nil))
        checked += 1
      }
    }
    #expect(checked == records.count)
    // Both authorships occur, and the AI lines carry the agent and model from the trailer.
    #expect(report.totals.ai > 0 && report.totals.human > 0)
    #expect(
      records.filter { $0.authorship == .ai }.allSatisfy { $0.agent == "claude-code" && $0.model == "Claude Opus 4.5" })
    #expect(report.totals.total == records.count)
    #expect(report.commits.contains { $0.parents.count == 2 })
  }
}
