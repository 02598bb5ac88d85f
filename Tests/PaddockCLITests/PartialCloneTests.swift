import Foundation
import TestSupport
import Testing

/// Partial clones (`--filter=blob:none`, the common CI setting) review and report: the blobs a range needs are
/// fetched from the promisor remote in one batch; what can be had from nowhere is named, and never stops the run.
@Suite struct PartialCloneTests {
  static let key = "AKIA4X3YDICBBPBHM35X"

  /// A remote with a human commit and an AI commit that adds a key, served to partial clones.
  static func remote() throws -> TestRepository {
    let source = try TestRepository()
    try source.write("README.md", "start\n")
    try source.write("docs/big.md", String(repeating: "text\n", count: 100))
    // Unchanged by the range: duplicate-code reads it at head to compare the change with.
    try source.write("src/util.py", "def double(value):\n    return value * 2\n")
    try source.commit("Start")
    try source.write("src/settings.py", "AWS_ACCESS_KEY_ID = \"\(key)\"\n")
    try source.write("docs/big.md", String(repeating: "text\n", count: 101))
    try source.commit("Add settings" + ReportEndToEndTests.claude)
    try source.git(["config", "uploadpack.allowFilter", "true"])
    try source.git(["config", "uploadpack.allowAnySHA1InWant", "true"])
    return source
  }

  static func partialClone(of source: TestRepository) throws -> TestRepository {
    let path = source.siblingPath("partial.git")
    let result = try source.gitResult(["clone", "-q", "--bare", "--filter=blob:none", "file://\(source.path)", path])
    #expect(result.status == 0, "\(result.err)")
    return TestRepository(existing: path, home: source.home)
  }

  @Test func aBlobNoneCloneFetchesWhatTheRangeNeedsAndReviews() throws {
    let source = try Self.remote()
    // The clone lives under the source's temporary folder.
    defer { withExtendedLifetime(source) {} }
    let clone = try Self.partialClone(of: source)
    // The clone has no blob yet.
    let before = try clone.gitResult(
      ["cat-file", "-e", "main:src/settings.py"], extraEnvironment: ["GIT_NO_LAZY_FETCH": "1"])
    #expect(before.status != 0)

    let review = try clone.paddock(["review", "main~1..main", "--format", "json"])
    #expect(review.status == 1, "\(review.err)")
    #expect(review.out.contains("aws-access-key-id") && !review.out.contains(Self.key))
    let attribute = try clone.paddock(["attribute", "main~1..main", "--format", "json"])
    #expect(attribute.status == 0, "\(attribute.err)")
    #expect(!attribute.out.contains("could not be read"))
    let report = try clone.paddock(["report", "release", "main~1..main"])
    #expect(report.status == 0, "\(report.err)")
  }

  /// When the promisor cannot supply a blob, the file is named as unreadable in every format, an AI-changed one
  /// blocks (`could not evaluate`), and everything else is still reviewed.
  @Test func whatNothingCanSupplyIsNamedAndDecidedByPolicy() throws {
    let source = try Self.remote()
    // The clone lives under the source's temporary folder.
    defer { withExtendedLifetime(source) {} }
    let clone = try Self.partialClone(of: source)
    try clone.git(["remote", "set-url", "origin", "file:///nonexistent/remote.git"])

    let review = try clone.paddock(["review", "main~1..main", "--format", "json"])
    #expect(review.status == 1, "\(review.out)\n\(review.err)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(review.out.utf8)) as? [String: Any])
    let findings = json["findings"] as? [[String: Any]] ?? []
    let unreadable = findings.filter { $0["rule"] as? String == "paddock-unreadable-file" }
    #expect(Set(unreadable.compactMap { $0["path"] as? String }) == ["docs/big.md", "src/settings.py"], "\(findings)")
    #expect(unreadable.allSatisfy { $0["decision"] as? String == "block" })
    let limitations = json["limitations"] as? [String] ?? []
    #expect(
      limitations.contains { $0.contains("could not be read") && $0.contains("src/settings.py") }, "\(limitations)")
    #expect(
      limitations.contains(
        "1 file at head could not be read (src/util.py: an object missing from a partial or damaged clone), "
          + "so duplicate-code did not compare the change with it."), "\(limitations)")

    // A person's unreadable change warns, as policy.unreadable says.
    let attribute = try clone.paddock(["attribute", "main~1..main"])
    #expect(attribute.status == 0, "\(attribute.err)")
    #expect(attribute.out.contains("could not be read"), "\(attribute.out)")
    let report = try clone.paddock(["report", "release", "main~1..main"])
    #expect(report.status == 0, "\(report.err)")
  }

  /// Following moved and copied lines reads every file of a parent (`git blame -C -C -C`); a file no remote can supply
  /// (here a large asset a `blob:limit` clone left out, its remote gone) is named, and the figures still come.
  @Test func withCopiesFollowedAMissingFileIsNamedAndTheReportGoesOn() throws {
    let source = try TestRepository()
    try source.write("assets/demo.bin", String(repeating: "frame data\n", count: 1_000))
    try source.write("src/app.py", "def main():\n    return 1\n")
    try source.commit("Start")
    try source.write("src/settings.py", "REQUEST_TIMEOUT_SECONDS = 30\nMAXIMUM_RETRIES_PER_REQUEST = 3\n")
    try source.commit("Add settings" + ReportEndToEndTests.claude)
    try source.git(["config", "uploadpack.allowFilter", "true"])
    // The clone lives under the source's temporary folder.
    defer { withExtendedLifetime(source) {} }
    let path = source.siblingPath("limited.git")
    let cloned = try source.gitResult([
      "clone", "-q", "--bare", "--filter=blob:limit=1k", "file://\(source.path)", path,
    ])
    #expect(cloned.status == 0, "\(cloned.err)")
    let clone = TestRepository(existing: path, home: source.home)
    try clone.git(["remote", "set-url", "origin", "file:///nonexistent/remote.git"])

    for mode in ["same-commit", "any-commit"] {
      let report = try clone.paddock(["report", "release", "main~1..main", "--copies", mode, "--format", "json"])
      #expect(report.status == 0, "\(mode): \(report.err)")
      let json = try #require(try JSONSerialization.jsonObject(with: Data(report.out.utf8)) as? [String: Any])
      let row = try #require((json["releases"] as? [[String: Any]])?.first)
      #expect(row["ai_lines"] as? Int == 2, "\(mode): \(row)")
      let limitations = json["limitations"] as? [String] ?? []
      // Only every-file search (any-commit here: the commit did not change the asset) needs the asset.
      #expect(
        limitations.contains {
          $0.contains("Moved and copied lines were not looked for") && $0.contains("assets/demo.bin")
        }
          == (mode == "any-commit"), "\(mode): \(limitations)")
    }
    let attribute = try clone.paddock(["attribute", "main~1..main", "--copies", "any-commit"])
    #expect(attribute.status == 0, "\(attribute.err)")
    #expect(attribute.out.contains("assets/demo.bin"), "\(attribute.out)")
  }
}
