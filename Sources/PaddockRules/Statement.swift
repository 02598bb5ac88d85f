import PaddockChange

/// The statement an added line starts, for `pattern-not-statement`: a call whose arguments run over several lines
/// is judged whole.
enum Statement {
  /// At most this many lines are joined: a bracket that never closes must not pull in the rest of the file.
  static let maxLines = 50

  /// Line `number` of `file`, joined by single spaces with the lines after it until the parentheses and square
  /// brackets it opens are closed again, or `maxLines` lines. Braces count only inside them (a composite literal
  /// among a call's arguments), so the `{` that opens a block after `if f(x) {` does not pull the block in.
  /// Brackets inside `"…"` strings and inside backtick strings (which may span lines, as Go raw strings and
  /// JavaScript templates do) are not counted.
  static func text(startingAt number: Int, in file: ReviewFile) -> String {
    guard var text = file.line(number) else { return "" }
    var scanner = BracketScanner()
    scanner.scan(text)
    var next = number + 1
    while scanner.depth > 0, next < number + maxLines, let line = file.line(next) {
      text += " " + line
      scanner.scan(line)
      next += 1
    }
    return text
  }

  /// Bracket depth over a run of lines; a backtick string carries over from one line to the next.
  private struct BracketScanner {
    var depth = 0
    var inBackticks = false

    mutating func scan(_ line: String) {
      var inQuotes = false
      var escaped = false
      for byte in line.utf8 {
        if escaped {
          escaped = false
          continue
        }
        switch byte {
        case UInt8(ascii: "\\") where inQuotes: escaped = true
        case UInt8(ascii: "`") where !inQuotes: inBackticks.toggle()
        case UInt8(ascii: "\"") where !inBackticks: inQuotes.toggle()
        case _ where inQuotes || inBackticks: break
        case UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
        case UInt8(ascii: "{") where depth > 0: depth += 1
        case UInt8(ascii: ")"), UInt8(ascii: "]"): depth -= 1
        case UInt8(ascii: "}") where depth > 0: depth -= 1
        default: break
        }
      }
    }
  }
}
