import Foundation

/// A path glob as `.gitignore` users expect: `*` within a folder, `**` across folders, `?`, `[abc]`, `{a,b}`.
///
/// A glob without a `/` matches the file name at any depth (`*.pem`); one with a `/` matches the
/// whole repository-relative path (`src/**/auth/*.go`).
public struct Glob: Sendable {
  public let pattern: String
  private let regex: NSRegularExpression
  private let matchesName: Bool

  /// Compiles a glob; throws when the glob has an unclosed bracket or brace.
  public init(_ pattern: String) throws(GlobError) {
    self.pattern = pattern
    var glob = pattern
    if glob.hasPrefix("/") { glob.removeFirst() }
    matchesName = !glob.contains("/")
    var regex = "^"
    var characters = Array(glob)[...]
    var braceDepth = 0
    while let character = characters.popFirst() {
      switch character {
      case "*":
        if characters.first == "*" {
          characters.removeFirst()
          if characters.first == "/" {
            characters.removeFirst()
            regex += "(?:.*/)?"
          } else {
            regex += ".*"
          }
        } else {
          regex += "[^/]*"
        }
      case "?": regex += "[^/]"
      case "[":
        guard let close = characters.firstIndex(of: "]") else {
          throw GlobError(pattern: pattern, problem: "`[` is never closed")
        }
        var set = String(characters[characters.startIndex..<close])
        if set.hasPrefix("!") { set = "^" + set.dropFirst() }
        regex += "[" + set.replacingOccurrences(of: "\\", with: "\\\\") + "]"
        characters = characters[characters.index(after: close)...]
      case "{":
        braceDepth += 1
        regex += "(?:"
      case "}" where braceDepth > 0:
        braceDepth -= 1
        regex += ")"
      case "," where braceDepth > 0: regex += "|"
      default: regex += NSRegularExpression.escapedPattern(for: String(character))
      }
    }
    guard braceDepth == 0 else { throw GlobError(pattern: pattern, problem: "`{` is never closed") }
    regex += "$"
    do {
      self.regex = try NSRegularExpression(pattern: regex)
    } catch {
      throw GlobError(pattern: pattern, problem: "it is not a valid glob")
    }
  }

  /// Whether a repository-relative path matches.
  public func matches(_ path: String) -> Bool {
    let subject = matchesName ? String(path.split(separator: "/").last ?? Substring(path)) : path
    return regex.firstMatch(in: subject, range: NSRange(location: 0, length: subject.utf16.count)) != nil
  }
}

/// A glob that cannot be compiled.
public struct GlobError: Error, Sendable, Hashable {
  public var pattern: String
  public var problem: String
}

/// A list of globs that matches when any of them does.
public struct GlobSet: Sendable {
  public let globs: [Glob]

  public init(_ patterns: [String]) throws(GlobError) {
    var globs: [Glob] = []
    for pattern in patterns { globs.append(try Glob(pattern)) }
    self.globs = globs
  }

  public var isEmpty: Bool { globs.isEmpty }

  public func matches(_ path: String) -> Bool { globs.contains { $0.matches(path) } }
}
