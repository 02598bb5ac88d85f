import PaddockChange

/// A change to a rule's example that must not change its outcome, or that must silence it: the same code with other
/// line endings, behind multi-byte characters, commented out, inside a string, or laid out as a formatter would.
///
/// Which mutations an example runs is data: each rule gets defaults from its kind and its `ignore-in`
/// (`defaults(for:expectation:)`), and an example (or all of a rule's examples) names others with `mutations:` or
/// leaves some out with `skip-mutations:` and a reason.
package enum ExampleMutation: String, Sendable, Hashable, CaseIterable, Comparable {
  /// Every file's lines end with `\r\n`, split again as the review splits a file read from git.
  case crlf
  /// Multi-byte characters (`/* é中 */ ` or a string statement) before the code on the marked lines; marks move by
  /// the prefix's UTF-8 length.
  case prefix
  /// The marked lines commented out: a rule that ignores comments goes quiet.
  case comment
  /// The marked lines turned into string literals: a rule that ignores strings goes quiet.
  case string
  /// A call's arguments split one per line, as gofmt, black or prettier lay out a long call; marks move with the text.
  case layout

  package static func < (a: ExampleMutation, b: ExampleMutation) -> Bool {
    allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
  }

  /// Whether the mutated example keeps the original's outcome (fire where its marks moved, or stay quiet); otherwise
  /// it must stay quiet.
  package var keepsOutcome: Bool {
    switch self {
    case .crlf, .prefix, .layout: true
    case .comment, .string: false
    }
  }

  /// The mutations a rule's examples run unless they say otherwise: line endings for every rule; for the kinds that
  /// report columns, a prefix; for fire examples of a rule that ignores comments or strings, those; a layout for
  /// `multi-line` rules and for the quiet examples of rules judged on their statement.
  package static func defaults(for rule: Rule, expectation: RuleExampleExpectation) -> Set<ExampleMutation> {
    var mutations: Set<ExampleMutation> = [.crlf]
    if rule.kind.reportsColumns { mutations.insert(.prefix) }
    if expectation == .fire, rule.kind.reportsColumns {
      if rule.ignoreIn.contains(.comments) { mutations.insert(.comment) }
      if rule.ignoreIn.contains(.strings) { mutations.insert(.string) }
    }
    if rule.kind.readsAcrossLines { mutations.insert(.layout) }
    if rule.patternNotStatement != nil, expectation == .quiet { mutations.insert(.layout) }
    return mutations
  }

  /// The main file's lines (context, then added) mutated, or nil when the mutation has nothing to change in them
  /// (no call to split, no quote the line lacks). `marked` are the 1-based lines holding part of a mark and
  /// `markStarts` those where a mark starts: a prefix goes before each mark, or before a quiet example's first added
  /// line; a comment or a string takes every marked line; a layout splits the first call of each added line.
  func edits(
    _ lines: [String], added: Range<Int>, marked: [Int], markStarts: [Int], language: Language?
  ) -> [Int: [TextEdit]]? {
    var edits: [Int: [TextEdit]] = [:]
    let syntax = language?.commentSyntax
    switch self {
    case .crlf:
      return nil
    case .prefix:
      let prefix: String
      switch language {
      case nil: prefix = "é中 "
      case .python, .ruby: prefix = "_ = \"é中\"; "
      case .shell: prefix = ": \"é中\"; "
      case .some(let language):
        guard let block = language.commentSyntax.block else { return nil }
        prefix = "\(block.open) é中 \(block.close) "
      }
      // A quiet example's statement starts on its first added line that is not blank.
      let first = added.first { !lines[$0].allSatisfy(\.isWhitespace) }.map { [$0 + 1] } ?? []
      for number in Set(markStarts.isEmpty ? first : markStarts) {
        edits[number - 1] = [TextEdit(offset: Self.indentation(lines[number - 1]), insert: prefix)]
      }
    case .comment:
      guard let token = syntax?.line.first, !marked.isEmpty else { return nil }
      for number in Set(marked) {
        edits[number - 1] = [TextEdit(offset: Self.indentation(lines[number - 1]), insert: token + " ")]
      }
    case .string:
      guard let quotes = syntax?.quotes, !marked.isEmpty else { return nil }
      for number in Set(marked) {
        let line = lines[number - 1]
        let start = Self.indentation(line)
        let code = line.utf8.dropFirst(start)
        guard !code.contains(0x5C),
          let quote = quotes.first(where: { quote in !code.contains(quote.utf8.first ?? 0) })
        else { return nil }
        edits[number - 1] = [
          TextEdit(offset: start, insert: String(quote)), TextEdit(offset: line.utf8.count, insert: String(quote)),
        ]
      }
    case .layout:
      for index in added {
        if let split = Self.splitCall(lines[index], quotes: syntax?.quotes ?? ["\"", "'"]) { edits[index] = split }
      }
    }
    return edits.isEmpty ? nil : edits
  }

  /// The byte offset of the line's first character that is not a space or a tab.
  static func indentation(_ line: String) -> Int {
    line.utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count
  }

  /// The edits that put each argument of the line's first call with two or more arguments on a line of its own,
  /// indented four more than the line, the closing parenthesis after the last: `f(\n    a,\n    b)`.
  static func splitCall(_ line: String, quotes: [Character]) -> [TextEdit]? {
    let bytes = Array(line.utf8)
    let quoteBytes = Set(quotes.compactMap { $0.utf8.first })
    let indent = String(decoding: bytes.prefix(indentation(line)), as: UTF8.self) + "    "
    var open: [Int] = []
    var commas: [Int: [Int]] = [:]
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if quoteBytes.contains(byte) {
        index += 1
        while index < bytes.count, bytes[index] != byte { index += bytes[index] == 0x5C ? 2 : 1 }
      } else if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
        open.append(index)
      } else if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
        guard let start = open.popLast() else { return nil }
        if byte == UInt8(ascii: ")"), bytes[start] == UInt8(ascii: "("), let found = commas[start], start > 0,
          bytes[start - 1] != 0x20
        {
          var edits = [TextEdit(offset: start + 1, insert: "\n" + indent)]
          for comma in found {
            var end = comma + 1
            while end < bytes.count, bytes[end] == 0x20 { end += 1 }
            edits.append(TextEdit(offset: comma + 1, remove: end - comma - 1, insert: "\n" + indent))
          }
          return edits
        }
        commas[start] = nil
      } else if byte == UInt8(ascii: ","), let innermost = open.last {
        commas[innermost, default: []].append(index)
      }
      index += 1
    }
    return nil
  }
}
