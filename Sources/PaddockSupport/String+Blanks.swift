extension Substring {
  /// The text without white space (spaces, tabs, line breaks and the other Unicode white space) at either end:
  /// what Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` gives, at a fraction of its cost on Linux.
  package func trimmingBlanks() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    var end = scalars.endIndex
    while end > first, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
    return String(scalars[first..<end])
  }
}

extension String {
  /// The text without white space at either end; see `Substring.trimmingBlanks()`.
  package func trimmingBlanks() -> String { self[...].trimmingBlanks() }

  /// The text trimmed, with each run of white space inside it (line breaks included) made one space: a value
  /// folded over several lines, as `git interpret-trailers --unfold` shows it. Works on scalars, since a space
  /// followed by a combining mark is one Character that is not white space.
  package func collapsingBlanks() -> String {
    var out = ""
    var space = false
    for scalar in unicodeScalars {
      if scalar.properties.isWhitespace {
        space = !out.isEmpty
      } else {
        if space { out.unicodeScalars.append(" ") }
        space = false
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
