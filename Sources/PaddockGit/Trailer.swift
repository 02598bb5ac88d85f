internal import CLibgit2

/// A `Key: value` trailer from the end of a commit message.
package struct Trailer: Hashable, Sendable, Codable {
  /// The key as written, such as `Co-authored-by`.
  package var key: String
  /// The value with folded continuation lines joined by single spaces.
  package var value: String

  /// Creates a trailer value.
  package init(key: String, value: String) {
    self.key = key
    self.value = value
  }

  /// Parses the trailers of `message` with git's own rules (libgit2's port of
  /// git's trailer.c): only the last paragraph counts, and only when it is
  /// trailer-shaped. Never fails: a message without trailers gives `[]`.
  package static func parse(_ message: String) -> [Trailer] {
    parse(bytes: Array(message.utf8))
  }

  /// Parses trailers from raw message bytes, which need not be UTF-8.
  ///
  /// libgit2 1.5's port differs from git 2.39 in five places; the input is
  /// adjusted and the output normalised so the result is what
  /// `git interpret-trailers --parse` prints:
  /// - a line starting `---` ends the message for libgit2 even when git's rule
  ///   (`---` followed by whitespace) does not apply, as with `------` rules;
  /// - only a space (git: any whitespace) continues a folded value;
  /// - an empty value (`Key:`) swallows the next line;
  /// - a line starting with the separator (`: value`) is a trailer with an empty key;
  /// - values are neither trimmed nor unfolded (CRLF leaves a `\r`).
  package static func parse(bytes: [UInt8]) -> [Trailer] {
    _ = Libgit2.ready
    // libgit2 stops at the first NUL; git does too when it reads a commit.
    var cString = adjustedForLibgit2(bytes.prefix { $0 != 0 }).map { CChar(bitPattern: $0) }
    cString.append(0)
    var array = git_message_trailer_array()
    // `array` owns the copied trailer block; freed by git_message_trailer_array_free.
    guard git_message_trailers(&array, cString) == 0 else {
      git_error_clear()
      return []
    }
    defer { git_message_trailer_array_free(&array) }
    var result: [Trailer] = []
    result.reserveCapacity(array.count)
    for index in 0..<array.count {
      let item = array.trailers[index]
      guard let key = item.key, let value = item.value else { continue }
      let keyText = String(decodingCString: key).trimmingWhitespace
      guard !keyText.isEmpty else { continue }
      result.append(Trailer(key: keyText, value: unfold(String(decodingCString: value))))
    }
    return result
  }

  /// Marks an empty value so libgit2 does not run on into the next line; `unfold` removes it.
  private static let emptyValueMark: UInt8 = 0x01

  private static func adjustedForLibgit2(_ message: ArraySlice<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(message.count + 8)
    var lineStart = message.startIndex
    while lineStart < message.endIndex {
      let newline = message[lineStart...].firstIndex(of: 0x0A)
      let lineEnd = newline ?? message.endIndex
      var line = Array(message[lineStart..<lineEnd])
      if line.starts(with: [0x2D, 0x2D, 0x2D]) {
        let next = line.count > 3 ? line[3] : 0x0A
        // Not a divider for git: hide the dashes from libgit2 without making the line trailer-shaped.
        if !isSpace(next) { line[0] = 0x2B }
      } else if let first = line.first, first != 0x20, first != 0x0A, isSpace(first) {
        line[0] = 0x20
      } else if line.first == 0x3A {
        // `: value` or `:Key: value`: git needs a key before the separator; libgit2 takes an empty one.
        line[0] = 0x2B
      }
      if endsWithEmptyValue(line) {
        var end = line.count
        while end > 0, isSpace(line[end - 1]) { end -= 1 }
        line.insert(emptyValueMark, at: end)
      }
      out += line
      if newline != nil { out.append(0x0A) }
      lineStart = newline.map { message.index(after: $0) } ?? message.endIndex
    }
    return out
  }

  /// `Key:` (optionally with spaces) and nothing after the separator.
  private static func endsWithEmptyValue(_ line: [UInt8]) -> Bool {
    guard let colon = line.firstIndex(of: 0x3A), colon > 0, isKeyByte(line[0]) else { return false }
    guard line[colon...].dropFirst().allSatisfy(isSpace) else { return false }
    var sawSpace = false
    for byte in line[..<colon] {
      if isKeyByte(byte), !sawSpace { continue }
      if byte == 0x20 || byte == 0x09 {
        sawSpace = true
        continue
      }
      return false
    }
    return true
  }

  private static func isKeyByte(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
  }

  /// git's `unfold_value`: each line break and the whitespace after it become one space; then trim.
  private static func unfold(_ value: String) -> String {
    var out = ""
    var iterator = value.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = iterator.next()
    while let scalar = pending {
      pending = iterator.next()
      if scalar == "\n" {
        while let next = pending, next.value < 0x80, next.properties.isWhitespace { pending = iterator.next() }
        out.unicodeScalars.append(" ")
      } else if scalar.value != UInt32(emptyValueMark) {
        out.unicodeScalars.append(scalar)
      }
    }
    return out.trimmingWhitespace
  }
}

extension String {
  /// Trims ASCII whitespace (git's `strbuf_trim`) from both ends.
  var trimmingWhitespace: String {
    let scalars = unicodeScalars
    let isSpace: (Unicode.Scalar) -> Bool = { [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"].contains($0) }
    guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(scalars[first...last])
  }
}
