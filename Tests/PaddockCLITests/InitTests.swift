import Foundation
import TestSupport
import Testing

/// `paddock init` on real repositories: the configuration fitted to them, the CI file for their host, the hooks, and
/// never a file overwritten without --force.
@Suite struct InitTests {
  static func repository(files: [String: String], remote: String? = nil) throws -> TestRepository {
    let repository = try TestRepository()
    for (path, text) in files { try repository.write(path, text) }
    try repository.commit("Initial commit")
    if let remote { try repository.git(["remote", "add", "origin", remote]) }
    return repository
  }

  static func read(_ repository: TestRepository, _ path: String) -> String? {
    FileManager.default.contents(atPath: repository.path + "/" + path).map { String(decoding: $0, as: UTF8.self) }
  }

  @Test func aGitHubRepositoryGetsItsConfigurationWorkflowAndHooks() throws {
    let repository = try Self.repository(files: [
      "Sources/App/main.swift": "print(1)\n", "Sources/App/util.swift": "let x = 1\n", "tools/gen.py": "x = 1\n",
      "terraform/main.tf": "resource \"x\" \"y\" {}\n", "Dockerfile": "FROM debian\n",
      ".github/dependabot.yml": "version: 2\n",
    ])
    let result = try repository.paddock(["init", "--action", "acme/paddock@v9.9.9"])
    #expect(result.status == 0, "\(result.err)")
    let config = try #require(Self.read(repository, ".paddock.yml"))
    #expect(
      config.contains("Languages found: swift (2 files), dockerfile (1 file), python (1 file), terraform (1 file).\n"),
      "\(config)")
    #expect(config.contains("protected-paths: ['terraform/**', 'Dockerfile']"), "\(config)")
    let workflow = try #require(Self.read(repository, ".github/workflows/paddock.yml"))
    #expect(workflow.contains("uses: acme/paddock@v9.9.9"))
    #expect(workflow.contains("fetch-depth: 0"))
    #expect(result.out.contains("CI: GitHub Actions (the repository has a .github folder)"), "\(result.out)")
    #expect(FileManager.default.isExecutableFile(atPath: repository.path + "/.git/hooks/pre-push"))
    #expect(FileManager.default.isExecutableFile(atPath: repository.path + "/.git/hooks/prepare-commit-msg"))
    // What it wrote is a configuration Paddock accepts, and protects what it names.
    let rules = try repository.paddock(["rules", "list"])
    #expect(rules.status == 0, "\(rules.err)")
  }

  @Test func aGitLabRemoteGetsTheTemplateIncluded() throws {
    let repository = try Self.repository(
      files: ["main.go": "package main\n"], remote: "git@gitlab.com:acme/service.git")
    let result = try repository.paddock(["init", "--action", "acme/paddock@v1.0.0"])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains("CI: GitLab CI (a remote is on GitLab"), "\(result.out)")
    let ci = try #require(Self.read(repository, ".gitlab-ci.yml"))
    #expect(ci.contains("https://raw.githubusercontent.com/acme/paddock/v1.0.0/templates/gitlab-ci.yml"), "\(ci)")
    #expect(Self.read(repository, ".github/workflows/paddock.yml") == nil)
  }

  @Test func anExistingGitLabFileIsNeverEditedEvenWithForce() throws {
    let existing = "stages: [test]\n"
    let repository = try Self.repository(files: [".gitlab-ci.yml": existing, "app.rb": "puts 1\n"])
    let result = try repository.paddock(["init", "--force"])
    #expect(result.status == 0, "\(result.err)")
    #expect(Self.read(repository, ".gitlab-ci.yml") == existing)
    #expect(result.out.contains("add Paddock's job to your .gitlab-ci.yml"), "\(result.out)")
  }

  @Test func dryRunWritesNothing() throws {
    let repository = try Self.repository(files: ["app.py": "x = 1\n"], remote: "https://github.com/acme/app.git")
    let before = try repository.git(["status", "--porcelain", "--ignored"])
    let result = try repository.paddock(["init", "--dry-run"])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains("would write .paddock.yml"), "\(result.out)")
    #expect(result.out.contains("would write .github/workflows/paddock.yml"), "\(result.out)")
    #expect(result.out.contains("  | version: 1"), "\(result.out)")
    #expect(result.out.contains("would install the hooks"), "\(result.out)")
    #expect(try repository.git(["status", "--porcelain", "--ignored"]) == before)
    #expect(!FileManager.default.fileExists(atPath: repository.path + "/.git/hooks/pre-push"))
  }

  @Test func anExistingFileIsKeptUnlessForce() throws {
    let mine = "version: 1\nhooks: {required: true}\n"
    let repository = try Self.repository(files: [".paddock.yml": mine, "app.py": "x = 1\n"])
    let kept = try repository.paddock(["init"])
    #expect(kept.status == 0, "\(kept.err)")
    #expect(kept.out.contains(".paddock.yml: exists, left alone (--force replaces it)"), "\(kept.out)")
    #expect(Self.read(repository, ".paddock.yml") == mine)
    let forced = try repository.paddock(["init", "--force"])
    #expect(forced.status == 0, "\(forced.err)")
    #expect(Self.read(repository, ".paddock.yml") != mine)
    #expect(forced.out.contains("replaced .paddock.yml"), "\(forced.out)")
  }
}
