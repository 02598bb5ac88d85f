extension RulePack {
  /// A pack's YAML with every `examples:` block replaced by blank lines, so what is left parses to the same rules
  /// with no examples, and every rule keeps the line it is declared on.
  ///
  /// A block is the `examples:` key and every line after it that is blank or indented deeper than the key: a block
  /// scalar or nested mapping cannot hold a line less indented than its key. Only the built-in packs go through
  /// this, and the test suite checks each one parses to the same rules both ways.
  ///
  /// It works on the UTF-8 bytes: it runs at every start of every review, on all the packs.
  package static func blankingExamples(_ text: String) -> String {
    let bytes = Array(text.utf8)
    let key = Array("examples:".utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var blockIndent: Int?
    var start = 0
    while start <= bytes.count {
      let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
      let line = bytes[start..<end]
      let indent = line.prefix { $0 == UInt8(ascii: " ") }.count
      let rest = line.dropFirst(indent)
      var keep = true
      if let blockKey = blockIndent {
        let blank = rest.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }
        if blank || indent > blockKey { keep = false } else { blockIndent = nil }
      }
      if keep, rest.starts(with: key),
        rest.dropFirst(key.count).allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") })
      {
        blockIndent = indent
        keep = false
      }
      if keep { output.append(contentsOf: line) }
      if end < bytes.count { output.append(UInt8(ascii: "\n")) }
      start = end + 1
    }
    return String(decoding: output, as: UTF8.self)
  }
}
