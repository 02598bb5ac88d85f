import Foundation
import PaddockGit
import TestSupport
import Testing

@testable import PaddockCore

/// `paddock attribute` writes each file as soon as it is worked out; what it writes must be what the whole-document
/// renderers give for the whole attribution, byte for byte, and the trace's batches of diffs must not show.
@Suite struct AttributionStreamTests {
  /// The attribution handed over in pieces: the summary and the files.
  static func streamed(_ attributor: Attributor, _ range: ResolvedRange) throws -> (RangeAttribution, [FileAttribution])
  {
    var summary: RangeAttribution?
    var files: [FileAttribution] = []
    try attributor.attribute(range) {
      summary = $0
    } file: {
      files.append($0)
    }
    return (try #require(summary), files)
  }

  /// What `paddock attribute --format json` writes, piece by piece.
  static func streamedJSON(_ summary: RangeAttribution, _ files: [FileAttribution]) throws -> String {
    var stream = try AttributionJSONStream(summary: summary)
    var out = stream.prefix
    for file in files { out += try stream.file(file) }
    return out + stream.suffix()
  }

  /// The ranges of a generated history: `main..feature` (a merge of main into feature, renames on feature) and the
  /// whole history from its first commit.
  static func ranges(_ fixture: TestRepository, _ repository: Repository) throws -> [ResolvedRange] {
    let head = try repository.resolveCommit("feature")
    return [
      try RangeResolver.resolve(in: repository, range: "main..feature", base: nil, head: nil),
      ResolvedRange(base: nil, head: head, label: "feature"),
    ]
  }

  @Test(arguments: [UInt64(22), 23], [CopyDetection.off, CopyDetection(mode: .sameCommit)])
  func streamedOutputIsTheWholeDocument(seed: UInt64, copies: CopyDetection) throws {
    let fixture = try HistoryGenerator.branchyRepository(seed: seed, commits: 24, moves: copies.isOn)
    let renames = try fixture.git(["log", "--format=", "--diff-filter=R", "-M", "--name-only", "feature", "--"])
    #expect(!renames.isEmpty, "the history renames files")
    let repository = try Repository(discoveringFrom: fixture.path)
    var attributor = try Attributor(repository: repository, catalogue: .builtin)
    attributor.copies = copies
    for range in try Self.ranges(fixture, repository) {
      let whole = try attributor.attribute(range)
      #expect(whole.commits.contains { $0.parents.count == 2 })
      #expect(whole.files.count > 3)
      let (summary, files) = try Self.streamed(attributor, range)
      #expect(files == whole.files)
      var withoutFiles = whole
      withoutFiles.files = []
      #expect(summary == withoutFiles)

      #expect(try Self.streamedJSON(summary, files) == JSONRenderer.render(whole))
      let renderer = AttributionTextRenderer(colour: false)
      let text = AttributionTextRenderer.Stream(renderer, summary: summary, label: range.label)
      #expect(
        text.header() + files.map(text.file).joined() + text.footer() == renderer.render(whole, label: range.label))
    }
  }

  /// A range whose commits change nothing has an empty `files` array, which the pretty printer writes apart.
  @Test func streamedJSONWithoutFiles() throws {
    let fixture = try TestRepository()
    try fixture.write("a.txt", "one\n")
    let first = try fixture.commit("first")
    try fixture.commit("nothing", allowEmpty: true)
    let repository = try Repository(discoveringFrom: fixture.path)
    let range = try RangeResolver.resolve(in: repository, range: "\(first)..HEAD", base: nil, head: nil)
    let attributor = try Attributor(repository: repository, catalogue: .builtin)
    let whole = try attributor.attribute(range)
    #expect(whole.files.isEmpty)
    let (summary, files) = try Self.streamed(attributor, range)
    #expect(try Self.streamedJSON(summary, files) == JSONRenderer.render(whole))
  }

  /// The trace diffs a history in batches; where a batch ends changes nothing, through merges and renames.
  @Test(arguments: [1, 5, 17])
  func batchesOfDiffsDoNotShow(batch: Int) throws {
    let fixture = try HistoryGenerator.branchyRepository(seed: 31, commits: 30)
    let repository = try Repository(discoveringFrom: fixture.path)
    var attributor = try Attributor(repository: repository, catalogue: .builtin)
    for range in try Self.ranges(fixture, repository) {
      let whole = try attributor.attribute(range)
      attributor.diffBatch = batch
      #expect(try attributor.attribute(range) == whole)
      attributor.diffBatch = 1024
      #expect(!whole.intermediate.isEmpty)
    }
  }

  /// With `--copies off` (the default) the trace keeps nothing for the moved-line search: no sources, no versions
  /// of the maps, and maps that merge adjacent runs.
  @Test func copiesOffKeepsNothingForTheSearch() throws {
    let fixture = try HistoryGenerator.branchyRepository(seed: 22, commits: 24, moves: true)
    let repository = try Repository(discoveringFrom: fixture.path)
    let ids = try repository.walk(
      include: [try repository.resolveCommit("feature")], exclude: [], order: .topologicalReverse)
    let commits = try ids.map { id throws(GitError) in try repository.commit(id) }
    var off = LineTracker(commits: commits)
    let snapshot = try off.trace(head: try repository.resolveCommit("feature"), in: repository)
    #expect(off.copySources.isEmpty && off.versions.isEmpty)
    #expect(snapshot.maps.values.allSatisfy { !$0.keepsFragments })
    var on = LineTracker(commits: commits, detection: CopyDetection(mode: .sameCommit))
    _ = try on.trace(head: try repository.resolveCommit("feature"), in: repository)
    #expect(!on.copySources.isEmpty && !on.versions.isEmpty)
  }
}
