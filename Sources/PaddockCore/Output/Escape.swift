/// Untrusted text (paths, commit subjects, names, messages, model answers) made inert for the format it is written
/// into. Every renderer escapes through here, so a format's rules live in one place; XML and HTML use
/// `Markup.escape`, GitHub workflow commands `GitHubRenderer.escapeData`.
package enum Escape {
  /// For a terminal or a plain-text log: control characters (ESC and the rest of C0 and C1, DEL, so no colour,
  /// cursor, title-setting OSC, carriage return or bell) and the bidirectional controls that make text read
  /// differently than it runs ("Trojan Source") become visible `\u{…}` escapes. Tabs stay; newlines stay only when
  /// `newlines` is true (a path or a subject must stay on its own line).
  package static func terminal(_ text: String, newlines: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: { isControl($0, newlines: newlines) }) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if isControl(scalar, newlines: newlines) {
        out += visible(scalar)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// For GitHub-flavoured Markdown (pull-request comments, job summaries, Markdown reports): the text shows as
  /// written and does nothing else. HTML and Markdown syntax is escaped, line breaks become `<br>` (a table cell
  /// stays one row), control characters become `\u{…}`, and `@name`, `#123`, URLs and `www.` are broken with a
  /// word joiner (U+2060) so they neither notify anyone nor link anywhere.
  package static func markdown(_ text: String) -> String {
    var out = ""
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      let next = index + 1 < scalars.count ? scalars[index + 1] : nil
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\n": out += "<br>"
      case "\r": if next != "\n" { out += "<br>" }
      case "\\", "`", "*", "_", "[", "]", "(", ")", "|", "~", "!", "{", "}", "$":
        out += "\\" + String(scalar)
      case "@", "#":
        out.unicodeScalars.append(scalar)
        if let next, next.properties.isAlphabetic || ("0"..."9").contains(next) || next == "-" {
          out += wordJoiner
        }
      case ":":
        out.unicodeScalars.append(scalar)
        if next == "/" { out += wordJoiner }
      case ".":
        out.unicodeScalars.append(scalar)
        if index >= 3, scalars[(index - 3)..<index].allSatisfy({ $0 == "w" || $0 == "W" }) { out += wordJoiner }
      default:
        if isControl(scalar, newlines: false) {
          out += visible(scalar)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// Inline code in GitHub-flavoured Markdown for untrusted text such as a path. A backtick code span cannot hold
  /// every text (a backtick in the path ends it and what follows is live Markdown), so this is `<code>` around
  /// `markdown(text)`.
  package static func markdownCode(_ text: String) -> String { "<code>" + markdown(text) + "</code>" }

  private static let wordJoiner = "\u{2060}"

  private static func visible(_ scalar: Unicode.Scalar) -> String {
    "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
  }

  private static func isControl(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
    switch scalar.value {
    case 0x09: false
    case 0x0A: !newlines
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0x2028, 0x2029: true
    default: false
    }
  }
}
