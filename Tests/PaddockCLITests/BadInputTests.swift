import Foundation
import TestSupport
import Testing

/// What a user sees for each kind of bad input: a clear message, exit code 2, never a crash.
@Suite struct BadInputTests {
  static let claude = "\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>\n"

  /// main with three commits, feature with an AI and a human commit.
  static func simpleRepository() throws -> TestRepository {
    let repository = try TestRepository()
    try repository.write("src/a.swift", "one\ntwo\nthree\n")
    try repository.commit("first")
    try repository.write("src/a.swift", "one\ntwo\nthree\nfour\n")
    try repository.commit("second")
    try repository.write("README", "hello\n")
    try repository.commit("third")
    try repository.git(["checkout", "-q", "-b", "feature"])
    try repository.write("src/a.swift", "one\nAI wrote this\ntwo\nthree\nfour\n")
    try repository.commit("ai change" + claude)
    try repository.write("src/a.swift", "one\nAI wrote this\ntwo\nthree\nfour\nperson wrote this\n")
    try repository.commit("human change")
    return repository
  }

  @Test func notARepository() throws {
    let repository = try TestRepository()
    let outside = repository.siblingPath("plain")
    try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
    let result = try PaddockBinary.run(["attribute"], in: outside, environment: repository.environment)
    #expect(result.status == 2)
    #expect(result.err.contains("not a git repository"))
    #expect(result.err.contains("-C PATH"))
    #expect(result.stdout.isEmpty)
  }

  @Test func unbornBranch() throws {
    let repository = try TestRepository()
    let result = try repository.paddock(["attribute"])
    #expect(result.status == 2)
    #expect(result.err.contains("branch `main`, which has no commits yet"))
  }

  /// A range with no commits is not an error: each command says there is nothing to do and exits 0, and a
  /// machine format still gets its report.
  @Test func emptyRangeIsNothingToDo() throws {
    let repository = try Self.simpleRepository()
    let attribute = try repository.paddock(["attribute", "feature..main~1"])
    #expect(attribute.status == 0, "\(attribute.err)")
    #expect(attribute.out.contains("feature..main~1: nothing to attribute (the range has no commits)"))
    let review = try repository.paddock(["review", "feature..main~1"])
    #expect(review.status == 0, "\(review.err)")
    #expect(review.out == "paddock review feature..main~1: nothing to review (the range has no commits)\n")
    let json = try repository.paddock(["review", "feature..feature", "--format", "json"])
    #expect(json.status == 0, "\(json.err)")
    #expect(json.out.contains("\"verdict\" : \"pass\""), "\(json.out)")
    let sarif = try repository.paddock(["review", "main..main", "--format", "sarif"])
    #expect(sarif.status == 0 && sarif.out.contains("\"version\" : \"2.1.0\""), "\(sarif.out)")
    let baseline = try repository.paddock(["baseline", "main..main"])
    #expect(baseline.status == 0, "\(baseline.err)")
    #expect(baseline.err.contains("nothing to record"))
    #expect(!FileManager.default.fileExists(atPath: repository.path + "/.paddock-baseline.json"))
  }

