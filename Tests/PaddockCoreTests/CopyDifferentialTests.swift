import Foundation
import PaddockCore
import PaddockGit
import PaddockReports
import TestSupport
import Testing

/// With moved and copied lines followed, `paddock blame` must agree with `git blame -M<n>`, `-C<n>` and
/// `-C<n> -C` and `-C<n> -C -C`, line for line, on random branchy histories whose commits move and copy blocks of lines within and
/// between files (and into new files), edit them on the way, and split them later.
@Suite struct CopyDifferentialTests {
  /// Each mode with the git options that must give the same answer.
  static let modes: [(name: String, detection: CopyDetection, git: [String])] = [
    ("moves", CopyDetection(mode: .moves), ["-M"]),
    ("moves-30", CopyDetection(mode: .moves, moveThreshold: 30), ["-M30"]),
    ("same-commit", CopyDetection(mode: .sameCommit), ["-C"]),
    ("same-commit-25-15", CopyDetection(mode: .sameCommit, moveThreshold: 25, copyThreshold: 15), ["-M25", "-C15"]),
    ("creating-commit", CopyDetection(mode: .creatingCommit), ["-C", "-C"]),
    ("any-commit", CopyDetection(mode: .anyCommit), ["-C", "-C", "-C"]),
    // The published figure's options: three -C, the first with its threshold.
    (
      "any-commit-100", CopyDetection(mode: .anyCommit, moveThreshold: 100, copyThreshold: 100),
      ["-M100", "-C100", "-C", "-C"]
    ),
  ]

  /// Fixed seeds; `PADDOCK_PROPERTY_RUNS=n` adds n random ones (printed on failure).
  static func seeds(_ fixed: [UInt64]) -> [UInt64] {
    let extra = ProcessInfo.processInfo.environment["PADDOCK_PROPERTY_RUNS"].flatMap(Int.init) ?? 0
    var generator = SystemRandomNumberGenerator()
    return fixed + (0..<extra).map { _ in generator.next() }
  }

