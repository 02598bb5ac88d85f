import Foundation
import PaddockFuzzing
import TestSupport
import Testing

/// Every seed and every input a fuzzer once crashed on, replayed through the same target `Fuzz/run` fuzzes: the
/// parsers must keep their promises on all of them.
@Suite struct FuzzRegressionTests {
  static func inputs(of target: FuzzTarget) -> [String] {
    let folders = ["corpus", "regressions"].map { SourceTree.root + "/Fuzz/\($0)/\(target.rawValue)" }
    return FuzzTarget.inputFiles(folders.filter { FileManager.default.fileExists(atPath: $0) }) ?? []
  }

  @Test(arguments: FuzzTarget.allCases)
  func replay(_ target: FuzzTarget) throws {
    let files = Self.inputs(of: target)
    #expect(files.count >= 5, "Fuzz/corpus/\(target.rawValue) has \(files.count) seeds")
    for file in files {
      let data = try #require(FileManager.default.contents(atPath: file), "\(file) is unreadable")
      do {
        try target.run(Array(data))
      } catch {
        Issue.record("\(file): \(error.description)")
      }
    }
  }

  /// The checks are live: a promise broken on purpose is reported.
  @Test func aBrokenPromiseIsReported() {
    #expect(throws: FuzzViolation.self) { try FuzzTarget.check(false, "broken") }
  }
}
