import PaddockChange
import PaddockRules
import PaddockSupport

/// Renders a review as SARIF 2.1.0, shaped for GitHub code scanning.
///
/// Every result carries `partialFingerprints.primaryLocationLineHash` (so re-runs do not duplicate alerts), a
/// repository-relative location, and Paddock's authorship and decision under `properties`. Suppressed findings
/// are included with a `suppressions` entry, which viewers show as dismissed.
package enum SARIFRenderer {
  package static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

  package static func render(_ report: ReviewReport) throws -> String {
    let ruleIndex = Dictionary(report.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    let rules = report.rules.map { rule in
      SARIF.Rule(
        id: rule.id, name: pascalCase(rule.id), shortDescription: .init(text: rule.title),
        fullDescription: .init(text: rule.message),
        help: .init(text: rule.fix, markdown: "**\(rule.title)**\n\n\(rule.message)\n\n**Fix:** \(rule.fix)"),
        defaultConfiguration: .init(level: rule.severity.rawValue),
        properties: .init(
          tags: rule.tags + rule.references + ["paddock/\(rule.pack)"],
          securitySeverity: securitySeverity(rule), precision: rule.precision))
    }
    let results = (report.findings + report.suppressed).map { finding in
      SARIF.Result(
        ruleId: finding.rule, ruleIndex: ruleIndex[finding.rule], level: finding.severity.rawValue,
        message: .init(text: finding.message + (finding.fix.isEmpty ? "" : " Fix: \(finding.fix)")),
        locations: finding.path.map { path in
          [
            SARIF.Location(
              physicalLocation: .init(
                artifactLocation: .init(uri: uriEscaped(path), uriBaseId: "%SRCROOT%"),
                region: finding.span.map { .init(startLine: $0.line, endLine: $0.endLine) }))
          ]
        } ?? [],
        partialFingerprints: ["primaryLocationLineHash": finding.fingerprint],
        fixes: fix(for: finding),
        suppressions: finding.suppression.map {
          [.init(kind: $0.kind == .inline ? "inSource" : "external", justification: $0.reason)]
        },
        properties: .init(
          authorship: finding.authorship.rawValue, agent: finding.agent, commit: finding.commit?.hex,
          decision: finding.decision.rawValue, source: finding.source.rawValue, confidence: finding.confidence,
          model: finding.model))
    }
    // The model review's status travels as a tool notification: unavailable is an error or a warning as configured.
    let invocations = report.modelReview.map { model in
      [
        SARIF.Invocation(
          executionSuccessful: true,
          toolExecutionNotifications: [
            .init(
              level: model.effect == .block ? "error" : model.effect == .warn ? "warning" : "note",
              message: .init(text: model.fullText),
              descriptor: .init(id: "model-review-\(model.status.rawValue)"))
          ])
      ]
    }
    let log = SARIF.Log(
      schema: schemaURI, version: "2.1.0",
      runs: [
        SARIF.Run(
          tool: .init(driver: .init(name: report.tool.name, version: report.tool.version, rules: rules)),
          automationDetails: .init(id: "paddock/review/"), invocations: invocations, results: results,
          properties: .init(verdict: report.verdict.rawValue, range: report.range.label))
      ])
    return try JSONRenderer.render(log)
  }

  /// GitHub ranks security alerts by this score (0.1–10).
  private static func securitySeverity(_ rule: ReviewReport.RuleInfo) -> String? {
    guard rule.pack == "secrets" || rule.pack == "security" || rule.tags.contains("security") else { return nil }
    switch rule.severity {
    case .error: return rule.pack == "secrets" ? "9.0" : "8.0"
    case .warning: return "5.0"
    case .note: return "2.0"
    }
  }

  private static func pascalCase(_ id: String) -> String {
    id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }

  /// A relative URI reference: path characters kept, everything else percent-encoded.
  static func uriEscaped(_ path: String) -> String {
    var out = ""
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
        out.append(Character(Unicode.Scalar(byte)))
      default:
        out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
      }
    }
    return out
  }
}

