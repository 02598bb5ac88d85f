import Foundation

/// Fingerprints of findings accepted when a repository adopted Paddock; they are reported as suppressed.
public struct Baseline: Sendable, Hashable, Codable {
  public static let schemaID = "paddock.baseline/1"
  /// The file Paddock reads at the repository root unless `.paddock.yml` names another.
  public static let defaultFile = ".paddock-baseline.json"

  public struct Entry: Sendable, Hashable, Codable, Comparable {
    public var fingerprint: String
    public var rule: String
    public var path: String?

    public init(fingerprint: String, rule: String, path: String?) {
      self.fingerprint = fingerprint
      self.rule = rule
      self.path = path
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
      (lhs.path ?? "", lhs.rule, lhs.fingerprint) < (rhs.path ?? "", rhs.rule, rhs.fingerprint)
    }
  }

  public var schema = Baseline.schemaID
  public var entries: [Entry]

  public init(findings: [Finding]) {
    entries = Array(Set(findings.map { Entry(fingerprint: $0.fingerprint, rule: $0.rule, path: $0.path) })).sorted()
  }

  public var fingerprints: Set<String> { Set(entries.map(\.fingerprint)) }

  /// Reads a baseline file; a missing file is an empty baseline only when `required` is false.
  public static func load(file path: String, required: Bool) throws(ConfigError) -> Baseline? {
    try load(data: FileManager.default.contents(atPath: path), name: path, required: required)
  }

  /// Reads a baseline's bytes (nil: there is no file); `name` is how messages name it.
  public static func load(data: Data?, name path: String, required: Bool) throws(ConfigError) -> Baseline? {
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
