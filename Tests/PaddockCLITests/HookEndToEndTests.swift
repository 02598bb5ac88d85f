import Foundation
import TestSupport
import Testing

/// Real `git push` to a local bare remote through the installed pre-push hook, and `paddock hook install` in the
/// set-ups people have.
@Suite struct HookEndToEndTests {
  static let claude = "\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>\n"
  static let secret = "AWS_ACCESS_KEY_ID = \"AKIAZ7QX4RLM2VBN6KTE\"\n"

  /// A clone with `origin` (a bare repository) that has `main`, and Paddock's hooks installed.
  static func clone(install: Bool = true) throws -> (work: TestRepository, remote: TestRepository) {
    let work = try TestRepository()
    // The remote lives beside the clone, so it lasts as long as the clone does.
    let remotePath = work.siblingPath("remote.git")
    try work.git(["init", "-q", "--bare", "-b", "main", remotePath])
    let remote = TestRepository(existing: remotePath, home: work.home)
    try work.git(["remote", "add", "origin", remotePath])
    try work.git(["config", "user.name", "Ada Lovelace"])
    try work.git(["config", "user.email", "ada@example.com"])
    try work.write("src/app.py", "def main():\n    return 0\n")
    try work.write("tests/test_app.py", "def test_main():\n    assert main() == 0\n")
    try work.commit("Initial commit")
    try work.git(["push", "-q", "origin", "main"])
    if install {
      let result = try work.paddock(["hook", "install"])
      #expect(result.status == 0, "\(result.err)")
    }
    return (work, remote)
  }

  /// Adds a tested Python file; `risky` puts a credential in it.
  static func addSettings(_ work: TestRepository, name: String, risky: Bool, ai: Bool) throws {
    try work.write("src/\(name).py", "REGION = \"eu-west-1\"\n" + (risky ? secret : ""))
    try work.write("tests/test_\(name).py", "def test_region():\n    assert REGION\n")
    try work.commit("Add \(name)" + (ai ? claude : ""))
  }

  static func remoteHas(_ remote: TestRepository, _ branch: String) throws -> Bool {
    try remote.gitResult(["rev-parse", "--verify", "-q", "refs/heads/\(branch)"]).status == 0
  }

  @Test func aCleanPushPassesAndASecretFromAnAIIsBlocked() throws {
    let (work, remote) = try Self.clone()
    try Self.addSettings(work, name: "clean", risky: false, ai: true)
    let clean = try work.gitResult(["push", "origin", "main"])
    #expect(clean.status == 0, "\(clean.err)")
    #expect(clean.err.contains("PASS"), "\(clean.err)")

    try Self.addSettings(work, name: "risky", risky: true, ai: true)
    let risky = try work.gitResult(["push", "origin", "main"])
    #expect(risky.status != 0)
    #expect(risky.err.contains("aws-access-key-id"), "\(risky.err)")
    #expect(risky.err.contains("push blocked"))
    #expect(!risky.err.contains("AKIAZ7QX4RLM2VBN6KTE"), "the secret is masked")
    #expect(try remote.git(["rev-parse", "main"]) != (try work.git(["rev-parse", "main"])))
  }

  /// The hook used to judge only the push's final diff: an AI commit that adds a key and a later commit that
  /// removes it (what "fix the finding" leads to) passed, and the remote kept the key in history.
  @Test func aSecretThatALaterCommitRemovesIsBlocked() throws {
    let (work, remote) = try Self.clone()
    try Self.addSettings(work, name: "settings", risky: true, ai: true)
    let leaking = try work.revParse("HEAD")
    try work.write("src/settings.py", "REGION = \"eu-west-1\"\n")
    try work.commit("Remove the key from settings" + Self.claude)
    #expect(try work.git(["diff", "origin/main", "main"]).contains("AKIA") == false, "the final diff has no key")

    let result = try work.gitResult(["push", "origin", "main"])
    #expect(result.status != 0, "\(result.err)")
    #expect(result.err.contains("aws-access-key-id"), "\(result.err)")
    #expect(result.err.contains("Commit \(leaking.prefix(12))"), "the finding names the commit: \(result.err)")
    #expect(result.err.contains("git rebase -i \(leaking.prefix(12))^"), "\(result.err)")
    #expect(result.err.contains("git commit --amend"))
    #expect(!result.err.contains("AKIAZ7QX4RLM2VBN6KTE"), "the secret is masked")
    #expect(try remote.git(["rev-parse", "main"]) != (try work.git(["rev-parse", "main"])))

    // Rewriting history as the fix says (dropping the key from the commit that added it) lets the push through.
    try work.git(["reset", "-q", "--hard", "origin/main"])
    try Self.addSettings(work, name: "settings", risky: false, ai: true)
    let clean = try work.gitResult(["push", "origin", "main"])
    #expect(clean.status == 0, "\(clean.err)")
  }

