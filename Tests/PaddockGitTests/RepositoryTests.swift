import Foundation
import PaddockGit
import TestSupport
import Testing

/// The git layer against the git CLI: revisions, ranges, merge bases, walks, diffs, notes, blame bounds.
@Suite struct RepositoryTests {
  static func fixture() throws -> TestRepository {
    let repository = try TestRepository()
    for index in 0..<4 {
      try repository.write("file.txt", (0...index).map { "line \($0)" }.joined(separator: "\n") + "\n")
      try repository.commit("commit \(index)")
    }
    try repository.git(["checkout", "-q", "-b", "side", "HEAD~2"])
    try repository.write("side.txt", "side\n")
    try repository.commit("side work")
    try repository.git(["checkout", "-q", "main"])
    try repository.git(["update-ref", "refs/remotes/origin/main", "HEAD~1"])
    return repository
  }

  @Test(arguments: ["main", "HEAD~3", "origin/main", "side", "HEAD^", "main~1^{commit}"])
  func resolvesLikeGit(_ spec: String) throws {
    let fixture = try Self.fixture()
    let repository = try Repository(discoveringFrom: fixture.path)
    #expect(try repository.resolveCommit(spec).hex == fixture.revParse(spec))
  }

  @Test func abbreviatedIdsRangesAndMergeBase() throws {
    let fixture = try Self.fixture()
    let repository = try Repository(discoveringFrom: fixture.path)
    let full = try fixture.revParse("HEAD~2")
    #expect(try repository.resolveCommit(String(full.prefix(7))).hex == full)
    let range = try repository.resolveRange("side..main")
    #expect(range.from.hex == (try fixture.revParse("side")) && !range.isSymmetric)
    #expect(try repository.resolveRange("side...main").isSymmetric)
    #expect(try repository.resolveRange("HEAD~2").to.hex == (try fixture.revParse("HEAD")))
    let base = try repository.mergeBase(try repository.resolveCommit("side"), try repository.resolveCommit("main"))
    #expect(
      base?.hex == (try fixture.git(["merge-base", "side", "main"]).trimmingCharacters(in: .whitespacesAndNewlines)))
  }

  @Test func walkMatchesRevList() throws {
    let fixture = try Self.fixture()
    let repository = try Repository(discoveringFrom: fixture.path)
    let ours = try repository.walk(
      include: [try repository.resolveCommit("main")], exclude: [try repository.resolveCommit("side")])
    let theirs = try fixture.git(["rev-list", "--topo-order", "main", "^side"]).split(separator: "\n").map(String.init)
    #expect(ours.map(\.hex) == theirs)
    let reversed = try repository.walk(
      include: [try repository.resolveCommit("main")], exclude: [try repository.resolveCommit("side")],
      order: .topologicalReverse)
    #expect(reversed.map(\.hex) == theirs.reversed())
  }

  @Test func commitsNotesAndHead() throws {
    let fixture = try Self.fixture()
    try fixture.git(
      ["notes", "--ref", "refs/notes/ai", "add", "-m", "hello note", "HEAD"],
      extraEnvironment: [
        "GIT_COMMITTER_NAME": "n", "GIT_COMMITTER_EMAIL": "n@example.com",
        "GIT_AUTHOR_NAME": "n", "GIT_AUTHOR_EMAIL": "n@example.com",
      ])
    let repository = try Repository(discoveringFrom: fixture.path)
    let head = try repository.resolveCommit("HEAD")
    #expect(try repository.note(reference: "refs/notes/ai", for: head) == "hello note\n")
    #expect(try repository.note(reference: "refs/notes/ai", for: try repository.resolveCommit("HEAD~1")) == nil)
    #expect(try repository.note(reference: "refs/notes/missing", for: head) == nil)
    let commit = try repository.commit(head)
    #expect(commit.summary == "commit 3")
    #expect(commit.author.identity == "Ada Lovelace <ada@example.com>")
    #expect(try repository.head() == .branch(name: "main", commit: head))
    #expect(repository.defaultBranch() == "main")
  }

  @Test func blameIsBoundedByTheOldestCommit() throws {
    let fixture = try Self.fixture()
    let repository = try Repository(discoveringFrom: fixture.path)
    let head = try repository.resolveCommit("main")
    let oldest = try repository.resolveCommit("main~2")
    let hunks = try repository.blame(path: GitPath("file.txt"), at: head, oldest: oldest)
    #expect(hunks.map(\.count).reduce(0, +) == 4)
    // Lines 1-2 predate the bound: attributed to it, as boundary.
    #expect(hunks.first?.commit == oldest && hunks.first?.isBoundary == true)
    #expect(hunks.last?.commit == head && hunks.last?.isBoundary == false)
  }

  @Test func partialCloneMissingObjectsSayWhatToFetch() throws {
    let origin = try Self.fixture()
    try origin.git(["config", "uploadpack.allowFilter", "true"])
    let clonePath = origin.siblingPath("partial")
    try origin.git(["clone", "-q", "--filter=blob:none", "--no-checkout", "file://\(origin.path)", clonePath])
    let repository = try Repository(discoveringFrom: clonePath)
    #expect(repository.partialCloneRemote == "origin")
    let old = try repository.resolveCommit("HEAD~2")
    let error = #expect(throws: GitError.self) {
      try repository.diff(from: nil, to: old, options: DiffOptions(includeLines: true))
    }
    #expect(error?.code == .missingObject)
    #expect(error?.hint?.contains("partial clone") == true)
  }

  @Test func diffDetectsRenamesSymlinksSubmodulesAndBinaries() throws {
    let fixture = try TestRepository()
    try fixture.write("old.txt", (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n")
    try fixture.commit("base")
    try fixture.git(["mv", "old.txt", "new.txt"])
    try fixture.write("new.txt", (1...20).map { "line \($0)" }.joined(separator: "\n") + "\nline 21\n")
    try FileManager.default.createSymbolicLink(atPath: fixture.path + "/link", withDestinationPath: "new.txt")
    try fixture.write(bytesPath: Array("blob.bin".utf8), [0, 1, 2, 0, 255])
    let base = try fixture.revParse("HEAD")
    // An unpopulated submodule: a gitlink entry over an empty folder (so `git add -A` keeps it).
    try FileManager.default.createDirectory(atPath: fixture.path + "/vendor/sub", withIntermediateDirectories: true)
    try fixture.git(["update-index", "--add", "--cacheinfo", "160000,\(base),vendor/sub"])
    try fixture.git(["add", "-A"])
    try fixture.commit("changes")
    let repository = try Repository(discoveringFrom: fixture.path)
    let files = try repository.diff(
      from: try repository.resolveCommit("HEAD~1"), to: try repository.resolveCommit("HEAD"),
      options: DiffOptions(includeLines: true))
    let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path.description, $0) })
    #expect(byPath["new.txt"]?.status == .renamed && byPath["new.txt"]?.oldPath == GitPath("old.txt"))
    #expect(byPath["new.txt"]?.hunks.flatMap(\.lines).map(\.text) == ["line 21"])
    #expect(byPath["new.txt"]?.hunks.first?.lines.first?.newLine == 21)
    #expect(byPath["link"]?.isSymlink == true && byPath["link"]?.hunks.first?.lines.first?.text == "new.txt")
    #expect(byPath["vendor/sub"]?.isSubmodule == true)
    #expect(byPath["blob.bin"]?.isBinary == true && byPath["blob.bin"]?.hunks.isEmpty == true)
    let stat = try fixture.git(["diff", "--name-status", "-M", "HEAD~1", "HEAD"])
    #expect(stat.split(separator: "\n").count == files.count)
  }
}
