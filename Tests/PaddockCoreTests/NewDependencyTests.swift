import PaddockChange
import PaddockCore
import PaddockGit
import PaddockRules
import TestSupport
import Testing

/// The built-in `new-dependency` rule on the manifests of beads and sentry-mcp: a requirement written by
/// `go mod tidy`, the repository's own packages, and a package moved between the projects of a monorepo are not new.
@Suite struct NewDependencyTests {
  static func findings(_ file: ReviewFile, declared: [String: Set<String>] = [:]) throws -> [Finding] {
    let rule = try #require(RuleCatalog.builtin.rule(id: "new-dependency"))
    let commit = ReviewCommit(
      id: .repeating("a"), summary: "deps", author: "x <x@x>", authorship: .human)
    let change = ReviewChange(files: [file], commits: [commit], declaredDependencies: declared)
    return try RuleSet(rules: [rule]).evaluate(change, threads: 1)
  }

  /// `content` at head; the lines in `added` (1-based) are the added ones.
  static func file(_ path: String, _ content: [String], added: [Int], before: [String]? = nil) -> ReviewFile {
    ReviewFile(
      path: path, added: added.map { AddedLine(number: $0, text: content[$0 - 1], authorship: .human, commit: 0) },
      content: content, oldContent: before)
  }

  static let goMod = [
    "module github.com/steveyegge/beads", "", "go 1.24", "", "require (", "\tcharm.land/glamour/v2 v2.0.0",
    "\tgithub.com/DATA-DOG/go-sqlmock v1.5.0", "\tgithub.com/goccy/go-json v0.10.2 // indirect",
    "\tgolang.org/x/telemetry v0.0.0-20260109210033-bd525da824e2 // indirect", ")",
    "require golang.org/x/sys v0.30.0 // indirect",
  ]

  @Test func goIndirectRequirementsAreNotNew() throws {
    let found = try Self.findings(Self.file("go.mod", Self.goMod, added: [6, 7, 8, 9, 11]))
    // One finding for the manifest, naming each new package once, at the first one's line.
    #expect(found.count == 1 && found.first?.line == 6, "\(found)")
    #expect(
      found.first?.message.hasSuffix("Added 2 Go packages: `charm.land/glamour/v2`, `github.com/DATA-DOG/go-sqlmock`.")
        == true, "\(found.map(\.message))")
  }

  /// A person's and an agent's new packages in one manifest are two findings: the policy differs by authorship.
  @Test func newPackagesAreReportedOncePerManifestAndAuthorship() throws {
    var file = Self.file("go.mod", Self.goMod, added: [6, 7])
    file.added[1].authorship = .ai
    let found = try Self.findings(file)
    #expect(found.map(\.authorship) == [.human, .ai] && found.map(\.line) == [6, 7], "\(found)")
  }

  /// A requirement that was indirect and becomes direct was already in the build.
  @Test func anIndirectRequirementMadeDirectIsNotNew() throws {
    let before = ["module m", "", "require (", "\tgithub.com/goccy/go-json v0.10.2 // indirect", ")"]
    let after = ["module m", "", "require (", "\tgithub.com/goccy/go-json v0.10.2", ")"]
    #expect(try Self.findings(Self.file("go.mod", after, added: [4], before: before)).isEmpty)
  }

  @Test func theRepositorysOwnPackagesAreNotNew() throws {
    let manifest = [
      "{", "  \"name\": \"@sentry/mcp-server-evals\",", "  \"dependencies\": {",
      "    \"@sentry/mcp-server-mocks\": \"workspace:*\",", "    \"@sentry/mcp-core\": \"workspace:^\",",
      "    \"ai\": \"catalog:\",", "    \"local-lib\": \"link:../local-lib\",", "    \"tarball\": \"file:../x.tgz\",",
      "    \"msw\": \"^2.7.4\"", "  }", "}",
    ]
    let found = try Self.findings(Self.file("packages/mcp-server-evals/package.json", manifest, added: Array(4...9)))
    #expect(found.count == 1 && found.first?.message.contains("`msw`") == true, "\(found.map(\.message))")
  }

  /// A monorepo split moves packages from one manifest to another: a package another manifest declared at the base
  /// of the change is not new to the repository.
  @Test func aPackageDeclaredElsewhereInTheRepositoryIsNotNew() throws {
    let manifest = [
      "{", "  \"name\": \"@sentry/mcp-core\",", "  \"devDependencies\": {", "    \"msw\": \"^2.7.4\",",
      "    \"left-pad\": \"^1.3.0\"", "  }", "}",
    ]
    let file = Self.file("packages/mcp-core/package.json", manifest, added: [4, 5])
    let found = try Self.findings(file, declared: ["npm": ["msw", "zod"], "Go": ["left-pad"]])
    #expect(found.count == 1 && found.first?.message.contains("`left-pad`") == true, "\(found.map(\.message))")
  }
}
