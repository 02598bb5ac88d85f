import Foundation
import PaddockCore
import PaddockGit
import TestSupport
import Testing

/// `paddock blame` (the `Blamer`) must agree with `git blame --porcelain`, line for line.
@Suite struct BlameDifferentialTests {
  /// Parses porcelain output into (commit, original line, final line) per line.
  static func porcelain(_ text: String) -> [(commit: String, original: Int, final: Int)] {
    var result: [(String, Int, Int)] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let fields = line.split(separator: " ")
      guard fields.count >= 3, fields[0].count == 40, fields[0].allSatisfy(\.isHexDigit),
        let original = Int(fields[1]), let final = Int(fields[2])
      else { continue }
      result.append((String(fields[0]), original, final))
    }
    return result
  }

  @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
  func blameAgreesWithGit(seed: UInt64) throws {
    let fixture = try HistoryGenerator.branchyRepository(seed: seed)
    let repository = try Repository(discoveringFrom: fixture.path)
    let head = try repository.resolveCommit("HEAD")
    let paths = try fixture.git(["ls-files"]).split(separator: "\n").map(String.init)
    #expect(paths.count > 3)
    var compared = 0
    for path in paths {
      let expected = Self.porcelain(try fixture.git(["blame", "--porcelain", "HEAD", "--", path]))
      let blame = try Blamer(repository: repository, catalogue: .builtin).blame(path: GitPath(path), revision: head)
      let ours = blame.lines.map { (commit: $0.commit, original: $0.originalLine, final: $0.line) }
      #expect(ours.count == expected.count, "line count differs for \(path)")
      for (mine, theirs) in zip(ours, expected) {
        #expect(
          mine.commit.hex == theirs.commit && mine.final == theirs.final,
          "\(path):\(theirs.final) git says \(theirs.commit.prefix(8)), we say \(mine.commit.abbreviated(8))")
        #expect(mine.original == theirs.original, "\(path):\(theirs.final) original line")
        compared += 1
      }
    }
    #expect(compared > 50)
  }
}
