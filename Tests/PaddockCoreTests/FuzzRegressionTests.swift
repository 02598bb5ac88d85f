import Foundation
import PaddockFuzzing
import TestSupport
import Testing

/// Every seed and every input a fuzzer once crashed on, replayed through the same target `Fuzz/run` fuzzes: the
/// parsers must keep their promises on all of them.
@Suite struct FuzzRegressionTests {
  static func inputs(of target: FuzzTarget) -> [String] {
    ["corpus", "regressions"].flatMap { folder in
      let directory = SourceTree.root + "/Fuzz/\(folder)/\(target.rawValue)"
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      return names.sorted().map { directory + "/" + $0 }
    }
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
