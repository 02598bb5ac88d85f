import PaddockChange

/// Where an example says a finding must be: `⟦` before its first character and `⟧` after its last.
///
/// Lines are 1-based lines of the file at head; columns are 1-based UTF-8 byte columns, the end column just past the
/// last byte, as `Finding` reports them. A finding without columns (a whole-line kind) is compared by lines only.
package struct ExampleMark: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The file the mark is in; nil for the example's own file.
  package var path: String?
  package var line: Int
  package var column: Int
  package var endLine: Int
  package var endColumn: Int

  package init(path: String? = nil, line: Int, column: Int, endLine: Int, endColumn: Int) {
    self.path = path
    self.line = line
    self.column = column
    self.endLine = endLine
    self.endColumn = endColumn
  }

  package static func < (a: ExampleMark, b: ExampleMark) -> Bool {
    ((a.path ?? ""), a.line, a.column, a.endLine, a.endColumn) < (
      (b.path ?? ""), b.line, b.column, b.endLine, b.endColumn
    )
  }

  package var description: String {
    let place = path.map { "\($0):" } ?? "line "
    return line == endLine
      ? "\(place)\(line):\(column)-\(endColumn)" : "\(place)\(line):\(column)-\(endLine):\(endColumn)"
  }

  /// The opening and closing marks.
  package static let open: Character = "⟦"
  package static let close: Character = "⟧"

  /// Lines with their marks taken out, and the marks' places; `firstLine` is the line number of `lines[0]`.
  /// - Throws: a description of the problem when a mark is not closed, closed twice or nested.
  package static func strip(_ lines: [String], firstLine: Int, path: String? = nil) throws(ExampleMarkError) -> (
    lines: [String], marks: [ExampleMark]
  ) {
    var stripped: [String] = []
    var marks: [ExampleMark] = []
    var openAt: (line: Int, column: Int)?
    for (index, line) in lines.enumerated() {
      guard line.contains(open) || line.contains(close) || openAt != nil else {
        stripped.append(line)
        continue
      }
      var text = ""
      let number = firstLine + index
      for character in line {
        if character == open {
          guard openAt == nil else { throw ExampleMarkError(problem: "a `⟦` inside another `⟦ ⟧`") }
          openAt = (number, text.utf8.count + 1)
        } else if character == close {
          guard let start = openAt else { throw ExampleMarkError(problem: "a `⟧` with no `⟦` before it") }
          marks.append(
            ExampleMark(
              path: path, line: start.line, column: start.column, endLine: number, endColumn: text.utf8.count + 1))
          openAt = nil
        } else {
          text.append(character)
        }
      }
      stripped.append(text)
    }
    if openAt != nil { throw ExampleMarkError(problem: "a `⟦` that no `⟧` closes") }
    return (stripped, marks)
  }
}
