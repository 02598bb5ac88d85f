import PaddockChange

/// Blanks out comments or string literals of one line, keeping every other character where it was.
///
/// Works line by line: a block comment or a multi-line string that began on an earlier line is not
/// known. The quote characters themselves stay, so a pattern can still see that a string starts.
package enum LineMasker {
  /// The line with the chosen regions' bytes replaced by spaces, UTF-8 offsets unchanged (what patterns report).
  package static func mask(_ line: String, syntax: CommentSyntax, regions: Set<IgnoredRegion>) -> String {
    guard !regions.isEmpty else { return line }
    var units = Array(line.utf8)
    let maskComments = regions.contains(.comments)
    let maskStrings = regions.contains(.strings)
    let quotes = Set(syntax.quotes.compactMap { $0.utf8.first })
    let lineTokens = syntax.line.map { Array($0.utf8) }
    let blockOpen = syntax.block.map { Array($0.open.utf8) }
    let blockClose = syntax.block.map { Array($0.close.utf8) }
    let space: UInt8 = 0x20
    var index = 0

    func starts(with token: [UInt8], at position: Int) -> Bool {
      guard position + token.count <= units.count else { return false }
      for offset in 0..<token.count where units[position + offset] != token[offset] { return false }
      return true
    }

    while index < units.count {
      let unit = units[index]
      if quotes.contains(unit) {
        var end = index + 1
        while end < units.count, units[end] != unit {
          end += units[end] == 0x5C ? 2 : 1  // a backslash escapes the next character
        }
        if maskStrings {
          for position in (index + 1)..<min(end, units.count) { units[position] = space }
        }
        index = end + 1
        continue
      }
      if let open = blockOpen, let close = blockClose, starts(with: open, at: index) {
        var end = index + open.count
        while end < units.count, !starts(with: close, at: end) { end += 1 }
        let stop = min(end + close.count, units.count)
        if maskComments {
          for position in index..<stop { units[position] = space }
        }
        index = stop
        continue
      }
      if let token = lineTokens.first(where: { starts(with: $0, at: index) }) {
        // `#` starts a comment only at the start or after a blank (`$#` and `a#b` in shell are not comments).
        let isHash = token == [0x23]
        if !isHash || index == 0 || units[index - 1] == space || units[index - 1] == 0x09 {
          if maskComments {
            for position in index..<units.count { units[position] = space }
          }
          break
        }
      }
      index += 1
    }
    return String(decoding: units, as: UTF8.self)
  }
}