/// The slice of the SARIF 2.1.0 object model Paddock writes.
enum SARIF {
  struct Log: Encodable {
    var schema: String
    var version: String
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
      case schema = "$schema"
      case version, runs
    }
  }

  struct Run: Encodable {
    var tool: Tool
    var automationDetails: AutomationDetails
    var invocations: [Invocation]?
    var results: [Result]
    var properties: RunProperties
  }

  struct RunProperties: Encodable {
    var verdict: String
    var range: String
  }

  struct Invocation: Encodable {
    var executionSuccessful: Bool
    var toolExecutionNotifications: [Notification]
  }

  struct Notification: Encodable {
    var level: String
    var message: Message
    var descriptor: Descriptor
  }

  struct Descriptor: Encodable {
    var id: String
  }

  struct AutomationDetails: Encodable {
    var id: String
  }

  struct Tool: Encodable {
    var driver: Driver
  }

  struct Driver: Encodable {
    var name: String
    var version: String
    var rules: [Rule]
  }

  struct Rule: Encodable {
    var id: String
    var name: String
    var shortDescription: Message
    var fullDescription: Message
    var help: Help
    var defaultConfiguration: Configuration
    var properties: RuleProperties
  }

  struct Help: Encodable {
    var text: String
    var markdown: String
  }

  struct Configuration: Encodable {
    var level: String
  }

  struct RuleProperties: Encodable {
    var tags: [String]
    var securitySeverity: String?
    var precision: String

    enum CodingKeys: String, CodingKey {
      case tags
      case securitySeverity = "security-severity"
      case precision
    }
  }

  struct Message: Encodable {
    var text: String
  }

  struct Result: Encodable {
    var ruleId: String
    var ruleIndex: Int?
    var level: String
    var message: Message
    var locations: [Location]
    var partialFingerprints: [String: String]
    var fixes: [Fix]?
    var suppressions: [SARIFSuppression]?
    var properties: ResultProperties
  }

  /// A mechanical fix: the finding's line replaced by the fixed line (a region with only `startLine` is the whole
  /// line, without its line break).
  struct Fix: Encodable {
    var description: Message
    var artifactChanges: [ArtifactChange]
  }

  struct ArtifactChange: Encodable {
    var artifactLocation: ArtifactLocation
    var replacements: [Replacement]
  }

  struct Replacement: Encodable {
    var deletedRegion: LineRegion
    var insertedContent: Content
  }

  struct LineRegion: Encodable {
    var startLine: Int
  }

  struct Content: Encodable {
    var text: String
  }

  struct SARIFSuppression: Encodable {
    var kind: String
    var justification: String
  }

  struct ResultProperties: Encodable {
    var authorship: String
    var agent: String?
    var commit: String?
    var decision: String
    var source: String
    var confidence: Double?
    var model: String?
  }

  struct Location: Encodable {
    var physicalLocation: PhysicalLocation
  }

  struct PhysicalLocation: Encodable {
    var artifactLocation: ArtifactLocation
    var region: Region?
  }

  struct ArtifactLocation: Encodable {
    var uri: String
    var uriBaseId: String
  }

  struct Region: Encodable {
    var startLine: Int
    var endLine: Int
  }
}

extension SARIFRenderer {
  /// The fix a finding offers, as SARIF's `fixes`: its line replaced by the fixed line.
  static func fix(for finding: Finding) -> [SARIF.Fix]? {
    guard let replacement = finding.replacement, let path = finding.path, let line = finding.line else { return nil }
    return [
      SARIF.Fix(
        description: .init(text: finding.fix),
        artifactChanges: [
          .init(
            artifactLocation: .init(uri: uriEscaped(path), uriBaseId: "%SRCROOT%"),
            replacements: [.init(deletedRegion: .init(startLine: line), insertedContent: .init(text: replacement))])
        ])
    ]
  }
}
