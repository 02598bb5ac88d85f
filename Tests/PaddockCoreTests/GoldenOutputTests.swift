import Foundation
import PaddockCore
import PaddockGit
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
