import Foundation
import PaddockRegex
import PaddockSupport
import Synchronization

/// Stable fingerprints of findings.
package enum Fingerprint {
  /// A 128-bit FNV-1a hash (hex) of the rule, the path and the text with runs of blanks collapsed.
  package static func of(rule: String, path: String, text: String) -> String {
    let normalized = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    return hash([rule, path, normalized].joined(separator: "\u{0}"))
  }

  static func hash(_ text: String) -> String {
    var a: UInt64 = 0xcbf2_9ce4_8422_2325
    var b: UInt64 = 0x8422_2325_cbf2_9ce4
    for byte in text.utf8 {
      a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9_7F4A_7C15
    }
    return String(a, radix: 16).leftPadded(16) + String(b, radix: 16).leftPadded(16)
  }
}
