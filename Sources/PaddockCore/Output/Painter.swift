/// ANSI colour for terminal text, or plain text when colour is off.
package struct Painter: Sendable {
  package enum Colour: String, Sendable {
    case red = "31"
    case green = "32"
    case yellow = "33"
    case blue = "34"
    case magenta = "35"
    case cyan = "36"
    case dim = "2"
  }

  package var enabled: Bool

  package init(enabled: Bool) { self.enabled = enabled }

  package func paint(_ text: String, _ colour: Colour) -> String {
    enabled ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
  }

  package func bold(_ text: String) -> String { enabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
}
