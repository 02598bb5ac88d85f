internal import CLibgit2

/// A `Key: value` trailer from the end of a commit message.
public struct Trailer: Hashable, Sendable, Codable {
  /// The key as written, such as `Co-authored-by`.
  public var key: String
  /// The value with folded continuation lines joined by single spaces.
  public var value: String

  /// Creates a trailer value.
  public init(key: String, value: String) {
    self.key = key
    self.value = value
  }

  /// Parses the trailers of `message` with git's own rules (libgit2's port of
  /// git's trailer.c): only the last paragraph counts, and only when it is
  /// trailer-shaped. Never fails: a message without trailers gives `[]`.
  public static func parse(_ message: String) -> [Trailer] {
    parse(bytes: Array(message.utf8))
  }

  /// Parses trailers from raw message bytes, which need not be UTF-8.
  public static func parse(bytes: [UInt8]) -> [Trailer] {
    _ = Libgit2.ready
    // libgit2 stops at the first NUL; git does too when it reads a commit.
    var cString = bytes.prefix { $0 != 0 }.map { CChar(bitPattern: $0) }
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
      result.append(Trailer(key: String(decodingCString: key), value: String(decodingCString: value)))
    }
    return result
  }
}
