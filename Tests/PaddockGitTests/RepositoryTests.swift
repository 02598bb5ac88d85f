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

  /// A note `writeNote` makes is the note `git notes show` prints, on a notes ref git reads as its own; a second
  /// note on the same commit needs `force`, and replaces the first.
  @Test func writtenNotesAreGitNotes() throws {
    let fixture = try Self.fixture()
    let repository = try Repository(discoveringFrom: fixture.path)
    let head = try repository.resolveCommit("HEAD")
    let older = try repository.resolveCommit("HEAD~2")
    let text = "{\"schema\":\"x/1\",\"name\":\"Grâce \\\"G\\\" Hopper\"}\n"
    try repository.writeNote(reference: "refs/notes/paddock-reviews", for: head, message: text, force: false)
    try repository.writeNote(reference: "refs/notes/paddock-reviews", for: older, message: "second\n", force: false)
    func show(_ revision: String) throws -> String {
      try fixture.git(["notes", "--ref", "refs/notes/paddock-reviews", "show", revision])
    }
    #expect(try show("HEAD") == text)
    #expect(try show("HEAD~2") == "second\n")
    let listed = try fixture.git(["notes", "--ref", "refs/notes/paddock-reviews", "list"])
    #expect(listed.split(separator: "\n").count == 2)
    #expect(try fixture.git(["log", "--format=%s", "refs/notes/paddock-reviews"]).split(separator: "\n").count == 2)

    #expect(throws: GitError.self) {
      try repository.writeNote(reference: "refs/notes/paddock-reviews", for: head, message: "again\n", force: false)
    }
    try repository.writeNote(reference: "refs/notes/paddock-reviews", for: head, message: "replaced\n", force: true)
    #expect(try show("HEAD") == "replaced\n")
    #expect(try repository.note(reference: "refs/notes/paddock-reviews", for: head) == "replaced\n")
    // And git's own notes read back through libgit2.
    try fixture.git(
      ["notes", "--ref", "refs/notes/paddock-reviews", "add", "-f", "-m", "from git", "HEAD~1"],
      extraEnvironment: [
        "GIT_COMMITTER_NAME": "n", "GIT_COMMITTER_EMAIL": "n@example.com", "GIT_AUTHOR_NAME": "n",
        "GIT_AUTHOR_EMAIL": "n@example.com",
      ])
    #expect(
      try repository.note(reference: "refs/notes/paddock-reviews", for: try repository.resolveCommit("HEAD~1"))
        == "from git\n")
  }

  /// Pushing and fetching a notes ref through the git CLI: to a bare remote, back into a fresh clone, and a
  /// refusal (a hook that rejects it) that is reported with git's reason rather than thrown.
  @Test func notesRefsPushAndFetch() throws {
    let remote = try TestRepository(bare: true, name: "remote.git")
    let fixture = try Self.fixture()
    try fixture.git(["remote", "add", "origin", remote.path])
    try fixture.git(["push", "-q", "origin", "main"])
    let repository = try Repository(discoveringFrom: fixture.path)
    let head = try repository.resolveCommit("HEAD")
    #expect(repository.fetchReference("refs/notes/r", from: "origin").succeeded, "a missing remote ref is no failure")
    try repository.writeNote(reference: "refs/notes/r", for: head, message: "approved\n", force: false)
    let pushed = repository.pushReference("refs/notes/r", to: "origin")
    #expect(pushed.succeeded, "\(pushed.message)")
    #expect(try remote.git(["notes", "--ref", "refs/notes/r", "show", head.hex]) == "approved\n")

    try fixture.git(["clone", "-q", remote.path, fixture.siblingPath("clone")])
    let clone = try Repository(discoveringFrom: fixture.siblingPath("clone"))
    #expect(try clone.note(reference: "refs/notes/r", for: head) == nil)
    #expect(clone.fetchReference("refs/notes/r", from: "origin").succeeded)
    #expect(try clone.note(reference: "refs/notes/r", for: head) == "approved\n")

    let hook = remote.path + "/hooks/pre-receive"
    FileManager.default.createFile(
      atPath: hook, contents: Data("#!/bin/sh\necho 'permission denied to paddock-bot' >&2\nexit 1\n".utf8),
      attributes: [.posixPermissions: 0o755])
    try repository.writeNote(reference: "refs/notes/r", for: head, message: "again\n", force: true)
    let refused = repository.pushReference("refs/notes/r", to: "origin")
    #expect(!refused.succeeded)
    #expect(refused.message.contains("permission denied to paddock-bot"), "\(refused.message)")
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

  /// A partial clone diffs like a full one: the blobs a diff needs come from the promisor remote in one fetch. A
  /// blob nothing can supply leaves its file unreadable, with no hunks, and the diff goes on.
  @Test func partialCloneDiffsFetchTheirBlobsFromThePromisor() throws {
    let origin = try Self.fixture()
    try origin.git(["config", "uploadpack.allowFilter", "true"])
    try origin.git(["config", "uploadpack.allowAnySHA1InWant", "true"])
    let full = try Repository(discoveringFrom: origin.path)
    let expected = try full.diff(
      from: nil, to: try full.resolveCommit("HEAD~2"), options: DiffOptions(includeLines: true))
    #expect(!expected.isEmpty && expected.allSatisfy { !$0.isUnreadable && !$0.hunks.isEmpty })

    let clonePath = origin.siblingPath("partial")
    try origin.git(["clone", "-q", "--filter=blob:none", "--no-checkout", "file://\(origin.path)", clonePath])
    let repository = try Repository(discoveringFrom: clonePath)
    #expect(repository.partialCloneRemote == "origin")
    let old = try repository.resolveCommit("HEAD~2")
    #expect(try repository.diff(from: nil, to: old, options: DiffOptions(includeLines: true)) == expected)

    let strandedPath = origin.siblingPath("stranded")
    try origin.git(["clone", "-q", "--filter=blob:none", "--no-checkout", "file://\(origin.path)", strandedPath])
    try origin.git(["-C", strandedPath, "remote", "set-url", "origin", "file:///nonexistent/remote.git"])
    let stranded = try Repository(discoveringFrom: strandedPath)
    let files = try stranded.diff(from: nil, to: old, options: DiffOptions(includeLines: true))
    #expect(files.map(\.path) == expected.map(\.path))
    #expect(files.allSatisfy { $0.isUnreadable && $0.hunks.isEmpty })
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

  /// Binary is decided by content, as git decides it (a NUL in the first 8,000 bytes), never by attributes, which
  /// the working tree, `.git/info/attributes` or the change itself could use to hide lines.
  @Test func attributesCannotMakeTextBinary() throws {
    let fixture = try TestRepository()
    try fixture.write("keep.txt", "base\n")
    try fixture.commit("base")
    try fixture.write(".gitattributes", "*.py -diff\n")
    try fixture.write("src/.gitattributes", "*.rb binary\n")
    try fixture.write(".git/info/attributes", "*.go -text -diff\n*.dat diff\n")
    try fixture.write("a.py", "A = 1\n")
    try fixture.write("src/b.rb", "B = 2\n")
    try fixture.write("c.go", "var C = 3\n")
    // Control characters but no NUL: text to git, binary to libgit2's git_blob_is_binary heuristic.
    try fixture.write(bytesPath: Array("controls.txt".utf8), Array(repeating: 0x01, count: 64) + Array("\n".utf8))
    // A NUL just inside the first 8,000 bytes is binary; one just past them is not. `*.dat diff` changes neither.
    try fixture.write(bytesPath: Array("inside.dat".utf8), Array(repeating: 0x61, count: 7_999) + [0, 0x0A])
    try fixture.write(bytesPath: Array("outside.txt".utf8), Array(repeating: 0x61, count: 8_000) + [0, 0x0A])
    try fixture.commit("attributes and files")
    let repository = try Repository(discoveringFrom: fixture.path)
    let from = try repository.resolveCommit("HEAD~1")
    let to = try repository.resolveCommit("HEAD")
    let expectedBinary: [String: Bool] = [
      ".gitattributes": false, "src/.gitattributes": false, "a.py": false, "src/b.rb": false, "c.go": false,
      "controls.txt": false, "inside.dat": true, "outside.txt": false,
    ]
    let single = try repository.diff(from: from, to: to, options: DiffOptions(includeLines: true))
    // The threaded batch (history-only handles) and the single diff agree.
    let batch = try repository.diffs(
      Array(repeating: (from: from, to: to), count: 16), options: DiffOptions(includeLines: true), threads: 2)
    for files in [single] + batch {
      let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path.description, $0) })
      #expect(byPath.mapValues(\.isBinary) == expectedBinary)
      #expect(byPath["a.py"]?.hunks.flatMap(\.lines).map(\.text) == ["A = 1"])
      #expect(byPath["src/b.rb"]?.hunks.flatMap(\.lines).map(\.text) == ["B = 2"])
      #expect(byPath["c.go"]?.hunks.flatMap(\.lines).map(\.text) == ["var C = 3"])
      #expect(byPath["inside.dat"]?.hunks.isEmpty == true)
    }
    // The attributes do make git call these files binary, so the fixture is what an attacker would write.
    let numstat = try fixture.git(["diff", "--numstat", "HEAD~1", "HEAD"])
    let gitBinary = numstat.split(separator: "\n").filter { $0.hasPrefix("-\t-\t") }.map {
      $0.split(separator: "\t")[2]
    }
    #expect(Set(gitBinary) == ["a.py", "src/b.rb", "c.go"], "the attributes apply in git: \(numstat)")

    for path in ["a.py", "src/b.rb", "c.go", "controls.txt", "outside.txt"] {
      let blob = try #require(try repository.blobID(path: GitPath(path), at: to))
      #expect(try repository.diffBlobs(old: nil, new: blob)?.count == 1, "\(path)")
    }
    let binaryBlob = try #require(try repository.blobID(path: GitPath("inside.dat"), at: to))
    #expect(try repository.diffBlobs(old: nil, new: binaryBlob) == nil)
  }
}
