extension RulePack {
  /// A pack's YAML with every `examples:` block replaced by blank lines, so what is left parses to the same rules
  /// with no examples, and every rule keeps the line it is declared on.
  ///
  /// A block is the `examples:` key and every line after it that is blank or indented deeper than the key: a block
  /// scalar or nested mapping cannot hold a line less indented than its key. Only the built-in packs go through
  /// this, and the test suite checks each one parses to the same rules both ways.
  package static func blankingExamples(_ text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var blockIndent: Int?
    for index in lines.indices {
      let line = lines[index]
      let indent = line.prefix { $0 == " " }.count
      let rest = line.dropFirst(indent)
      let blank = rest.allSatisfy { $0 == " " || $0 == "\r" || $0 == "\t" }
      if let key = blockIndent {
        if blank || indent > key {
          lines[index] = ""
          continue
        }
        blockIndent = nil
      }
      if rest.hasPrefix("examples:"), rest.dropFirst("examples:".count).allSatisfy({ $0 == " " || $0 == "\r" }) {
        blockIndent = indent
        lines[index] = ""
      }
    }
    return lines.joined(separator: "\n")
  }
}
