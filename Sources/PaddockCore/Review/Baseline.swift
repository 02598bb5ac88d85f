import Foundation
import PaddockChange

/// Fingerprints of findings accepted when a repository adopted Paddock; they are reported as suppressed.
package struct Baseline: Sendable, Hashable, Codable {
  package static let schemaID = "paddock.baseline/1"
  /// The file Paddock reads at the repository root unless `.paddock.yml` names another.
  package static let defaultFile = ".paddock-baseline.json"

  package struct Entry: Sendable, Hashable, Codable, Comparable {
    package var fingerprint: String
    package var rule: String
    package var path: String?

    package init(fingerprint: String, rule: String, path: String?) {
      self.fingerprint = fingerprint
      self.rule = rule
      self.path = path
    }

    package static func < (lhs: Self, rhs: Self) -> Bool {
      (lhs.path ?? "", lhs.rule, lhs.fingerprint) < (rhs.path ?? "", rhs.rule, rhs.fingerprint)
    }
  }

  package var schema = Baseline.schemaID
  package var entries: [Entry]

  package init(findings: [Finding]) {
    entries = Array(Set(findings.map { Entry(fingerprint: $0.fingerprint, rule: $0.rule, path: $0.path) })).sorted()
  }

  package var fingerprints: Set<String> { Set(entries.map(\.fingerprint)) }

  /// Reads a baseline file; a missing file is an empty baseline only when `required` is false.
  package static func load(file path: String, required: Bool) throws(ConfigError) -> Baseline? {
    try load(data: FileManager.default.contents(atPath: path), name: path, required: required)
  }

  /// Reads a baseline's bytes (nil: there is no file); `name` is how messages name it.
  package static func load(data: Data?, name path: String, required: Bool) throws(ConfigError) -> Baseline? {
    guard let data else {
      if required {
        throw ConfigError(
          file: path, line: nil, message: "does not exist", fix: "create it with `paddock baseline`, or fix `baseline:`"
        )
      }
      return nil
    }
    do {
      let baseline = try JSONDecoder().decode(Baseline.self, from: data)
      guard baseline.schema == schemaID else {
        throw ConfigError(
          file: path, line: nil, message: "has schema `\(baseline.schema)`, not `\(schemaID)`",
          fix: "re-create it with this Paddock's `paddock baseline`")
      }
      return baseline
    } catch let error as ConfigError {
      throw error
    } catch {
      throw ConfigError(
        file: path, line: nil, message: "is not a Paddock baseline (\(error.localizedDescription))",
        fix: "re-create it with `paddock baseline`")
    }
  }
}
