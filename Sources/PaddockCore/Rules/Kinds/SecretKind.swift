import PaddockRegex

/// `kind: secret`: `pattern` over each added line (and the lines later commits removed), its first group the secret,
/// reported only when it has the entropy, is no known placeholder and has the required shape; the snippet shows it
/// redacted.
public struct SecretKind: RuleKind {
  public static let name = "secret"
  public static var requiresPattern: Bool { true }

  /// Minimum Shannon entropy of the secret, in bits per character.
  public var minEntropy: Double
  /// Regular expressions of known placeholders; a secret matching one is not reported.
  public var allow: [String]
  /// Regular expressions the secret must each match (say, a digit and a letter) to be reported.
  public var require: [String]

  public init(minEntropy: Double = 0, allow: [String] = [], require: [String] = []) {
    self.minEntropy = minEntropy
    self.allow = allow
    self.require = require
  }

  public static func parse(_ parameters: RuleKindParameters) throws -> SecretKind {
    try parameters.allow(["min-entropy", "allow", "require"])
    return SecretKind(
      minEntropy: try parameters.double("min-entropy") ?? 0, allow: try parameters.regexes("allow"),
      require: try parameters.regexes("require"))
  }

  public var reach: RuleReach { .addedLines }
  public var reportsColumns: Bool { true }
  public var findsSecrets: Bool { true }

  public var explanation: [(label: String, text: String)] {
    (minEntropy > 0 ? [("entropy", "at least \(minEntropy) bits per character")] : [])
      + (allow.isEmpty ? [] : [("allowed", allow.joined(separator: ", "))])
      + (require.isEmpty ? [] : [("requires", require.joined(separator: ", "))])
  }

  public func check(for rule: Rule) throws -> RuleCheck {
    RuleCheck(
      SecretCheck(
        minEntropy: minEntropy, allow: try allow.map { try LinearRegex($0) },
        require: try require.map { try LinearRegex($0) }))
  }
}

/// A secret rule's tests of what its pattern captured.
struct SecretCheck: KindCheck {
  let minEntropy: Double
  let allow: [LinearRegex]
  let require: [LinearRegex]

  func isReportable(secret: String) -> Bool {
    if Entropy.shannon(secret) < minEntropy { return false }
    if allow.contains(where: { $0.matches(secret) }) { return false }
    return require.allSatisfy { $0.matches(secret) }
  }

  /// The line with the secret redacted; the secret is read from the unmasked line (masking keeps byte offsets, not
  /// text).
  func snippet(of line: String, reported range: Range<Int>) -> String? {
    let secret = line.utf8Slice(range)
    guard isReportable(secret: secret) else { return nil }
    return line.utf8Replacing(range, with: Entropy.redact(secret))
  }
}
