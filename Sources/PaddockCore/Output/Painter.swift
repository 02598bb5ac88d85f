/// ANSI colour for terminal text, or plain text when colour is off.
public struct Painter: Sendable {
  public enum Colour: String, Sendable {
    case red = "31"
    case green = "32"
    case yellow = "33"
    case blue = "34"
    case magenta = "35"
    case cyan = "36"
    case dim = "2"
  }

  public var enabled: Bool

  public init(enabled: Bool) { self.enabled = enabled }

  public func paint(_ text: String, _ colour: Colour) -> String {
    enabled ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
  }

  public func bold(_ text: String) -> String { enabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

  /// Text from the change, a rule or a model, made safe to print on a terminal: control characters (ESC and the
  /// rest of C0 and C1, DEL) and the bidirectional controls that make code read differently than it runs
  /// ("Trojan Source") become visible `\u{…}` escapes. Tabs stay; newlines stay when `newlines` is true.
  public static func inert(_ text: String, newlines: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: { needsEscape($0, newlines: newlines) }) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if needsEscape(scalar, newlines: newlines) {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  private static func needsEscape(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
    switch scalar.value {
    case 0x09: false
    case 0x0A: !newlines
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
    default: false
    }
  }
}
