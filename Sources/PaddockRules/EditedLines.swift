/// Lines after edits, and where each place of the old lines went.
struct EditedLines {
  let lines: [String]
  private let old: [String]
  private let edits: [Int: [TextEdit]]
  /// The index in `lines` of each old line's first line.
  private let firstLine: [Int]

  init(_ old: [String], edits: [Int: [TextEdit]]) {
    self.old = old
    self.edits = edits
    var lines: [String] = []
    var firstLine: [Int] = []
    for (index, line) in old.enumerated() {
      firstLine.append(lines.count)
      guard let lineEdits = edits[index] else {
        lines.append(line)
        continue
      }
      let bytes = Array(line.utf8)
      var result: [UInt8] = []
      var cursor = 0
      for edit in lineEdits.sorted(by: { $0.offset < $1.offset }) {
        result += bytes[cursor..<edit.offset]
        result += Array(edit.insert.utf8)
        cursor = edit.offset + edit.remove
      }
      result += bytes[cursor...]
      lines += String(decoding: result, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(
        String.init)
    }
    self.lines = lines
    self.firstLine = firstLine
  }

  /// How many lines the first `count` old lines became.
  func count(ofFirst count: Int) -> Int { count < firstLine.count ? firstLine[count] : lines.count }

  /// Where 1-based `line` and `column` of the old text now are. A start (`isEnd` false) at an insertion goes after
  /// the inserted text, an end before it: a prefix pushes the code it stands before, a split leaves the text before it.
  func position(line: Int, column: Int, isEnd: Bool) -> (line: Int, column: Int) {
    let index = line - 1
    guard let lineEdits = edits[index] else { return (firstLine[index] + 1, column) }
    let offset = column - 1
    var text: [UInt8] = []
    let bytes = Array(old[index].utf8)
    var cursor = 0
    for edit in lineEdits.sorted(by: { $0.offset < $1.offset }) {
      if edit.offset > offset || (edit.offset == offset && isEnd) { break }
      text += bytes[cursor..<edit.offset]
      text += Array(edit.insert.utf8)
      cursor = max(edit.offset + edit.remove, cursor)
    }
    if offset > cursor { text += bytes[cursor..<offset] }
    let breaks = text.filter { $0 == 0x0A }.count
    let lastBreak = text.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
    return (firstLine[index] + 1 + breaks, text.count - lastBreak + 1)
  }
}
