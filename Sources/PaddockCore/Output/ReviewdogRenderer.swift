import Foundation
import PaddockChange

/// Renders a review in reviewdog's Diagnostic Format: `rdjson` (one document) or `rdjsonl` (a line each).
/// Findings without a file (about a commit alone) have no place in a diff and are left out.
package enum ReviewdogRenderer {
  package static func render(_ report: ReviewReport, lines: Bool) throws -> String {
    var diagnostics = report.findings.compactMap(diagnostic)
    if let model = report.modelReview, model.status != .complete {
      // Without a location: reviewdog shows it outside the diff (with -filter-mode=nofilter) or in the summary.
      diagnostics.append(
        Diagnostic(
          message: model.fullText, location: nil,
          severity: model.effect == .block ? "ERROR" : model.effect == .warn ? "WARNING" : "INFO",
          source: Source(name: "paddock", url: nil),
          code: Code(value: "model-review-\(model.status.rawValue)", url: nil),
          originalOutput: model.status.rawValue))
    }
    if lines {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      return try diagnostics.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined()
    }
    return try JSONRenderer.render(
      Document(source: Source(name: "paddock", url: nil), severity: nil, diagnostics: diagnostics))
  }

  private static func diagnostic(_ finding: Finding) -> Diagnostic? {
    guard let path = finding.path, let span = finding.span else { return nil }
    let start = Position(line: span.line, column: span.column ?? 1)
    let end =
      span.endLine == span.line
      ? Position(
        line: span.line, column: span.endColumn ?? max(start.column, finding.snippet.map { $0.utf8.count + 1 } ?? 1))
      : Position(line: span.endLine + 1, column: 1)
    let severity =
      switch finding.severity {
      case .error: "ERROR"
      case .warning: "WARNING"
      case .note: "INFO"
      }
    return Diagnostic(
      message: "\(finding.message) [\(finding.authorshipText), \(finding.decision.rawValue)]",
      location: Location(path: path, range: Range(start: start, end: end)), severity: severity,
      source: Source(name: "paddock", url: nil), code: Code(value: finding.rule, url: nil),
      suggestions: finding.replacement.map { fixed in
        // The whole line, its line break included (the range's end is exclusive), becomes the fixed line.
        [
          Suggestion(
            range: Range(start: Position(line: span.line, column: 1), end: Position(line: span.line + 1, column: 1)),
            text: fixed + "\n")
        ]
      }, originalOutput: finding.fingerprint)
  }

  struct Document: Encodable {
    var source: Source
    var severity: String?
    var diagnostics: [Diagnostic]
  }

  struct Diagnostic: Encodable {
    var message: String
    var location: Location?
    var severity: String
    var source: Source
    var code: Code
    var suggestions: [Suggestion]? = nil
    var originalOutput: String

    enum CodingKeys: String, CodingKey {
      case message, location, severity, source, code, suggestions
      case originalOutput = "original_output"
    }
  }

  /// A mechanical fix reviewdog can offer as a suggested change.
  struct Suggestion: Encodable {
    var range: Range
    var text: String
  }

  struct Location: Encodable {
    var path: String
    var range: Range
  }

  struct Range: Encodable {
    var start: Position
    var end: Position
  }

  struct Position: Encodable {
    var line: Int
    var column: Int
  }

  struct Source: Encodable {
    var name: String
    var url: String?
  }

  struct Code: Encodable {
    var value: String
    var url: String?
  }
}
