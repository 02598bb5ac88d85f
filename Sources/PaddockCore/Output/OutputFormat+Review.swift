import Foundation
import PaddockChange

extension OutputFormat {
  /// Renders a review report in this format; throws for a format not on the review menu (csv, html).
  package func render(_ report: ReviewReport, colour: Bool = false) throws -> String {
    switch self {
    case .text: ReviewTextRenderer(colour: colour).render(report)
    case .json: try ReviewJSONRenderer.render(report)
    case .sarif: try SARIFRenderer.render(report)
    case .github: GitHubRenderer.render(report)
    case .markdown: MarkdownRenderer.render(report)
    case .rdjson: try ReviewdogRenderer.render(report, lines: false)
    case .rdjsonl: try ReviewdogRenderer.render(report, lines: true)
    case .junit: JUnitRenderer.render(report)
    case .codeclimate: try CodeClimateRenderer.render(report)
    default: throw Unsupported(format: self, menu: .review)
    }
  }

  /// A format asked of output whose menu does not offer it.
  package struct Unsupported: Error, LocalizedError, Equatable {
    package var format: OutputFormat
    package var menu: Menu

    package init(format: OutputFormat, menu: Menu) {
      self.format = format
      self.menu = menu
    }

    package var errorDescription: String? { "no \(format.rawValue) output here; use \(menu.list)" }
  }
}

/// The lines and columns a renderer shows for a finding: numbers start at 1, and an end is never before its start.
struct FindingSpan: Equatable {
  var line: Int
  var endLine: Int
  var column: Int?
  var endColumn: Int?
}

extension Finding {
  /// The finding's place made safe to render; nil without a line of 1 or more. (Rules and the model reviewer
  /// give valid places; a renderer still never emits line 0 or a column range that runs backwards.)
  var span: FindingSpan? {
    guard let line, line >= 1 else { return nil }
    let endLine = max(line, endLine ?? line)
    guard let column, column >= 1 else { return FindingSpan(line: line, endLine: endLine) }
    let endColumn = endColumn.flatMap { $0 > column ? $0 : nil }
    return FindingSpan(line: line, endLine: endLine, column: column, endColumn: endColumn)
  }

  /// `path:line` or `path`, or the commit for findings about a commit alone.
  var locationText: String {
    guard let path else { return commit.map { "commit \($0.abbreviated())" } ?? "(change)" }
    guard let span else { return path }
    if span.endLine != span.line { return "\(path):\(span.line)-\(span.endLine)" }
    return span.column.map { "\(path):\(span.line):\($0)" } ?? "\(path):\(span.line)"
  }

  /// `AI (claude-code)`, `human` or `unknown`.
  var authorshipText: String {
    switch authorship {
    case .ai: agent.map { "AI (\($0))" } ?? "AI"
    case .human: "human"
    case .bot: agent.map { "bot (\($0))" } ?? "bot"
    case .unknown: "unknown"
    }
  }
}

extension ReviewReport {
  /// `3 findings (1 block, 2 warn), 1 suppressed`
  var findingsSummary: String {
    var parts = "\(summary.findings) finding\(summary.findings == 1 ? "" : "s")"
    if summary.findings > 0 {
      parts += " (\(summary.block) block, \(summary.warn) warn, \(summary.pass) info)"
    }
    if summary.suppressed > 0 { parts += ", \(summary.suppressed) suppressed" }
    return parts
  }

  /// The limitations a review summary shows (unrecognised bots, LFS pointers, shallow clones, unreadable files):
  /// all but the caveat every attribution has.
  var notes: [String] { limitations.filter { $0 != RangeAttribution.perCommitCaveat } }

  /// `412 added lines: 300 AI, 112 human`
  var linesSummary: String {
    let lines = summary.lines
    var text = "\(lines.total) added line\(lines.total == 1 ? "" : "s"): \(lines.ai) AI, \(lines.human) human"
    if lines.bot > 0 { text += ", \(lines.bot) bot" }
    if lines.unknown > 0 { text += ", \(lines.unknown) unknown" }
    return text
  }
}
