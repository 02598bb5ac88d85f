/// Renders a review as JUnit XML: one test case per finding, failed when it blocks; a review without findings
/// is one passing case, so the suite is never empty.
public enum JUnitRenderer {
  public static func render(_ report: ReviewReport) -> String {
    let modelFails = report.modelReview?.effect == .block
    let failures = report.findings.filter { $0.decision == .block }.count + (modelFails ? 1 : 0)
    let tests = max(report.findings.count + (report.modelReview == nil ? 0 : 1), 1)
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<testsuites name=\"paddock\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n"
    out += "  <testsuite name=\"\(escape("paddock review \(report.range.label)"))\" tests=\"\(tests)\" "
    out += "failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
    if let model = report.modelReview {
      out += "    <testcase classname=\"paddock\" name=\"model review\">\n"
      let text = model.fullText
      if modelFails {
        out +=
          "      <failure type=\"model-unavailable\" message=\"\(escape(model.headline))\">\(escape(text))</failure>\n"
      } else {
        out += "      <system-out>\(escape(text))</system-out>\n"
      }
      out += "    </testcase>\n"
    }
    if report.findings.isEmpty && report.modelReview == nil {
      out += "    <testcase classname=\"paddock\" name=\"review\"/>\n"
    }
    for finding in report.findings {
      out += "    <testcase classname=\"\(escape(finding.rule))\" name=\"\(escape(finding.locationText))\""
      if let path = finding.path { out += " file=\"\(escape(path))\"" }
      if let line = finding.line { out += " line=\"\(line)\"" }
      out += ">\n"
      let text = "\(finding.title) [\(finding.authorshipText)]\n\(finding.message)\nFix: \(finding.fix)"
      if finding.decision == .block {
        out += "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(escape(finding.title))\">"
        out += escape(text) + "</failure>\n"
      } else {
        out += "      <system-out>\(escape("\(finding.decision.rawValue): \(text)"))</system-out>\n"
      }
      out += "    </testcase>\n"
    }
    out += "  </testsuite>\n</testsuites>\n"
    return out
  }

  /// XML text and attribute escaping; characters XML 1.0 cannot hold become U+FFFD.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}