  @Test func everyRefOfAPushIsChecked() throws {
    let (work, remote) = try Self.clone()
    try work.git(["checkout", "-q", "-b", "good"])
    try Self.addSettings(work, name: "good", risky: false, ai: true)
    try work.git(["checkout", "-q", "-b", "bad", "main"])
    try Self.addSettings(work, name: "bad", risky: true, ai: true)
    let result = try work.gitResult(["push", "origin", "good", "bad"])
    #expect(result.status != 0)
    #expect(result.err.contains("push blocked (bad)"), "\(result.err)")
    #expect(try !Self.remoteHas(remote, "good"), "a blocked push updates no ref")
    #expect(try !Self.remoteHas(remote, "bad"))
  }

  @Test func aNewBranchIsJudgedByItsNewCommitsOnly() throws {
    let (work, remote) = try Self.clone()
    // A risky commit that is already on the remote (pushed past the hook) is not the new branch's.
    try Self.addSettings(work, name: "old", risky: true, ai: true)
    #expect(try work.gitResult(["push", "--no-verify", "origin", "main"]).status == 0)
    try work.git(["checkout", "-q", "-b", "feature"])
    try Self.addSettings(work, name: "feature", risky: false, ai: true)
    let result = try work.gitResult(["push", "origin", "feature"])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.err.contains("creates feature: checking the 1 commit not on origin"), "\(result.err)")
    #expect(try Self.remoteHas(remote, "feature"))
  }

  @Test func aForcePushOverHistoryThisCloneNeverSawChecksOnlyItsOwnCommits() throws {
    let (work, remote) = try Self.clone()
    // Someone else pushes a commit this clone never fetches.
    let other = TestRepository(existing: work.siblingPath("other"), home: work.home)
    try work.git(["clone", "-q", remote.path, other.path])
    try other.git(["config", "user.name", "Grace Hopper"])
    try other.git(["config", "user.email", "grace@example.com"])
    try Self.addSettings(other, name: "theirs", risky: true, ai: true)
    #expect(try other.gitResult(["push", "--no-verify", "origin", "main"]).status == 0)

    try Self.addSettings(work, name: "mine", risky: false, ai: true)
    let result = try work.gitResult(["push", "--force", "origin", "main"])
    #expect(result.status == 0, "\(result.err)")
    #expect(
      result.err.contains("force-pushes main over commits not in this clone: checking the 1 commit"), "\(result.err)")
  }

  @Test func aDeletionPassesAndNoVerifyBypasses() throws {
    let (work, remote) = try Self.clone()
    try work.git(["checkout", "-q", "-b", "topic"])
    try Self.addSettings(work, name: "topic", risky: true, ai: true)
    let bypass = try work.gitResult(["push", "--no-verify", "origin", "topic"])
    #expect(bypass.status == 0, "\(bypass.err)")
    #expect(!bypass.err.contains("paddock:"))
    #expect(try Self.remoteHas(remote, "topic"))

    let deletion = try work.gitResult(["push", "origin", "--delete", "topic"])
    #expect(deletion.status == 0, "\(deletion.err)")
    #expect(deletion.err.contains("deletes topic: nothing to check"), "\(deletion.err)")
    #expect(try !Self.remoteHas(remote, "topic"))
  }

  @Test func aMissingBinaryFailsOpenUnlessRequired() throws {
    let (work, _) = try Self.clone()
    try Self.addSettings(work, name: "risky", risky: true, ai: true)
    let missing = ["PADDOCK": "/nonexistent/paddock"]
    let open = try work.gitResult(["push", "origin", "main"], extraEnvironment: missing)
    #expect(open.status == 0, "\(open.err)")
    #expect(open.err.contains("WARNING: no paddock binary found"), "\(open.err)")
    #expect(open.err.contains("NOT reviewed"))

    try Self.addSettings(work, name: "more", risky: false, ai: false)
    try work.write(".paddock.yml", "hooks:\n  required: true\n")
    try work.commit("Require Paddock")
    let required = try work.gitResult(["push", "origin", "main"], extraEnvironment: missing)
    #expect(required.status != 0)
    #expect(required.err.contains("requires Paddock"), "\(required.err)")
  }

  /// A tag can name a tree or a blob (lightweight or annotated), whose files belong to no commit: the hook refuses
  /// such a push and says why, instead of passing it as nothing to check. A tag on a commit is reviewed as usual.
  @Test func aTreeOrBlobPushedAsARefIsRefused() throws {
    let (work, remote) = try Self.clone()
    try Self.addSettings(work, name: "risky", risky: true, ai: true)
    let blob = try work.git(["hash-object", "-w", "src/risky.py"]).trimmingCharacters(in: .whitespacesAndNewlines)
    try work.git(["tag", "tree-tag", "HEAD^{tree}"])
    try work.git(["tag", "blob-tag", blob])
    try work.git(["tag", "-a", "-m", "A tree", "annotated-tree", "HEAD^{tree}"])
    for (tag, kind) in [("tree-tag", "tree"), ("blob-tag", "blob"), ("annotated-tree", "tree")] {
      let push = try work.gitResult(["push", "origin", "refs/tags/\(tag)"])
      #expect(push.status != 0, "\(tag): \(push.err)")
      #expect(push.err.contains("\(tag) points at a \(kind)") && push.err.contains("not a commit"), "\(push.err)")
      #expect(push.err.contains("push blocked (\(tag))"), "\(push.err)")
      #expect(try remote.gitResult(["rev-parse", "--verify", "-q", "refs/tags/\(tag)"]).status != 0)
    }

    try work.git(["reset", "-q", "--hard", "HEAD~1"])
    try Self.addSettings(work, name: "clean", risky: false, ai: true)
    try work.git(["tag", "-a", "-m", "Release", "v1", "HEAD"])
    let release = try work.gitResult(["push", "origin", "refs/tags/v1"])
    #expect(release.status == 0, "\(release.err)")
    #expect(release.err.contains("PASS"), "the tagged commit is reviewed: \(release.err)")
  }

  /// `.paddock.yml` texts and whether they make Paddock required: every form Paddock accepts for true, and ones
  /// it reads as false.
  static let requiredForms: [(yaml: String, required: Bool)] = [
    ("hooks:\n  required: true\n", true),
    ("hooks:\n  required: True\n", true),
    ("hooks:\n  required: TRUE\n", true),
    ("hooks:\n  required: \"true\"\n", true),
    ("hooks:\n  required: 'yes'\n", true),
    ("hooks:\n  required: yes\n", true),
    ("hooks:\n  required: On   # blocks without a binary\n", true),
    ("hooks:\n  required: !!bool true\n", true),
    ("hooks: {required: true}\n", true),
    ("hooks: {trailer: Assisted-by, required: \"True\"}\n", true),
    ("hooks: {\n  trailer: Assisted-by,\n  required: yes\n}\n", true),
    ("\"hooks\":\n    'required': true\n", true),
    (
      "# team settings\nhooks:   # hooks\n\n  sessions:\n    - variable: X\n      agent: claude-code\n  required: yes\n",
      true
    ),
    ("hooks:\n  required: false\n", false),
    ("hooks:\n  required: \"no\"\n", false),
    ("hooks: {required: Off}\n", false),
    ("# hooks:\n#   required: true\n", false),
    ("hooks:\n  trailer: Assisted-by\n", false),
    ("report:\n  tags: required\nhooks:\n  required: false\nbaseline: required.json\n", false),
  ]

  /// The pre-push script, which has to read `hooks.required` without a binary, agrees with Paddock on every form,
  /// and `paddock hook status` says which it is.
  @Test(arguments: requiredForms.indices)
  func hooksRequiredIsReadAsPaddockReadsIt(_ index: Int) throws {
    let (yaml, required) = Self.requiredForms[index]
    let work = try TestRepository()
    #expect(try work.paddock(["hook", "install"]).status == 0)
    try work.write(".paddock.yml", yaml)

    let status = try work.paddock(["hook", "status"])
    #expect(status.status == 0, "\(status.err)")
    #expect(status.out.contains(required ? "required: yes" : "required: no"), "\(yaml): \(status.out)")

    let hook = try ProcessRunner.run(
      "/bin/sh", [Self.hookPath(work, "pre-push"), "origin", "/nowhere"], in: work.path,
      environment: work.environment.merging(["PADDOCK": "/nonexistent/paddock"]) { $1 })
    #expect(hook.status == (required ? 1 : 0), "\(yaml): \(hook.err)")
    #expect(hook.err.contains(required ? "requires Paddock" : "NOT reviewed"), "\(yaml): \(hook.err)")
  }

  // MARK: hook install

  static let foreignHook =
    "#!/bin/sh\n# the team's own check\necho \"foreign $1\" >> \"$(git rev-parse --git-dir)/foreign.log\"\ncat >> \"$(git rev-parse --git-dir)/foreign.log\"\n"

  static func hookPath(_ work: TestRepository, _ name: String) -> String { work.path + "/.git/hooks/" + name }

  @Test func anExistingHookIsChainedAndRestoredExactly() throws {
    let (work, _) = try Self.clone(install: false)
    let hook = Self.hookPath(work, "pre-push")
    FileManager.default.createFile(atPath: hook, contents: Data(Self.foreignHook.utf8))
    try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: hook)

    let install = try work.paddock(["hook", "install"])
    #expect(install.status == 0, "\(install.err)")
    #expect(install.err.contains("pre-push.pre-paddock"))
    try Self.addSettings(work, name: "clean", risky: false, ai: true)
    let push = try work.gitResult(["push", "origin", "main"])
    #expect(push.status == 0, "\(push.err)")
    #expect(push.err.contains("PASS"))
    let log = String(
      decoding: FileManager.default.contents(atPath: work.path + "/.git/foreign.log") ?? Data(), as: UTF8.self)
    #expect(log.contains("foreign origin"), "the chained hook ran with git's arguments")
    #expect(log.contains("refs/heads/main"), "and with git's input")

    let status = try work.paddock(["hook", "status"])
    #expect(status.out.contains("pre-push: installed, runs"), "\(status.out)")

    #expect(try work.paddock(["hook", "uninstall"]).status == 0)
    #expect(FileManager.default.contents(atPath: hook) == Data(Self.foreignHook.utf8))
    let mode = try FileManager.default.attributesOfItem(atPath: hook)[.posixPermissions] as? Int
    #expect(mode == 0o750)
    #expect(!FileManager.default.fileExists(atPath: hook + ".pre-paddock"))
    #expect(!FileManager.default.fileExists(atPath: Self.hookPath(work, "prepare-commit-msg")))
  }

  @Test func installingTwiceChangesNothingAndUninstallLeavesNoTrace() throws {
    let (work, _) = try Self.clone(install: false)
    #expect(try work.paddock(["hook", "install"]).status == 0)
    let first = FileManager.default.contents(atPath: Self.hookPath(work, "pre-push"))
    let again = try work.paddock(["hook", "install"])
    #expect(again.status == 0)
    #expect(again.err.contains("pre-push: already installed"), "\(again.err)")
    #expect(FileManager.default.contents(atPath: Self.hookPath(work, "pre-push")) == first)
    #expect(!FileManager.default.fileExists(atPath: Self.hookPath(work, "pre-push.pre-paddock")))

    #expect(try work.paddock(["hook", "uninstall"]).status == 0)
    #expect(!FileManager.default.fileExists(atPath: Self.hookPath(work, "pre-push")))
    #expect(try work.paddock(["hook", "status"]).out.contains("pre-push: not installed"))
    // Uninstalling again is harmless.
    #expect(try work.paddock(["hook", "uninstall"]).err.contains("not installed"))
  }

  @Test func hooksPathIsHonoured() throws {
    let (work, _) = try Self.clone(install: false)
    try work.git(["config", "core.hooksPath", ".githooks"])
    #expect(try work.paddock(["hook", "install"]).status == 0)
    #expect(FileManager.default.fileExists(atPath: work.path + "/.githooks/pre-push"))
    #expect(!FileManager.default.fileExists(atPath: Self.hookPath(work, "pre-push")))
    try Self.addSettings(work, name: "risky", risky: true, ai: true)
    let push = try work.gitResult(["push", "origin", "main"])
    #expect(push.status != 0, "git runs the hook from core.hooksPath")
    #expect(push.err.contains("aws-access-key-id"))
  }

  @Test func huskyGetsOneLineThatUninstallTakesBack() throws {
    let (work, _) = try Self.clone(install: false)
    try work.write(".husky/pre-push", "npm test\n")
    try work.git(["config", "core.hooksPath", ".husky/_"])
    #expect(try work.paddock(["hook", "install"]).status == 0)
    let text = String(
      decoding: FileManager.default.contents(atPath: work.path + "/.husky/pre-push") ?? Data(), as: UTF8.self)
    #expect(text.hasPrefix("npm test\n"))
    #expect(text.contains("paddock/hooks/pre-push\" \"$@\" # paddock-hook"), "\(text)")
    #expect(FileManager.default.isExecutableFile(atPath: work.path + "/.git/paddock/hooks/pre-push"))
    #expect(try work.paddock(["hook", "uninstall"]).status == 0)
    #expect(FileManager.default.contents(atPath: work.path + "/.husky/pre-push") == Data("npm test\n".utf8))
    #expect(!FileManager.default.fileExists(atPath: work.path + "/.husky/prepare-commit-msg"))
  }

  @Test func aWorktreeSharesTheMainRepositorysHooks() throws {
    let (work, _) = try Self.clone(install: false)
    let tree = work.siblingPath("tree")
    try work.git(["worktree", "add", "-q", "-b", "side", tree])
    let install = try PaddockBinary.run(["hook", "install"], in: tree, environment: work.environment)
    #expect(install.status == 0, "\(install.err)")
    #expect(FileManager.default.fileExists(atPath: Self.hookPath(work, "pre-push")), "hooks live in the common dir")
    let worktree = TestRepository(existing: tree, home: work.home)
    try Self.addSettings(worktree, name: "risky", risky: true, ai: true)
    let push = try worktree.gitResult(["push", "origin", "side"])
    #expect(push.status != 0)
    #expect(push.err.contains("aws-access-key-id"), "\(push.err)")
  }

  // MARK: prepare-commit-msg

  @Test func anAgentSessionGetsItsTrailerOnce() throws {
    let (work, _) = try Self.clone()
    let session = ["CLAUDECODE": "1"]
    func commit(_ message: String, _ environment: [String: String]) throws -> String {
      try work.write("src/n\(UUID().uuidString.prefix(6)).py", "x = 1\n")
      try work.git(["add", "-A"])
      try work.git(["commit", "-q", "-m", message], extraEnvironment: environment)
      return try work.git(["log", "-1", "--format=%B"])
    }
    let added = try commit("Add a helper", session)
    #expect(added == "Add a helper\n\nAssisted-by: Claude Code\n\n", "\(added)")
    let person = try commit("Add another helper", [:])
    #expect(!person.contains("Assisted-by"))
    let declared = try commit("Add a third\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>", session)
    #expect(!declared.contains("Assisted-by"), "the message already names the agent")

    // Amending keeps one trailer.
    try work.git(["commit", "-q", "--amend", "--no-edit"], extraEnvironment: session)
    try work.git(
      ["commit", "-q", "--amend", "-m", "Add a helper\n\nAssisted-by: Claude Code"], extraEnvironment: session)
    let amended = try work.git(["log", "-1", "--format=%B"])
    #expect(amended.components(separatedBy: "Assisted-by").count == 2, "\(amended)")

    // A merge keeps git's message.
    try work.git(["checkout", "-q", "-b", "side", "HEAD~1"])
    _ = try commit("Side work", [:])
    try work.git(["checkout", "-q", "main"])
    try work.git(["merge", "-q", "--no-ff", "--no-edit", "side"], extraEnvironment: session)
    #expect(!(try work.git(["log", "-1", "--format=%B"])).contains("Assisted-by"))
  }
}
