import Foundation
import PaddockCore
import PaddockGit
import PaddockReports
import TestSupport
import Testing

/// Release and snapshot figures must be what `git blame` gives, file by file, on random histories with renames,
/// merges and deleted files; and the same whether the history came from git or from the report cache.
@Suite struct ReportDifferentialTests {
  /// Per file at `revision`: (lines blamed on a commit of `range` (or of any commit without a range), of those
  /// on AI commits), counted from `git blame --porcelain`.
  static func gitCounts(
    _ fixture: TestRepository, range: String?, revision: String, options: [String] = [],
    paths selected: (String) -> Bool = { _ in true }
  ) throws -> (ai: Int, total: Int) {
    let scope = range ?? revision
    let aiCommits = Set(
      try fixture.git(["log", "--format=%H", "--grep=Co-Authored-By: Claude", scope, "--"]).split(separator: "\n").map(
        String.init))
    var ai = 0
    var total = 0
    for path in try fixture.git(["ls-tree", "-r", "--name-only", revision]).split(separator: "\n")
    where selected(String(path)) {
      let porcelain = try fixture.git(["blame", "--porcelain"] + options + [scope, "--", String(path)])
      var commitOfLine: [String] = []
      var boundary: Set<String> = []
      var current = ""
      for line in porcelain.split(separator: "\n", omittingEmptySubsequences: false) {
        let fields = line.split(separator: " ")
        if fields.count >= 3, fields[0].count == 40, Int(fields[2]) != nil {
          current = String(fields[0])
          commitOfLine.append(current)
        } else if line == "boundary" {
          boundary.insert(current)
        }
      }
      // Without a range git marks the root commit's lines "boundary" too; they count.
      for commit in commitOfLine where range == nil || !boundary.contains(commit) {
        total += 1
        if aiCommits.contains(commit) { ai += 1 }
      }
    }
    return (ai, total)
  }

  @Test(arguments: [UInt64(21), 22, 23, 24])
  func releaseAndSnapshotAgreeWithGitBlame(seed: UInt64) throws {
    let fixture = try HistoryGenerator.branchyRepository(seed: seed, commits: 16)
    let repository = try Repository(discoveringFrom: fixture.path)
    let main = try repository.resolveCommit("main")
    let feature = try repository.resolveCommit("feature")
    let ranges = [
      NamedRange(
        start: "main", end: "feature", range: ResolvedRange(base: main, head: feature, label: "main..feature")),
      NamedRange(start: nil, end: "feature", range: ResolvedRange(base: nil, head: feature, label: "feature")),
    ]
    let selection = try FileSelection()
    let cold = try ReportEngine(repository: repository, config: PaddockConfig())
    let first = try cold.release(ranges, selection: selection)
    #expect(cold.finish() == nil)
    #expect(cold.cache.statistics.changesFromCache == 0)

    let release = try Self.gitCounts(fixture, range: "main..feature", revision: "feature")
    let snapshot = try Self.gitCounts(fixture, range: nil, revision: "feature")
    let rows = first.releases
    #expect(rows.map(\.totalLines) == [release.total, snapshot.total])
    #expect(rows.map(\.aiLines) == [release.ai, snapshot.ai])
    #expect(release.ai > 0 && release.total > release.ai && snapshot.total > release.total)
    #expect(rows[0].commits == 17 && rows[0].aiCommits > 0)

    // From the cache: no diff is computed again, and every figure is the same; without it, too.
    let warm = try ReportEngine(repository: repository, config: PaddockConfig())
    #expect(try warm.release(ranges, selection: selection) == first)
    #expect(warm.cache.statistics.changesFromGit == 0 && warm.cache.statistics.classificationsComputed == 0)
    let uncached = try ReportEngine(repository: repository, config: PaddockConfig(), useCache: false)
    #expect(try uncached.release(ranges, selection: selection) == first)
  }
}