  /// `HEAD~N` past the root names the revision, how many commits the history has and the furthest one back.
  @Test func aRevisionPastTheRootSaysSoInWords() throws {
    let repository = try Self.simpleRepository()
    let commits = try repository.git(["rev-list", "--first-parent", "--count", "main"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let root = String(try repository.git(["rev-list", "--max-parents=0", "main"]).prefix(12))
    let result = try repository.paddock(["review", "main~10"])
    #expect(result.status == 2)
    #expect(result.err.contains("`main~10` is 10 commits back from `main`"), "\(result.err)")
    #expect(result.err.contains("has only \(commits) commit"), "\(result.err)")
    #expect(result.err.contains("the root commit \(root)"), "\(result.err)")
    let carets = try repository.paddock(["attribute", "main^^^^^^^^^^..main"])
    #expect(carets.err.contains("is 10 commits back"), "\(carets.err)")
    // A second parent that does not exist is git's own error, not a count of the history.
    let second = try repository.paddock(["attribute", "main^2"])
    #expect(second.status == 2)
    #expect(!second.err.contains("commits back"), "\(second.err)")
  }

  @Test func unknownRevision() throws {
    let repository = try Self.simpleRepository()
    let result = try repository.paddock(["attribute", "nope..HEAD"])
    #expect(result.status == 2)
    #expect(result.err.contains("resolve revision `nope`"))
    #expect(result.err.contains("git rev-parse --verify nope"))
    let remote = try repository.paddock(["attribute", "--base", "origin/main"])
    #expect(remote.status == 2)
    #expect(remote.err.contains("git fetch"))
  }

  @Test func detachedHeadUsesTheDefaultBranch() throws {
    let repository = try Self.simpleRepository()
    try repository.git(["checkout", "-q", "--detach", "feature"])
    let result = try repository.paddock(["attribute", "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any]
    let totals = json?["totals"] as? [String: Int]
    #expect(totals?["ai"] == 1)
    #expect(totals?["human"] == 1)
    #expect(try json?["base"] as? String == repository.revParse("main"))
  }

  @Test func worksFromSubdirectoryWorktreeAndBareRepository() throws {
    let repository = try Self.simpleRepository()
    let fromSubdirectory = try repository.paddock(["attribute", "main..feature"], directory: "src")
    #expect(fromSubdirectory.status == 0, "\(fromSubdirectory.err)")
    #expect(fromSubdirectory.out.contains("ai 1 (50.0%)"))

    let worktree = repository.siblingPath("wt")
    try repository.git(["worktree", "add", "-q", worktree, "feature~1"])
    let inWorktree = try PaddockBinary.run(["attribute", "main"], in: worktree, environment: repository.environment)
    #expect(inWorktree.status == 0, "\(inWorktree.err)")
    #expect(inWorktree.out.contains("ai 1 (100.0%)"))

    let bare = repository.siblingPath("bare.git")
    try repository.git(["clone", "-q", "--bare", repository.path, bare])
    let inBare = try PaddockBinary.run(["attribute", "main..feature"], in: bare, environment: repository.environment)
    #expect(inBare.status == 0, "\(inBare.err)")
    #expect(inBare.out.contains("added lines: 2"))
  }

  @Test func shallowCloneReachingPastItsDepth() throws {
    let origin = try Self.simpleRepository()
    let clonePath = origin.siblingPath("shallow")
    try origin.git(["clone", "-q", "--depth", "2", "--branch", "feature", "file://\(origin.path)", clonePath])
    let clone = TestRepository(existing: clonePath, home: origin.home)
    let within = try clone.paddock(["attribute", "HEAD~1..HEAD"])
    #expect(within.status == 0, "\(within.err)")
    #expect(within.out.contains("human 1"))
    let beyond = try clone.paddock(["attribute", "HEAD~4..HEAD"])
    #expect(beyond.status == 2)
    #expect(beyond.err.contains("shallow clone"))
    #expect(beyond.err.contains("git fetch --unshallow"))
  }

  @Test func missingObjects() throws {
    let repository = try Self.simpleRepository()
    // Remove the blob of the AI-written version: the history now refers to an object that is gone.
    let blob = try repository.git(["rev-parse", "feature~1:src/a.swift"]).trimmingCharacters(
      in: .whitespacesAndNewlines)
    try FileManager.default.removeItem(atPath: "\(repository.path)/.git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))")
    // The run goes on; the file is named, with what to do.
    let result = try repository.paddock(["attribute", "main..feature"])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains("could not be read (src/a.swift)"), "\(result.out)")
    #expect(result.out.contains("git fsck"))
  }

  @Test func nonUTF8NamesBinaryFilesAndRootCommit() throws {
    let repository = try TestRepository()
    try repository.write("seed", "x\n")
    try repository.commit("seed")
    try repository.git(["checkout", "-q", "--orphan", "other"])
    try repository.git(["rm", "-q", "-rf", "."])
    // A Latin-1 file name (caf\xe9.txt) and a binary file, in a root commit written by an agent.
    try repository.write(bytesPath: Array("caf".utf8) + [0xE9] + Array(".txt".utf8), Array("bonjour\n".utf8))
    try repository.write(bytesPath: Array("logo.bin".utf8), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0xFF])
    // And an unpopulated submodule (a gitlink over an empty folder, which `git add -A` keeps).
    try FileManager.default.createDirectory(atPath: repository.path + "/vendor/lib", withIntermediateDirectories: true)
    try repository.git(["update-index", "--add", "--cacheinfo", "160000,\(try repository.revParse("main")),vendor/lib"])
    try repository.commit("root commit" + Self.claude)
    let result = try repository.paddock(["attribute", "main..other", "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any]
    #expect(json?["merge_base"] == nil)
    let files = json?["files"] as? [[String: Any]] ?? []
    #expect(files.count == 3)
    #expect(
      files.contains {
        ($0["path"] as? String) == "vendor/lib" && ($0["submodule"] as? Bool) == true && $0["commit"] != nil
      })
    #expect(files.contains { ($0["path"] as? String) == "caf\u{FFFD}.txt" && ($0["authorship"] as? String) == "ai" })
    #expect(
      files.contains { ($0["path"] as? String) == "logo.bin" && ($0["binary"] as? Bool) == true && $0["commit"] != nil }
    )

    // The raw Latin-1 name goes through a shell, since Foundation passes arguments as UTF-8 text.
    var environment = repository.environment
    environment["PADDOCK"] = PaddockBinary.path
    let blame = try ProcessRunner.run(
      "/bin/sh", ["-c", #""$PADDOCK" blame --color never "$(printf 'caf\351.txt')""#], in: repository.path,
      environment: environment)
    #expect(blame.status == 0, "\(blame.err)")
    #expect(blame.out.contains("AI claude-code"))
    #expect(blame.out.hasSuffix(") bonjour\n"))
    let binary = try repository.paddock(["blame", "logo.bin"])
    #expect(binary.status == 2)
    #expect(binary.err.contains("logo.bin is a binary file"))
  }

  @Test func mergeCommitInsideTheRange() throws {
    let repository = try Self.simpleRepository()
    try repository.git(["checkout", "-q", "main"])
    try repository.write("README", "hello\nmore\n")
    try repository.commit("main moves on")
    try repository.git(["checkout", "-q", "feature"])
    try repository.merge("main", message: "Merge main")
    let result = try repository.paddock(["attribute", "main~1..feature", "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any]
    let commits = json?["commits"] as? [[String: Any]] ?? []
    #expect(commits.contains { ($0["parents"] as? [String])?.count == 2 })
    let totals = json?["totals"] as? [String: Int]
    #expect(totals?["total"] == 3)
    #expect(totals?["ai"] == 1)
  }

  @Test func malformedConfiguration() throws {
    let repository = try Self.simpleRepository()
    try repository.write(
      ".paddock.yml", "version: 1\naliases:\n  - identity: 'Bot <bot@example.com>'\n    agnet: claude-code\n")
    let result = try repository.paddock(["attribute", "main..feature"])
    #expect(result.status == 2)
    #expect(result.err.contains(".paddock.yml:4"))
    #expect(result.err.contains("unknown key `agnet`"))
    #expect(result.err.contains("did you mean `agent`"))

    try repository.write(".paddock.yml", "version: 1\ndisable: [claude-code/co-author\n")
    let broken = try repository.paddock(["attribute", "main..feature"])
    #expect(broken.status == 2)
    #expect(broken.err.contains("is not valid YAML"))
  }

  @Test func blameErrors() throws {
    let repository = try Self.simpleRepository()
    let missing = try repository.paddock(["blame", "nope.swift"])
    #expect(missing.status == 2)
    #expect(missing.err.contains("no file `nope.swift`"))
    let range = try repository.paddock(["blame", "src/a.swift", "-L", "3,99"])
    #expect(range.status == 2)
    #expect(range.err.contains("which has 6 lines"))
    let usage = try repository.paddock(["blame", "src/a.swift", "-L", "x"])
    #expect(usage.status == 64)
  }
}
