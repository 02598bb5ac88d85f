import PaddockChange
import PaddockRules

/// Renders a review as GitHub-flavoured Markdown: a pull-request comment or a job summary.
///
/// The first line is a hidden marker so a bot can find and update its own comment; each finding carries its
/// fingerprint in a hidden comment so re-runs can skip what was already posted.
package enum MarkdownRenderer {
  package static let marker = "<!-- paddock-review -->"

  package static func render(_ report: ReviewReport) -> String {
    var out = marker + "\n"
    out += "### \(icon(report.verdict)) Paddock review: **\(report.verdict.rawValue)**\n\n"
    out += "\(Escape.markdownCode(report.range.label)) · \(report.findingsSummary) · \(report.linesSummary)\n\n"
    if !report.findings.isEmpty {
      out += "| | Rule | Where | Written by | Finding |\n|---|---|---|---|---|\n"
      for finding in report.findings {
        let mark =
          switch finding.decision {
          case .block: "⛔ block"
          case .warn: "⚠️ warn"
          case .pass: "ℹ️ info"
          }
        var who = escape(finding.authorshipText)
        if finding.source == .model {
          who += "<br>found by model \(Escape.markdownCode(finding.model ?? ""))"
          if let confidence = finding.confidence { who += " (\(Int((confidence * 100).rounded()))%)" }
        }
        out += "| \(mark) | `\(finding.rule)` | \(Escape.markdownCode(finding.locationText)) | \(who) | "
        out +=
          "\(escape(finding.message))<br>**Fix:** \(escape(finding.fix)) <!-- paddock:fingerprint \(finding.fingerprint) --> |\n"
      }
      out += "\n"
    }
    if !report.suppressed.isEmpty {
      out += "<details><summary>\(report.suppressed.count) suppressed</summary>\n\n"
      for finding in report.suppressed {
        let how = finding.suppression?.kind == .baseline ? "baseline" : "inline"
        out +=
          "- `\(finding.rule)` at \(Escape.markdownCode(finding.locationText)) (\(how)): \(escape(finding.suppression?.reason ?? ""))\n"
      }
      out += "\n</details>\n\n"
    }
    if let model = report.modelReview {
      out += "\(model.status == .complete ? "🤖" : icon(model.effect)) \(escape(model.headline))\n\n"
      let details = model.details()
      if !details.isEmpty {
        out += "<details><summary>Model review details</summary>\n\n"
        for line in details { out += "- \(escape(line))\n" }
        out += "\n</details>\n\n"
      }
    }
    for note in report.notes { out += "> \(escape(note))\n\n" }
    let policy = report.policy
    out += "<sub>Policy: AI-written lines block at \(policy.ai.block?.rawValue ?? "never"), "
    out += "human-written lines block at \(policy.human.block?.rawValue ?? "never"). "
    out += "Paddock \(report.tool.version).</sub>\n"
    return out
  }

  static func icon(_ verdict: Verdict) -> String {
    switch verdict {
    case .block: "⛔"
    case .warn: "⚠️"
    case .pass: "✅"
    }
  }

  /// Untrusted text in a cell or a line: see `Escape.markdown`.
  package static func escape(_ text: String) -> String { Escape.markdown(text) }
}
