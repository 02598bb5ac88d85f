/// A path inside a repository, kept as the raw bytes git stores.
///
/// Git paths are byte strings, not text: a path in Latin-1 must round-trip
/// to libgit2 unchanged, so the bytes are the identity and `description` is
/// only a lenient rendering for people.
package struct GitPath: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The path as stored in the tree, without a trailing NUL.
  package var bytes: [UInt8]

  /// Wraps raw path bytes.
  package init(bytes: [UInt8]) { self.bytes = bytes }

  /// Wraps a path given as text (its UTF-8 bytes).
  package init(_ string: String) { self.bytes = Array(string.utf8) }

  init(cString: UnsafePointer<CChar>) {
    let length = strlen(cString)
    bytes = cString.withMemoryRebound(to: UInt8.self, capacity: length) {
      Array(UnsafeBufferPointer(start: $0, count: length))
    }
  }

  /// The path for display: invalid UTF-8 bytes become U+FFFD.
  package var description: String { String(decoding: bytes, as: UTF8.self) }

  /// Whether the bytes are valid UTF-8, so `description` loses nothing.
  package var isValidUTF8: Bool { String(validating: bytes, as: UTF8.self) != nil }

  /// The path as git quotes it in porcelain output when it is not plain:
  /// C-style escapes with octal bytes, inside double quotes.
  package var quoted: String {
    var needsQuotes = false
    var out = ""
    for byte in bytes {
      switch byte {
      case 0x22: out += "\\\""; needsQuotes = true
      case 0x5C: out += "\\\\"; needsQuotes = true
      case 0x09: out += "\\t"; needsQuotes = true
      case 0x0A: out += "\\n"; needsQuotes = true
      case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        needsQuotes = true
        let octal = String(byte, radix: 8)
        out += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
      }
    }
    return needsQuotes ? "\"\(out)\"" : out
  }

  /// Calls `body` with the path as a NUL-terminated C string.
  func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
    // The array lives for the duration of the call; `body` must not keep the pointer.
    let terminated = bytes.map { CChar(bitPattern: $0) } + [0]
    return try body(terminated)
  }

  package static func < (lhs: GitPath, rhs: GitPath) -> Bool {
    lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
