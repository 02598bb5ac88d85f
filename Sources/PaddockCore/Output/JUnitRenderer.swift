/// Renders a review as JUnit XML: one test case per finding, failed when it blocks; a review without findings
/// is one passing case, so the suite is never empty.
package enum JUnitRenderer {
  package static func render(_ report: ReviewReport) -> String {
    let modelFails = report.modelReview?.effect == .block
    let failures = report.findings.filter { $0.decision == .block }.count + (modelFails ? 1 : 0)
    let tests = max(report.findings.count + (report.modelReview == nil ? 0 : 1), 1)
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<testsuites name=\"paddock\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n"
    out += "  <testsuite name=\"\(Markup.escape("paddock review \(report.range.label)"))\" tests=\"\(tests)\" "
    out += "failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
    if let model = report.modelReview {
      out += "    <testcase classname=\"paddock\" name=\"model review\">\n"
      let text = model.fullText
      if modelFails {
        out +=
          "      <failure type=\"model-unavailable\" message=\"\(Markup.escape(model.headline))\">\(Markup.escape(text))</failure>\n"
      } else {
        out += "      <system-out>\(Markup.escape(text))</system-out>\n"
      }
      out += "    </testcase>\n"
    }
    if report.findings.isEmpty && report.modelReview == nil {
      out += "    <testcase classname=\"paddock\" name=\"review\"/>\n"
    }
    for finding in report.findings {
      out +=
        "    <testcase classname=\"\(Markup.escape(finding.rule))\" name=\"\(Markup.escape(finding.locationText))\""
      if let path = finding.path { out += " file=\"\(Markup.escape(path))\"" }
      if let span = finding.span { out += " line=\"\(span.line)\"" }
      out += ">\n"
      let text = "\(finding.title) [\(finding.authorshipText)]\n\(finding.message)\nFix: \(finding.fix)"
      if finding.decision == .block {
        out += "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(Markup.escape(finding.title))\">"
        out += Markup.escape(text) + "</failure>\n"
      } else {
        out += "      <system-out>\(Markup.escape("\(finding.decision.rawValue): \(text)"))</system-out>\n"
      }
      out += "    </testcase>\n"
    }
    out += "  </testsuite>\n</testsuites>\n"
    return out
  }

}
