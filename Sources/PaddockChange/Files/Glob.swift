import PaddockSupport

/// A path glob as `.gitignore` users expect: `*` within a folder, `**` across folders, `?`, `[abc]`, `{a,b}`.
///
/// A glob without a `/` matches the file name at any depth (`*.pem`); one with a `/` matches the
/// whole repository-relative path (`src/**/auth/*.go`). Matching runs on the path's UTF-8 bytes, with `?` and
/// `[...]` taking one whole character, and allocates nothing: every rule tests its globs against every file.
package struct Glob: Sendable {
  package let pattern: String
  /// Braces expanded: the glob matches when any of these sequences does.
  private let alternatives: [[Token]]
  /// Per alternative, the literal bytes a match must start and end with: most paths fail these cheap checks, and
  /// a push of 100,000 files meets every glob of every rule.
  private let ends: [(prefix: [UInt8], suffix: [UInt8], inner: [UInt8])]
  private let matchesName: Bool

  enum Token: Sendable, Equatable {
    /// These bytes exactly.
    case literal([UInt8])
    /// `?`: one character other than `/`.
    case one
    /// `*`: any characters other than `/`.
    case star
    /// `**` not followed by `/`: anything, `/` included.
    case anything
    /// `**/`: nothing, or any run of whole folders.
    case folders
    /// `[...]`: one character in (or, negated, not in) the ranges.
    case set(ranges: [ClosedRange<UInt32>], negated: Bool)
  }

  /// The most sequences brace expansion may produce, so `{a,b}{c,d}...` cannot explode.
  static let maxAlternatives = 256

  /// Compiles a glob; throws when the glob has an unclosed bracket or brace or too many alternatives.
  package init(_ pattern: String) throws(GlobError) {
    self.pattern = pattern
    var glob = Substring(pattern)
    if glob.hasPrefix("/") { glob.removeFirst() }
    matchesName = !glob.contains("/")
    var characters = Array(glob)[...]
    let expanded = try Self.sequence(&characters, pattern: pattern, inBraces: false)
    alternatives = expanded.map(Self.merged)
    ends = alternatives.map { tokens in
      var prefix: [UInt8] = []
      var suffix: [UInt8] = []
      if case .literal(let bytes)? = tokens.first { prefix = bytes }
      if tokens.count > 1, case .literal(let bytes)? = tokens.last { suffix = bytes }
      // The longest literal elsewhere must occur somewhere in the path (`**/test/**` needs `/test/`).
      var inner: [UInt8] = []
      for case .literal(let bytes) in tokens.dropFirst().dropLast() where bytes.count > inner.count { inner = bytes }
      return (prefix, suffix, inner)
    }
  }

  /// Whether a repository-relative path matches.
  package func matches(_ path: String) -> Bool {
    var path = path
    return path.withUTF8 { bytes in
      var subject = bytes[...]
      if matchesName, let slash = bytes.lastIndex(of: UInt8(ascii: "/")) { subject = bytes[(slash + 1)...] }
      for (index, tokens) in alternatives.enumerated() {
        let (prefix, suffix, inner) = ends[index]
        guard subject.count >= prefix.count + suffix.count else { continue }
        var fits = true
        let start = subject.startIndex
        for offset in 0..<prefix.count where subject[start + offset] != prefix[offset] {
          fits = false
          break
        }
        let tail = subject.endIndex - suffix.count
        for offset in 0..<suffix.count where fits && subject[tail + offset] != suffix[offset] {
          fits = false
          break
        }
        if fits, !inner.isEmpty, !subject.contains(bytes: inner) { fits = false }
        if fits, Self.match(tokens[...], subject) { return true }
      }
      return false
    }
  }

  // MARK: Compiling

  /// Parses up to the end (or, in braces, up to the `,` or `}` that ends this alternative), expanding braces.
  private static func sequence(
    _ characters: inout ArraySlice<Character>, pattern: String, inBraces: Bool
  ) throws(GlobError) -> [[Token]] {
    var results: [[Token]] = [[]]
    func append(_ tokens: [[Token]]) throws(GlobError) {
      var product: [[Token]] = []
      for head in results {
        for tail in tokens { product.append(head + tail) }
      }
      guard product.count <= maxAlternatives else {
        throw GlobError(pattern: pattern, problem: "its braces expand to more than \(maxAlternatives) globs")
      }
      results = product
    }
    while let character = characters.first {
      if inBraces, character == "," || character == "}" { return results }
      characters.removeFirst()
      switch character {
      case "*":
        if characters.first == "*" {
          characters.removeFirst()
          if characters.first == "/" {
            characters.removeFirst()
            try append([[.folders]])
          } else {
            try append([[.anything]])
          }
        } else {
          try append([[.star]])
        }
      case "?": try append([[.one]])
      case "[":
        guard let close = characters.firstIndex(of: "]"), close > characters.startIndex else {
          throw GlobError(pattern: pattern, problem: "`[` is never closed")
        }
        try append([[set(characters[characters.startIndex..<close])]])
        characters = characters[characters.index(after: close)...]
      case "{":
        var options: [[Token]] = []
        while true {
          options += try sequence(&characters, pattern: pattern, inBraces: true)
          guard let end = characters.popFirst() else {
            throw GlobError(pattern: pattern, problem: "`{` is never closed")
          }
          if end == "}" { break }
        }
        try append(options)
      default:
        try append([[.literal(Array(String(character).utf8))]])
      }
    }
    if inBraces { throw GlobError(pattern: pattern, problem: "`{` is never closed") }
    return results
  }

  /// `[abc]`, `[a-z]`, `[!abc]` or `[^abc]`.
  private static func set(_ body: ArraySlice<Character>) -> Token {
    var scalars = body.flatMap(\.unicodeScalars).map(\.value)[...]
    var negated = false
    if let first = scalars.first, first == UInt32(UInt8(ascii: "!")) || first == UInt32(UInt8(ascii: "^")) {
      negated = true
      scalars.removeFirst()
    }
    var ranges: [ClosedRange<UInt32>] = []
    let hyphen = UInt32(UInt8(ascii: "-"))
    while let low = scalars.popFirst() {
      if scalars.count >= 2, scalars.first == hyphen {
        scalars.removeFirst()
        let high = scalars.removeFirst()
        ranges.append(min(low, high)...max(low, high))
      } else {
        ranges.append(low...low)
      }
    }
    return .set(ranges: ranges, negated: negated)
  }

  /// Joins neighbouring literals so matching compares runs of bytes.
  private static func merged(_ tokens: [Token]) -> [Token] {
    var result: [Token] = []
    for token in tokens {
      if case .literal(let bytes) = token, case .literal(let previous)? = result.last {
        result[result.count - 1] = .literal(previous + bytes)
      } else {
        result.append(token)
      }
    }
    return result
  }

  // MARK: Matching

  private static let slash = UInt8(ascii: "/")

  private static func match(_ tokens: ArraySlice<Token>, _ path: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    guard let token = tokens.first else { return path.isEmpty }
    let rest = tokens.dropFirst()
    switch token {
    case .literal(let bytes):
      guard path.count >= bytes.count, path.prefix(bytes.count).elementsEqual(bytes) else { return false }
      return match(rest, path.dropFirst(bytes.count))
    case .one:
      guard let first = path.first, first != slash else { return false }
      return match(rest, path.dropFirst(characterLength(path)))
    case .set(let ranges, let negated):
      guard let (scalar, length) = decode(path) else { return false }
      guard ranges.contains(where: { $0.contains(scalar) }) != negated else { return false }
      return match(rest, path.dropFirst(length))
    case .star:
      var end = path.startIndex
      while true {
        if match(rest, path[end...]) { return true }
        guard end < path.endIndex, path[end] != slash else { return false }
        end += 1
      }
    case .anything:
      for start in path.startIndex...path.endIndex where match(rest, path[start...]) { return true }
      return false
    case .folders:
      if match(rest, path) { return true }
      for index in path.indices where path[index] == slash {
        if match(rest, path[(index + 1)...]) { return true }
      }
      return false
    }
  }

  /// The byte length of the UTF-8 character at the start (1 for a stray continuation byte).
  private static func characterLength(_ path: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
    var length = 1
    var index = path.startIndex + 1
    while index < path.endIndex, path[index] & 0xC0 == 0x80 {
      length += 1
      index += 1
    }
    return length
  }

  /// The Unicode scalar at the start and its byte length; invalid UTF-8 reads as one byte's value.
  private static func decode(_ path: Slice<UnsafeBufferPointer<UInt8>>) -> (UInt32, Int)? {
    guard let first = path.first else { return nil }
    let length = characterLength(path)
    guard length > 1 else { return (UInt32(first), 1) }
    var decoder = UTF8()
    var iterator = path.prefix(length).makeIterator()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return (scalar.value, length) }
    return (UInt32(first), length)
  }
}
