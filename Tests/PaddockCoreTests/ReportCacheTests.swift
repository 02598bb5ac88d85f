import Foundation
import PaddockGit
import PaddockNet
import TestSupport
import Testing

@testable import PaddockCore
@testable import PaddockReports

/// The report cache is never trusted: a record that git could not have produced is a cache miss, is diffed again
/// and rewritten, and no record, however forged, can crash a report.
@Suite struct ReportCacheTests {
  static let claude = "\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>\n"

  /// A short history on `main`: a file grows, another is added, one line is fixed, and a merge.
  static func history() throws -> TestRepository {
    let repository = try TestRepository()
    try repository.write("a.py", "one = 1\ntwo = 2\nthree = 3\n")
    try repository.commit("Start")
    try repository.write("a.py", "one = 1\ntwo = 2\nthree = 3\nfour = 4\nfive = 5\n")
    try repository.write("b.py", "b1 = 1\nb2 = 2\n")
    try repository.commit("Add b" + claude)
    try repository.git(["checkout", "-q", "-b", "side"])
    try repository.write("c.py", "c1 = 1\n")
    try repository.commit("Add c" + claude)
    try repository.git(["checkout", "-q", "main"])
    try repository.write("a.py", "one = 1\ntwo = 'two'\nthree = 3\nfour = 4\nfive = 5\n")
    try repository.commit("Fix two in a")
    try repository.merge("side")
    return repository
  }

  /// One way to forge the changes of a commit; each leaves the record's frame and checksum whole.
  struct Forgery: Sendable, CustomTestStringConvertible {
    var testDescription: String
    /// Whether the record is one git could have produced, so only crash-freedom (not the figures) is promised.
    var plausible: Bool = false
    var forge: @Sendable (inout [[FileDiff]], Commit) -> Void

    static func hunks(_ body: @escaping @Sendable (inout [DiffHunk]) -> Void)
      -> @Sendable (
        inout [[FileDiff]], Commit
      ) -> Void
    {
      { changes, _ in
        guard let file = changes.first?.firstIndex(where: { !$0.hunks.isEmpty }) else { return }
        body(&changes[0][file].hunks)
      }
    }
  }

  static let forgeries: [Forgery] = [
    Forgery(
      testDescription: "line numbers past 32 bits",
      forge: Forgery.hunks { $0 = [DiffHunk(oldStart: 4_000_000_000, oldCount: 0, newStart: 1, newCount: 2)] }),
    Forgery(
      testDescription: "a count past 32 bits",
      forge: Forgery.hunks { $0 = [DiffHunk(oldStart: 0, oldCount: 0, newStart: 1, newCount: 4_294_967_295)] }),
    Forgery(
      testDescription: "overlapping hunks",
      forge: Forgery.hunks {
        $0 = [
          DiffHunk(oldStart: 5, oldCount: 3, newStart: 5, newCount: 3),
          DiffHunk(oldStart: 2, oldCount: 1, newStart: 2, newCount: 1),
        ]
      }),
    Forgery(
      testDescription: "hunks whose unchanged lines disagree",
      forge: Forgery.hunks { $0 = [DiffHunk(oldStart: 3, oldCount: 0, newStart: 900, newCount: 1)] }),
    Forgery(
      testDescription: "an empty hunk",
      forge: Forgery.hunks { $0 = [DiffHunk(oldStart: 1, oldCount: 0, newStart: 1, newCount: 0)] }),
    Forgery(
      testDescription: "hunks on a binary file",
      forge: { changes, _ in
        guard let file = changes.first?.firstIndex(where: { !$0.hunks.isEmpty }) else { return }
        changes[0][file].isBinary = true
      }),
    Forgery(
      testDescription: "fewer diffs than parents",
      forge: { changes, commit in if commit.parents.count > 1 { changes.removeLast() } }),
    Forgery(
      testDescription: "more diffs than parents",
      forge: { changes, _ in changes.append(changes[0]) }),
    Forgery(
      testDescription: "half a billion lines added, consistently", plausible: true,
      forge: Forgery.hunks { $0 = [DiffHunk(oldStart: 0, oldCount: 0, newStart: 1, newCount: 1 << 29)] }),
  ]

  @Test(arguments: forgeries)
  func aForgedRecordIsACacheMissAndNeverCrashesAReport(_ forgery: Forgery) throws {
    let fixture = try Self.history()
    let arguments = ["report", "release", "main~3..main", "--format", "json", "--no-progress"]
    let uncached = try fixture.paddock(arguments + ["--no-cache"])
    #expect(uncached.status == 0, "\(uncached.err)")

    // Every commit's record, forged: written by the cache's own encoder, so frames and checksums are whole.
    let repository = try Repository(discoveringFrom: fixture.path)
    let directory = repository.commonDirectory + "paddock/report-cache"
    let cache = ReportCache(directory: directory, fingerprint: AgentCatalogue.builtin.fingerprint)
    for id in try repository.walk(include: [try repository.resolveCommit("main")], exclude: [], order: .topological) {
      let commit = try repository.commit(id)
      var changes = try [commit.parents.first].map {
        try repository.diff(from: $0, to: id, options: LineTracker.diffOptions)
      }
      for parent in commit.parents.dropFirst() {
        changes.append(try repository.diff(from: parent, to: id, options: LineTracker.diffOptions))
      }
      forgery.forge(&changes, commit)
      cache.store(commit, changes: changes)
    }
    #expect(cache.save() == nil)

    let first = try fixture.paddock(arguments + ["--cache-stats"])
    #expect(first.status == 0, "\(first.err)")
    #expect(try JSONValue.parse(first.out)["releases"] != nil, "\(first.out)")
    guard !forgery.plausible else { return }
    #expect(first.out == uncached.out, "\(first.err)")
    #expect(first.err.contains("damaged files 1"), "\(first.err)")
    // The forged records were replaced by what git says: the next report reads every change from the cache.
    let second = try fixture.paddock(arguments + ["--cache-stats"])
    #expect(second.out == uncached.out)
    #expect(second.err.contains(" cached, 0 diffed;"), "\(second.err)")
    #expect(second.err.contains("damaged files 0"), "\(second.err)")
  }
}
