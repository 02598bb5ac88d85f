import PaddockChange

/// Renders a review for a person at a terminal: each finding with a code frame, then a one-line summary.
package struct ReviewTextRenderer {
  package var colour: Bool

  package init(colour: Bool) { self.colour = colour }

  package func render(_ report: ReviewReport) -> String {
    let painter = Painter(enabled: colour)
    var out = ""
    for finding in report.findings {
      let (severityColour, verb): (Painter.Colour, String) =
        switch finding.decision {
        case .block: (.red, "blocks")
        case .warn: (.yellow, "warns")
        case .pass: (.blue, "info")
        }
      out += painter.bold(painter.paint("\(finding.severity.rawValue)[\(finding.rule)]", severityColour))
      out += painter.bold(" \(Escape.terminal(finding.title))")
      var byline = "  \(Escape.terminal(finding.authorshipText)) · \(verb)"
      if finding.source == .model {
        byline += " · model \(Escape.terminal(finding.model ?? ""))"
        if let confidence = finding.confidence { byline += ", confidence \(Int((confidence * 100).rounded()))%" }
      }
      out += painter.paint(byline, .dim) + "\n"
      out += "  --> \(Escape.terminal(finding.locationText))\n"
      if let span = finding.span, let snippet = finding.snippet.map({ Escape.terminal($0) }) {
        let gutter = String(span.line)
        let pad = String(repeating: " ", count: gutter.count)
        out += "\(pad) |\n"
        out += "\(painter.paint(gutter, .blue)) | \(snippet)\n"
        if let column = span.column, let end = span.endColumn {
          // Columns are UTF-8 bytes; the caret line counts characters of the prefix so it lines up.
          let prefix = String(decoding: Array(snippet.utf8.prefix(column - 1)), as: UTF8.self)
          let width = max(
            1, String(decoding: Array(snippet.utf8.dropFirst(column - 1).prefix(end - column)), as: UTF8.self).count)
          let indent = String(prefix.map { $0 == "\t" ? "\t" : " " })
          out += "\(pad) | \(indent)\(painter.paint(String(repeating: "^", count: width), severityColour))\n"
        }
        if span.endLine > span.line {
          out += "\(pad) | \(painter.paint("… through line \(span.endLine)", .dim))\n"
        }
      }
      out += "  = \(indented(finding.message))\n"
      if !finding.fix.isEmpty { out += "  = fix: \(indented(finding.fix))\n" }
      out += "\n"
    }
    for finding in report.suppressed {
      out +=
        painter.paint(
          "suppressed[\(finding.rule)] \(Escape.terminal(finding.locationText)): "
            + Escape.terminal(finding.suppression?.reason ?? ""), .dim) + "\n"
    }
    if !report.suppressed.isEmpty { out += "\n" }
    if let model = report.modelReview {
      out += painter.paint(model.headline, model.status == .complete ? .dim : colour(model.effect)) + "\n"
      for line in model.details() { out += painter.paint("  \(Escape.terminal(line))", .dim) + "\n" }
      out += "\n"
    }
    for note in report.notes { out += painter.paint("note: \(Escape.terminal(note))", .dim) + "\n" }
    out += painter.bold("paddock review \(report.range.label): ")
    out += painter.bold(painter.paint(report.verdict.rawValue.uppercased(), colour(report.verdict)))
    out += " · \(report.findingsSummary) · \(report.linesSummary)\n"
    return out
  }

  private func colour(_ verdict: Verdict) -> Painter.Colour {
    switch verdict {
    case .block: .red
    case .warn: .yellow
    case .pass: .green
    }
  }

  /// Continuation lines line up under the first.
  private func indented(_ text: String) -> String {
    Escape.terminal(text, newlines: true).replacingOccurrences(of: "\n", with: "\n    ")
  }
}
