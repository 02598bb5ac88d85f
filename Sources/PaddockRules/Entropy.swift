import Foundation
import PaddockRegex
import PaddockSupport
import Synchronization

/// Shannon entropy and redaction of secrets.
enum Entropy {
  /// Bits of Shannon entropy per character.
  static func shannon(_ text: String) -> Double {
    guard !text.isEmpty else { return 0 }
    var counts: [Character: Int] = [:]
    for character in text { counts[character, default: 0] += 1 }
    let total = Double(text.count)
    return counts.values.reduce(0) { sum, count in
      let p = Double(count) / total
      return sum - p * log2(p)
    }
  }

  /// Keeps the first four characters so a person can tell which key it was, and hides the rest.
  static func redact(_ secret: String) -> String {
    secret.count <= 8 ? String(repeating: "*", count: secret.count) : String(secret.prefix(4)) + "****"
  }
}
