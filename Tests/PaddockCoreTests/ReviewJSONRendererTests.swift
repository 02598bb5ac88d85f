import Foundation
import PaddockChange
import PaddockCore
import Testing

/// The review's `json` format writes its hunks itself; it must give exactly the encoder's bytes.
@Suite struct ReviewJSONRendererTests {
  /// Paths that need escaping or are not ASCII, as they can come out of a repository.
  static let awkwardPaths = [
    "src/a.swift", "docs/\"quoted\".md", #"win\path\file.c"#, "tab\there.txt", "new\nline.txt", "bell\u{07}.txt",
    "del\u{7F}.txt", "ünïcödé/файл.go", "emoji/🚀.ts", "slash/in/path.js", "line\u{2028}separator.txt",
    "replacement\u{FFFD}.bin",
  ]

  static func report(hunks paths: [String]) throws -> ReviewReport {
    var report = try ReviewGoldenTests.report()
    report.hunks = paths.enumerated().map { index, path in
      ReviewReport.HunkVerdict(
        path: path, start: index * 7 + 1, lines: index % 5 + 1,
        authorship: AuthorshipSummary.allCases[index % AuthorshipSummary.allCases.count],
        verdict: Verdict.allCases[index % Verdict.allCases.count], findings: index % 3)
    }
    return report
  }

  @Test func givesTheEncodersBytesForAwkwardPaths() throws {
    let report = try Self.report(hunks: Self.awkwardPaths + Self.awkwardPaths.reversed())
    #expect(try ReviewJSONRenderer.render(report) == JSONRenderer.render(report))
  }

  @Test func givesTheEncodersBytesWithOneHunkAndWithNone() throws {
    for paths in [["only.swift"], []] {
      let report = try Self.report(hunks: paths)
      #expect(try ReviewJSONRenderer.render(report) == JSONRenderer.render(report))
    }
  }
}
