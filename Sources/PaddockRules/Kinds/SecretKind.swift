import PaddockRegex

/// `kind: secret`: `pattern` over each added line (and the lines later commits removed), its first group the secret,
/// reported only when it has the entropy, is no known placeholder and has the required shape; the snippet shows it
/// redacted.
package struct SecretKind: RuleKind {
  package static let name = "secret"
  package static var requiresPattern: Bool { true }

  /// Minimum Shannon entropy of the secret, in bits per character.
  package var minEntropy: Double
  /// Regular expressions of known placeholders; a secret matching one is not reported.
  package var allow: [String]
  /// Regular expressions the secret must each match (say, a digit and a letter) to be reported.
  package var require: [String]

  package init(minEntropy: Double = 0, allow: [String] = [], require: [String] = []) {
    self.minEntropy = minEntropy
    self.allow = allow
    self.require = require
  }

  package static func parse(_ parameters: RuleKindParameters) throws -> SecretKind {
    try parameters.allow(["min-entropy", "allow", "require"])
    return SecretKind(
      minEntropy: try parameters.double("min-entropy") ?? 0, allow: try parameters.regexes("allow"),
      require: try parameters.regexes("require"))
  }

  package var reach: RuleReach { .addedLines }
  package var reportsColumns: Bool { true }
  package var findsSecrets: Bool { true }

  package var explanation: [(label: String, text: String)] {
    (minEntropy > 0 ? [("entropy", "at least \(minEntropy) bits per character")] : [])
      + (allow.isEmpty ? [] : [("allowed", allow.joined(separator: ", "))])
      + (require.isEmpty ? [] : [("requires", require.joined(separator: ", "))])
  }

  package func check(for rule: Rule) throws -> RuleCheck {
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
