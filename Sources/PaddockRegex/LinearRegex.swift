internal import CRE2

/// A regular expression matched by RE2: time linear in the subject for every pattern, so no input can make a rule
/// backtrack, and no time budget is needed (what is found never depends on how fast the machine is).
///
/// The syntax is RE2's (as in Go and gitleaks): Perl classes, `(?i)`, non-greedy repeats, named groups written
/// `(?<name>…)` or `(?P<name>…)`. Lookarounds and backreferences are refused when compiling, with a hint. Offsets
/// are UTF-8 byte offsets into the subject.
package final class LinearRegex: Sendable {
  /// The pattern as written.
  package let pattern: String
  /// The number of capturing groups.
  package let groupCount: Int
  /// The address of the RE2 program (`paddock_re2*`), owned by this object and freed in `deinit`. Kept as an
  /// address because a compiled RE2 program is never changed again and RE2 documents matching it from many threads
  /// at once as safe.
  private let address: UInt

  /// Compiles `pattern`.
  /// - Parameters:
  ///   - caseless: match letters in any case, as `(?i)` does.
  ///   - multiline: `^` and `$` match at every line's start and end, not only the subject's.
  /// - Throws: `LinearRegexError` with RE2's reason and, for syntax RE2 does not have, what to write instead.
  package init(_ pattern: String, caseless: Bool = false, multiline: Bool = false) throws(LinearRegexError) {
    self.pattern = pattern
    let source = Self.translatingNamedGroups(pattern)
    var flags: Int32 = 0
    if caseless { flags |= Int32(PADDOCK_RE2_CASELESS) }
    if multiline { flags |= Int32(PADDOCK_RE2_MULTILINE) }
    var message = [CChar](repeating: 0, count: 256)
    let program = source.utf8CString.withUnsafeBufferPointer { bytes in
      message.withUnsafeMutableBufferPointer { error in
        // Owned from here: freed below on failure, or by deinit.
        paddock_re2_new(bytes.baseAddress, bytes.count - 1, flags, error.baseAddress, error.count)
      }
    }
    guard let program else {
      let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      throw LinearRegexError(pattern: pattern, reason: reason, hint: Self.hint(for: pattern))
    }
    address = UInt(bitPattern: program)
    groupCount = Int(paddock_re2_groups(program))
  }

  deinit { paddock_re2_free(program) }

  private var program: OpaquePointer {
    // The address came from a non-NULL program in init and stays valid until deinit.
    OpaquePointer(bitPattern: address).unsafelyUnwrapped
  }

  /// The index of the group named `name`, if the pattern has one.
  package func group(named name: String) -> Int? {
    let index = paddock_re2_group_named(program, name)
    return index < 0 ? nil : Int(index)
  }

  /// Whether the pattern matches anywhere in `text` (the fastest question to ask).
  package func matches(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { matches(bytes: $0) }
  }

  /// Whether the pattern matches anywhere in `bytes` (UTF-8).
  package func matches(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.withMemoryRebound(to: CChar.self) { chars in
      paddock_re2_match(program, chars.baseAddress, chars.count, 0, nil, 0) == 1
    }
  }

  /// The leftmost match in `text` starting at UTF-8 offset `start`, with every group's range.
  package func firstMatch(in text: String, from start: Int = 0) -> LinearMatch? {
    var text = text
    return text.withUTF8 { firstMatch(inBytes: $0, from: start) }
  }

  /// The leftmost match in `bytes` (UTF-8) starting at offset `start`, with every group's range.
  package func firstMatch(inBytes bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> LinearMatch? {
    guard start >= 0, start <= bytes.count else { return nil }
    let count = groupCount + 1
    var spans = [Int](repeating: -1, count: 2 * count)
    let found = bytes.withMemoryRebound(to: CChar.self) { chars in
      spans.withUnsafeMutableBufferPointer { spans in
        paddock_re2_match(program, chars.baseAddress, chars.count, start, spans.baseAddress, Int32(count))
      }
    }
    guard found == 1 else { return nil }
    return LinearMatch(
      groups: (0..<count).map { index in
        let lower = spans[2 * index]
        let upper = spans[2 * index + 1]
        return lower < 0 || upper < lower ? nil : lower..<upper
      })
  }

  /// `(?<name>` as RE2 spells it, `(?P<name>`; lookbehinds `(?<=` and `(?<!` are left for RE2 to refuse.
  static func translatingNamedGroups(_ pattern: String) -> String {
    guard pattern.contains("(?<") else { return pattern }
    var result = ""
    var escaped = false
    var characters = pattern[...]
    while let character = characters.first {
      characters = characters.dropFirst()
      result.append(character)
      if escaped {
        escaped = false
        continue
      }
      if character == "\\" {
        escaped = true
      } else if character == "(", characters.hasPrefix("?<"), let next = characters.dropFirst(2).first,
        next != "=", next != "!"
      {
        result += "?P<"
        characters = characters.dropFirst(2)
      }
    }
    return result
  }

  /// What to write instead of syntax that needs backtracking.
  static func hint(for pattern: String) -> String {
    if ["(?=", "(?!", "(?<=", "(?<!"].contains(where: pattern.contains) {
      return
        "lookarounds are not supported (patterns are matched in linear time, RE2 syntax): match a boundary with a class such as `(?:[^A-Za-z0-9]|$)` and capture the part to report in group 1, or exclude lines with `pattern-not`"
    }
    let scalars = Array(pattern.unicodeScalars)
    if zip(scalars, scalars.dropFirst()).contains(where: { $0 == "\\" && ("1"..."9").contains($1) }) {
      return "backreferences such as `\\1` are not supported (patterns are matched in linear time, RE2 syntax)"
    }
    if ["*+", "++", "?+", "(?>"].contains(where: pattern.contains) {
      return "possessive repeats and atomic groups are not needed: RE2 never backtracks; write the plain repeat"
    }
    return "check brackets, groups and escapes (RE2 syntax, as in Go and gitleaks); test it with `paddock rules test`"
  }
}

extension String {
  /// The text at UTF-8 byte offsets `range` (clamped to the string); bytes of a character the range splits decode
  /// as U+FFFD.
  package func utf8Slice(_ range: Range<Int>) -> String {
    let bytes = utf8
    let lower = bytes.index(bytes.startIndex, offsetBy: range.lowerBound, limitedBy: bytes.endIndex) ?? bytes.endIndex
    let upper = bytes.index(lower, offsetBy: range.count, limitedBy: bytes.endIndex) ?? bytes.endIndex
    return String(decoding: bytes[lower..<upper], as: UTF8.self)
  }

  /// The string with the bytes at UTF-8 offsets `range` (clamped) replaced by `replacement`.
  package func utf8Replacing(_ range: Range<Int>, with replacement: String) -> String {
    let bytes = utf8
    let lower = bytes.index(bytes.startIndex, offsetBy: range.lowerBound, limitedBy: bytes.endIndex) ?? bytes.endIndex
    let upper = bytes.index(lower, offsetBy: range.count, limitedBy: bytes.endIndex) ?? bytes.endIndex
    return String(decoding: bytes[..<lower], as: UTF8.self) + replacement
      + String(decoding: bytes[upper...], as: UTF8.self)
  }
}
