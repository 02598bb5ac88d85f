import PaddockChange

/// Renders a review as GitHub Actions workflow commands: one annotation per finding, escaped as the runner
/// requires. The job summary is the Markdown format, which the CLI appends to `$GITHUB_STEP_SUMMARY`.
package enum GitHubRenderer {
  package static func render(_ report: ReviewReport) -> String {
    var out = ""
    for finding in report.findings {
      let command = command(for: finding.decision)
      var properties: [String] = []
      if let path = finding.path {
        properties.append("file=\(escapeProperty(path))")
        if let span = finding.span {
          properties.append("line=\(span.line)")
          if span.endLine != span.line { properties.append("endLine=\(span.endLine)") }
          if let column = span.column, span.endLine == span.line {
            properties.append("col=\(column)")
            if let end = span.endColumn { properties.append("endColumn=\(end)") }
          }
        }
      }
      properties.append("title=\(escapeProperty("\(finding.rule): \(finding.title) [\(finding.authorshipText)]"))")
      var message = finding.message
      if !finding.fix.isEmpty { message += "\nFix: \(finding.fix)" }
      out += "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
    }
    if let model = report.modelReview {
      let command = command(for: model.effect)
      let text = model.fullText
      out +=
        "::\(command) title=\(escapeProperty("Paddock model review: \(model.status.rawValue)"))::\(escapeData(text))\n"
    }
    out += "::\(command(for: report.verdict)) title=\(escapeProperty("Paddock: \(report.verdict.rawValue)"))::"
    out += escapeData("\(report.findingsSummary); \(report.linesSummary)") + "\n"
    return out
  }

  /// The workflow command that shows a verdict: an error blocks, a warning warns, a notice passes.
  static func command(for verdict: Verdict) -> String {
    switch verdict {
    case .block: "error"
    case .warn: "warning"
    case .pass: "notice"
    }
  }

  /// Escapes a message: `%`, `\r`, `\n`.
  static func escapeData(_ text: String) -> String {
    text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }

  /// Escapes a property value: as a message, plus `:` and `,`.
  static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
  }
}
