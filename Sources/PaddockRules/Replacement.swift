import PaddockRegex

/// A pattern rule's mechanical fix (`replacement:` in a pack): a template that takes the place of what `pattern`
/// matched on the line. `$0` is the whole match, `$1` to `$9` its groups, `$$` a dollar; every other character stands
/// for itself. A match in which a group the template names took no part gets no fix: a pattern marks the shapes it
/// can fix safely with a group (`(?:([\w.]+)\))?`, an argument that is a plain name) and leaves the others to a
/// person.
package struct Replacement: Sendable, Hashable {
  /// The template as written.
  package let template: String
  private let pieces: [Piece]

  private enum Piece: Sendable, Hashable {
    case text(String)
    case group(Int)
  }

  /// Reads a template.
  /// - Throws: what is wrong with a `$` that is followed by neither a digit nor another `$`.
  package init(_ template: String) throws(ReplacementError) {
    self.template = template
    var pieces: [Piece] = []
    var text = ""
    var characters = template.makeIterator()
    while let character = characters.next() {
      guard character == "$" else {
        text.append(character)
        continue
      }
      switch characters.next() {
      case "$": text.append("$")
      case let next? where next.isASCII && next.isWholeNumber:
        if !text.isEmpty { pieces.append(.text(text)) }
        text = ""
        pieces.append(.group(next.wholeNumberValue ?? 0))
      case let next:
        throw ReplacementError(
          problem: next.map { "`$\($0)` is neither a group nor a dollar" } ?? "it ends with a lone `$`")
      }
    }
    if !text.isEmpty { pieces.append(.text(text)) }
    self.pieces = pieces
  }

  /// The highest group the template names (0 when it names none or only `$0`).
  package var highestGroup: Int {
    pieces.reduce(0) { highest, piece in
      if case .group(let number) = piece { return max(highest, number) }
      return highest
    }
  }

  /// `line` with the match's range replaced by the template, groups read from `line` itself; nil when a group the
  /// template names took no part in the match.
  func fixed(_ line: String, match: LinearMatch) -> String? {
    var text = ""
    for piece in pieces {
      switch piece {
      case .text(let literal): text += literal
      case .group(let number):
        guard number < match.groups.count, let range = match.groups[number] else { return nil }
        text += line.utf8Slice(range)
      }
    }
    return line.utf8Replacing(match.range, with: text)
  }
}

/// A `replacement:` template that cannot be read.
package struct ReplacementError: Error, Sendable, Equatable {
  package var problem: String
}
