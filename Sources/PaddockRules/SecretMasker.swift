import PaddockChange
import PaddockRegex

/// Finds what the secret rules would report in any text (an added, removed or context line, a message) and masks
/// it, so no secret a rule knows leaves the machine or reaches a log in the clear: another finding's code frame on
/// the secret's line, the lines sent to a model and a model's own words all pass through here.
///
/// Every secret rule runs on every line it is given, whatever the rule's languages, paths and authorship: masking
/// errs on the side of hiding.
package struct SecretMasker: Sendable {
  private let rules: [CompiledRule]
  private let keywords: KeywordIndex
  /// The ids of the secret rules.
  package let ruleIDs: Set<String>

  /// The secret rules among `rules`; the others are ignored.
  package init(rules: [Rule]) {
    // Patterns were checked when the packs were read; a rule that still fails to compile cannot match anything.
    self.init(rules.map { ($0, Self.masks($0) ? try? CompiledRule($0) : nil) })
  }

  /// The secret rules among `rules`, each with its compiled form (nil: it cannot match).
  init(_ rules: [(rule: Rule, compiled: CompiledRule?)]) {
    let secrets = rules.filter { Self.masks($0.rule) }
    self.rules = secrets.compactMap(\.compiled)
    keywords = KeywordIndex(keywords: self.rules.map(\.rule.keywords))
    ruleIDs = Set(secrets.map(\.rule.id))
  }

  /// Whether a rule is one the masker runs.
  static func masks(_ rule: Rule) -> Bool { rule.kind.findsSecrets && rule.pattern != nil }

  /// The byte ranges of `text` that hold a secret, sorted and without overlaps.
  package func secrets(in text: String) -> [Range<Int>] {
    guard !rules.isEmpty, !text.isEmpty else { return [] }
    var hits = [Bool](repeating: false, count: rules.count)
    keywords.scan(text, into: &hits)
    var found: [Range<Int>] = []
    for (index, rule) in rules.enumerated() where rule.rule.keywords.isEmpty || hits[index] {
      found += rule.secrets(in: text)
    }
    found.sort { $0.lowerBound < $1.lowerBound }
    var merged: [Range<Int>] = []
    for range in found {
      if let last = merged.last, range.lowerBound <= last.upperBound {
        merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
      } else {
        merged.append(range)
      }
    }
    return merged
  }

  /// `text` with every secret shown as its first four characters and `****`, as secret findings show it.
  package func mask(_ text: String) -> String { mask(text, with: Entropy.redact) }

  /// `text` with every secret replaced by `replacement(secret)`.
  package func mask(_ text: String, with replacement: (String) -> String) -> String {
    let ranges = secrets(in: text)
    guard !ranges.isEmpty else { return text }
    var result = text
    for range in ranges.reversed() {
      result = result.utf8Replacing(range, with: replacement(result.utf8Slice(range)))
    }
    return result
  }

  /// The finding with its snippet, message and title masked (a model may quote what it was shown).
  package func mask(_ finding: Finding) -> Finding {
    var copy = finding
    copy.snippet = finding.snippet.map { mask($0) }
    copy.message = mask(finding.message)
    copy.title = mask(finding.title)
    // A fix must not write a masked secret into the code: a line holding a secret offers none.
    if let replacement = finding.replacement, mask(replacement) != replacement { copy.replacement = nil }
    return copy
  }
}

extension CompiledRule {
  /// Every secret this secret rule reports in `text`, not only the first: a line may hold two keys.
  func secrets(in text: String) -> [Range<Int>] {
    guard let pattern, isSecretRule else { return [] }
    var found: [Range<Int>] = []
    var start = 0
    let length = text.utf8.count
    while start <= length, let match = pattern.firstMatch(in: text, from: start) {
      let range = match.reported
      if check.isReportable(secret: text.utf8Slice(range)) { found.append(range) }
      // Move past the match (at least one byte, so an empty match cannot loop).
      start = max(match.range.upperBound, match.range.lowerBound + 1)
    }
    return found
  }
}
