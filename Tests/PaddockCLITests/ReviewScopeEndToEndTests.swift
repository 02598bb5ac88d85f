import Foundation
import TestSupport
import Testing

/// What a review leaves out on a real repository, and why: files the base's `.gitattributes` marks generated, and
/// files at head whose objects are missing.
@Suite struct ReviewScopeEndToEndTests {
  static let claude = "\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>\n"

  /// Twelve lines of Python, long enough to be compared.
  static let block = (1...12).map { "    total_\($0) = compute_value(record, field_\($0), default=\($0 * 10))\n" }
    .joined()

  static func findings(_ output: String) throws -> (findings: [[String: Any]], limitations: [String]) {
    let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    return (json["findings"] as? [[String: Any]] ?? [], json["limitations"] as? [String] ?? [])
  }

  static func duplicates(_ findings: [[String: Any]]) -> [String] {
    findings.filter { $0["rule"] as? String == "duplicate-code" }.compactMap { $0["path"] as? String }
  }

  /// `linguist-generated` in the base's `.gitattributes` keeps a file out of duplicate-code; the same line added by
  /// the change itself does not.
  @Test func linguistGeneratedAtTheBaseIsLeftOut() throws {
    let repository = try TestRepository()
    try repository.write("app/models.py", "def load(record):\n" + Self.block)
    try repository.write(".gitattributes", "gen/** linguist-generated\n")
    try repository.commit("Start")
    try repository.git(["checkout", "-q", "-b", "ai"])
    try repository.write("gen/client.py", "def fetch(record):\n" + Self.block)
    try repository.write("app/views.py", "def show(record):\n" + Self.block)
    try repository.write(".gitattributes", "gen/** linguist-generated\napp/** linguist-generated\n")
    try repository.commit("Add client and views" + Self.claude)
    let result = try repository.paddock(["review", "main..ai", "--format", "json"])
    #expect(result.status == 0 || result.status == 1, "\(result.err)")
    #expect(Self.duplicates(try Self.findings(result.out).findings) == ["app/views.py"], "\(result.out)")
  }

  /// A package that another project of a monorepo declared at the base is not new to the repository; one that no
  /// manifest declared is.
  @Test func aPackageMovedBetweenProjectsIsNotNew() throws {
    let repository = try TestRepository()
    try repository.write(
      "packages/server/package.json",
      "{\n  \"name\": \"server\",\n  \"dependencies\": {\n    \"msw\": \"^2.7.4\"\n  }\n}\n")
    try repository.commit("Start")
    try repository.git(["checkout", "-q", "-b", "ai"])
    try repository.write(
      "packages/core/package.json",
      "{\n  \"name\": \"core\",\n  \"dependencies\": {\n    \"msw\": \"^2.7.4\",\n    \"server\": \"workspace:*\",\n"
        + "    \"left-pad\": \"^1.3.0\"\n  }\n}\n")
    try repository.commit("Split core out of server" + Self.claude)
    let result = try repository.paddock(["review", "main..ai", "--format", "json"])
    #expect(result.status == 0 || result.status == 1, "\(result.err)")
    let added = try Self.findings(result.out).findings.filter { $0["rule"] as? String == "new-dependency" }
    #expect(added.compactMap { $0["line"] as? Int } == [6], "\(added)")
  }

  /// A blob at head that is missing (a partial clone, a damaged repository) does not fail the review: the file is
  /// left out of duplicate-code, and a limitation names it.
  @Test func aMissingBlobAtHeadIsALimitation() throws {
    let repository = try TestRepository()
    try repository.write("lib/helpers.py", "def helper(record):\n" + Self.block)
    try repository.write(
      "lib/other.py", "def other(record):\n" + Self.block.replacingOccurrences(of: "total", with: "sum"))
    try repository.commit("Start")
    try repository.git(["checkout", "-q", "-b", "ai"])
    try repository.write(
      "app/copy.py", "def copied(record):\n" + Self.block.replacingOccurrences(of: "total", with: "sum"))
    try repository.commit("Add copy" + Self.claude)
    let blob = try repository.git(["rev-parse", "ai:lib/other.py"]).trimmingCharacters(in: .whitespacesAndNewlines)
    try FileManager.default.removeItem(atPath: repository.path + "/.git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))")

    let result = try repository.paddock(["review", "main..ai", "--format", "json"])
    #expect(result.status == 0 || result.status == 1, "\(result.err)")
    let (findings, limitations) = try Self.findings(result.out)
    #expect(Self.duplicates(findings).isEmpty, "\(findings)")
    #expect(limitations.contains { $0.contains("lib/other.py") && $0.contains("duplicate-code") }, "\(limitations)")
    let text = try repository.paddock(["review", "main..ai"])
    #expect(text.status == 0 || text.status == 1, "\(text.err)")
    #expect(text.out.contains("lib/other.py"), "\(text.out)")
  }
}