  @Test(arguments: seeds([33, 43, 51, 56, 65]))
  func blameAgreesWithGit(seed: UInt64) throws {
    let fixed = seed < 1000
    let fixture = try HistoryGenerator.branchyRepository(seed: seed, commits: 40, moves: true)
    let repository = try Repository(discoveringFrom: fixture.path)
    let head = try repository.resolveCommit("HEAD")
    let paths = try fixture.git(["ls-files"]).split(separator: "\n").map(String.init)
    var plain: [String: [(commit: String, original: Int, final: Int)]] = [:]
    for path in paths {
      plain[path] = BlameDifferentialTests.porcelain(try fixture.git(["blame", "--porcelain", "HEAD", "--", path]))
    }
    for (name, detection, options) in Self.modes {
      var blamer = try Blamer(repository: repository, catalogue: .builtin)
      blamer.copies = detection
      var compared = 0
      var fromElsewhere = 0
      var followed = 0
      for path in paths {
        let expected = BlameDifferentialTests.porcelain(
          try fixture.git(["blame", "--porcelain"] + options + ["HEAD", "--", path]))
        followed += zip(expected, plain[path] ?? []).filter { $0.0.commit != $0.1.commit }.count
        let blame = try blamer.blame(path: GitPath(path), revision: head)
        #expect(blame.lines.count == expected.count, "seed \(seed) \(name): line count differs for \(path)")
        for (mine, theirs) in zip(blame.lines, expected) {
          #expect(
            mine.commit.hex == theirs.commit && mine.originalLine == theirs.original && mine.line == theirs.final,
            "seed \(seed) \(name): \(path):\(theirs.final) git says \(theirs.commit.prefix(8)):\(theirs.original), we say \(mine.commit.abbreviated(8)):\(mine.originalLine)"
          )
          if mine.originalPath != path { fromElsewhere += 1 }
          compared += 1
        }
      }
      print("seed \(seed) \(name): \(compared) lines, \(followed) followed, \(fromElsewhere) from another path")
      // The fixed seeds exercise every mode: git credits some lines differently from plain blame (blocks of 100
      // alphanumerics are rarer; the report test below has them).
      if fixed {
        #expect(compared > 100)
        #expect(followed > 0 || detection.moveThreshold == 100, "seed \(seed) \(name): no line was followed")
      }
    }
  }

  /// Range attribution: each added line of `main..feature` is traced to the commit `git blame <options>
  /// main..feature` names (none for lines older than the range, which git gives its boundary commit).
  @Test(arguments: seeds([33, 51]))
  func attributionAgreesWithGitBlameOfTheRange(seed: UInt64) throws {
    let fixture = try HistoryGenerator.branchyRepository(seed: seed, commits: 40, moves: true)
    let repository = try Repository(discoveringFrom: fixture.path)
    let range = try RangeResolver.resolve(in: repository, range: "main..feature", base: nil, head: nil)
    for (name, detection, options) in Self.modes {
      var attributor = try Attributor(repository: repository, catalogue: .builtin)
      attributor.copies = detection
      let report = try attributor.attribute(range)
      let records = report.files.flatMap { $0.hunks.flatMap(\.lines) }
      var checked = 0
      for path in Set(records.map(\.path)).sorted() {
        let blame = try Self.gitBlame(fixture, options: options, range: "main..feature", path: path)
        for record in records where record.path == path {
          #expect(record.commit?.hex == blame[record.line], "seed \(seed) \(name): \(path):\(record.line)")
          checked += 1
        }
      }
      #expect(checked == records.count)
      if seed < 1000 { #expect(checked > 50) }
    }
  }

  /// The commit `git blame --porcelain <options> <range>` names for each line of `path`, boundary lines left out.
  static func gitBlame(_ fixture: TestRepository, options: [String], range: String, path: String) throws -> [Int:
    String]
  {
    let porcelain = try fixture.git(["blame", "--porcelain"] + options + [range, "--", path])
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

  /// Release and snapshot figures with moved and copied lines followed are what `git blame <options>` gives, file
  /// by file, for the selected files: a figure published with `git blame -M100 -C100 -C -C` and a file glob is
  /// reproduced by `paddock report release --copies any-commit --move-threshold 100 --copy-threshold 100`.
  @Test(arguments: seeds([33, 46]))
  func releaseFiguresAgreeWithGitBlame(seed: UInt64) throws {
    let fixture = try HistoryGenerator.branchyRepository(seed: seed, commits: 40, moves: true)
    let repository = try Repository(discoveringFrom: fixture.path)
    let main = try repository.resolveCommit("main")
    let feature = try repository.resolveCommit("feature")
    let ranges = [
      NamedRange(
        start: "main", end: "feature", range: ResolvedRange(base: main, head: feature, label: "main..feature")),
      NamedRange(start: nil, end: "feature", range: ResolvedRange(base: nil, head: feature, label: "feature")),
    ]
    let selection = try FileSelection(include: ["feature/**", "shared/**"], exclude: ["**/renamed*"])
    let selected = { (path: String) in selection.contains(path) }
    let engine = try ReportEngine(repository: repository, config: PaddockConfig(), useCache: false)
    let plain = try engine.release(ranges, selection: selection)
    #expect(plain.copies == nil)
    for (name, detection, options) in Self.modes {
      let report = try engine.release(ranges, selection: selection, copies: detection)
      let release = try ReportDifferentialTests.gitCounts(
        fixture, range: "main..feature", revision: "feature", options: options, paths: selected)
      let snapshot = try ReportDifferentialTests.gitCounts(
        fixture, range: nil, revision: "feature", options: options, paths: selected)
      #expect(report.releases.map(\.totalLines) == [release.total, snapshot.total], "seed \(seed) \(name)")
      #expect(report.releases.map(\.aiLines) == [release.ai, snapshot.ai], "seed \(seed) \(name)")
      #expect(report.copies == detection)
      #expect(report.definition.contains("git blame \(detection.gitOptions)"))
      if seed < 1000, detection.moveThreshold == 100 {
        // The published figure's options change the figures on these histories.
        let figures = { (report: ReleaseReport) in report.releases.flatMap { [$0.aiLines, $0.totalLines] } }
        #expect(figures(report) != figures(plain), "seed \(seed) \(name)")
      }
    }
  }
}
