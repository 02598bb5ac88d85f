import PaddockChange

/// Renders a review as a GitLab Code Quality report (Code Climate issues). Findings without a file are left out.
package enum CodeClimateRenderer {
  package static func render(_ report: ReviewReport) throws -> String {
    let categories = Dictionary(
      report.rules.map { ($0.id, $0.category) }, uniquingKeysWith: { first, _ in first })
    var issues = report.findings.compactMap { finding -> Issue? in
      guard let path = finding.path else { return nil }
      let severity: String
      if finding.decision == .block {
        severity = "blocker"
      } else {
        switch finding.severity {
        case .error: severity = "critical"
        case .warning: severity = "major"
        case .note: severity = "minor"
        }
      }
      let begin = finding.span?.line ?? 1
      return Issue(
        type: "issue", checkName: finding.rule,
        description: "\(finding.title): \(finding.message) [\(finding.authorshipText)]",
        content: Content(body: finding.fix),
        categories: [(categories[finding.rule] ?? nil) ?? (finding.severity == .note ? "Style" : "Security")],
        fingerprint: finding.fingerprint,
        severity: severity,
        location: Location(path: path, lines: Lines(begin: begin, end: finding.span?.endLine ?? begin)),
        engineName: "paddock")
    }
    if let model = report.modelReview, model.status != .complete {
      // Code Quality needs a file for every issue: the model's status is pinned to the configuration file.
      let text = model.fullText
      issues.append(
        Issue(
          type: "issue", checkName: "model-review-\(model.status.rawValue)", description: model.headline,
          content: Content(body: text), categories: ["Bug Risk"],
          fingerprint: Fingerprint.of(rule: "model-review-status", path: ".paddock.yml", text: model.status.rawValue),
          severity: model.effect == .block ? "blocker" : model.effect == .warn ? "major" : "info",
          location: Location(path: ".paddock.yml", lines: Lines(begin: 1, end: 1)), engineName: "paddock"))
    }
    return try JSONRenderer.render(issues)
  }

  struct Issue: Encodable {
    var type: String
    var checkName: String
    var description: String
    var content: Content
    var categories: [String]
    var fingerprint: String
    var severity: String
    var location: Location
    var engineName: String

    enum CodingKeys: String, CodingKey {
      case type
      case checkName = "check_name"
      case description, content, categories, fingerprint, severity, location
      case engineName = "engine_name"
    }
  }

  struct Content: Encodable {
    var body: String
  }

  struct Location: Encodable {
    var path: String
    var lines: Lines
  }

  struct Lines: Encodable {
    var begin: Int
    var end: Int
  }
}
