import Foundation
import PaddockCore
import PaddockGit
import PaddockReports
import TestSupport
import Testing

/// The renderers' output, byte for byte, against files under `Golden/`.
/// Re-record with `RECORD_SNAPSHOTS=1 swift test --filter GoldenOutputTests`.
@Suite struct GoldenOutputTests {
  static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Golden")

  /// A small fixed history: ids are the same on every machine because dates and identities are fixed.
  static func fixture() throws -> TestRepository {
    let repository = try TestRepository()
    try repository.write("src/app.swift", "import Foundation\n\nfunc main() {\n}\n")
    try repository.commit("Initial commit")
    try repository.git(["checkout", "-q", "-b", "feature"])
    try repository.write("src/app.swift", "import Foundation\n\nfunc main() {\n  print(\"hello\")\n  run()\n}\n")
    try repository.commit(
      "Add the main loop\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>\n",
      committer: .init("Ada Lovelace", "ada@example.com"))
    try repository.write(
      "src/app.swift", "import Foundation\n\nfunc main() {\n  print(\"hello\")\n  run()\n  exit(0)\n}\n")
    try repository.write("docs/notes.md", "Written by a person.\n")
    try repository.commit("Exit cleanly\n\nReviewed-by: Grace Hopper <grace@example.com>\n")
    return repository
  }

  static func check(_ actual: String, against name: String) throws {
    let url = goldenDirectory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      try Data(actual.utf8).write(to: url)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "output differs from Golden/\(name); re-record with RECORD_SNAPSHOTS=1 if intended")
  }

  @Test func attributionText() throws {
    let fixture = try Self.fixture()
    let repository = try Repository(discoveringFrom: fixture.path)
    let range = try RangeResolver.resolve(in: repository, range: "main..feature", base: nil, head: nil)
    let report = try Attributor(repository: repository, catalogue: .builtin).attribute(range)
    try Self.check(AttributionTextRenderer(colour: false).render(report, label: range.label), against: "attribute.txt")
    try Self.check(try JSONRenderer.render(report), against: "attribute.json")
  }

  @Test func blameText() throws {
    let fixture = try Self.fixture()
    let repository = try Repository(discoveringFrom: fixture.path)
    let blame = try Blamer(repository: repository, catalogue: .builtin).blame(
      path: GitPath("src/app.swift"), revision: try repository.resolveCommit("feature"))
    try Self.check(BlameTextRenderer(colour: false).render(blame), against: "blame.txt")
    try Self.check(try JSONRenderer.render(blame), against: "blame.json")
  }

  /// The reports of a small monorepo: the snapshot's text, JSON and HTML, and one HTML page with every section.
  /// `packages/` holds most lines, so the directories open into its packages; the lock file is left out; the
  /// unrecognised bot is listed.
  @Test func reportRenderers() throws {
    let fixture = try TestRepository()
    let claude = "\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n"
    try fixture.write("packages/web/app.ts", "const a = 1;\nconst b = 2;\nconst c = 3;\nconst d = 4;\n")
    try fixture.write("packages/api/server.go", "package api\n\nfunc Serve() {}\n")
    try fixture.write("README.md", "# Monorepo\n")
    try fixture.write("package-lock.json", "{\n  \"lockfileVersion\": 3\n}\n")
    try fixture.commit("Start")
    fixture.advanceClock(days: 40)
    try fixture.write("packages/web/view.ts", "export const view = 1;\nexport const more = 2;\n")
    try fixture.commit("Add the view" + claude + "Reviewed-by: Grace Hopper <grace@example.com>\n")
    try fixture.write("packages/api/server.go", "package api\n\nfunc Serve() { listen() }\n")
    try fixture.commit("fix: serve listens")
    try fixture.write("tools/release.sh", "echo release\n")
    try fixture.commit(
      "Release", author: .init("acme-release-helper[bot]", "acme-release-helper[bot]@users.noreply.github.com"))
    let repository = try Repository(discoveringFrom: fixture.path)
    let engine = try ReportEngine(repository: repository, config: PaddockConfig(), useCache: false)
    let head = try repository.resolveCommit("main")
    let snapshot = try engine.release(
      [NamedRange(start: nil, end: "main", range: ResolvedRange(base: nil, head: head, label: "main"))],
      selection: try FileSelection())
    try Self.check(snapshot.table.text, against: "report-snapshot.txt")
    try Self.check(try JSONRenderer.render(snapshot), against: "report-snapshot.json")
    let whole = ResolvedRange(base: nil, head: head, label: "main")
    let page = HTMLReportRenderer.render(
      HTMLReport(
        title: "Who wrote monorepo", subtitle: "at main", releases: snapshot,
        trends: try engine.trends(whole, period: .month),
        failures: try engine.failures(whole, matcher: try FixMatcher())))
    try Self.check(page, against: "report.html")
    let row = try #require(snapshot.releases.first)
    #expect(row.directoryDrilldown.map(\.key) == ["packages/web/", "packages/api/", "./", "tools/"])
    #expect(
      snapshot.unrecognisedAccounts.map(\.account) == [
        "acme-release-helper[bot] <acme-release-helper[bot]@users.noreply.github.com>"
      ])
    #expect(snapshot.excludedKinds == [.lockfile, .generated, .vendored])
  }

  /// Every added-line record carries the documented fields; the schema id is versioned.
  @Test func attributionJSONHasTheDocumentedFields() throws {
    let fixture = try Self.fixture()
    let repository = try Repository(discoveringFrom: fixture.path)
    let range = try RangeResolver.resolve(in: repository, range: "main..feature", base: nil, head: nil)
    let json = try JSONRenderer.render(try Attributor(repository: repository, catalogue: .builtin).attribute(range))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["schema"] as? String == "paddock.attribution/1")
    for key in ["base", "head", "merge_base", "commits", "files", "agents", "totals", "limitations"] {
      #expect(object[key] != nil, "missing \(key)")
    }
    let files = try #require(object["files"] as? [[String: Any]])
    let lines = files.flatMap {
      ($0["hunks"] as? [[String: Any]] ?? []).flatMap { $0["lines"] as? [[String: Any]] ?? [] }
    }
    #expect(lines.count == 4)
    for line in lines {
      #expect(line["path"] is String && line["line"] is Int && line["commit"] is String)
      #expect(["ai", "human", "bot", "unknown"].contains(line["authorship"] as? String))
      if line["authorship"] as? String == "ai" {
        #expect(line["agent"] as? String == "claude-code" && line["model"] as? String == "Claude Opus 4.5")
      }
    }
  }
}
