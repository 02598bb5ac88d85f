import Foundation
import PaddockChange
import Testing

@testable import PaddockCore

/// The glob matcher against an independent oracle: each glob translated to an ICU regular expression.
@Suite struct GlobTests {
  /// The reference translation: `*` is `[^/]*`, `**/` is `(?:.*/)?`, `**` is `.*`, `?` is `[^/]`, braces are
  /// alternations, a glob without `/` matches the file name.
  static func oracle(_ pattern: String, _ path: String) throws -> Bool {
    var glob = pattern
    if glob.hasPrefix("/") { glob.removeFirst() }
    let subject = glob.contains("/") ? path : String(path.split(separator: "/").last ?? Substring(path))
    var regex = "^"
    var characters = Array(glob)[...]
    var depth = 0
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
        let close = try #require(characters.firstIndex(of: "]"))
        var set = String(characters[characters.startIndex..<close])
        if set.hasPrefix("!") { set = "^" + set.dropFirst() }
        regex += "[" + set + "]"
        characters = characters[characters.index(after: close)...]
      case "{":
        depth += 1
        regex += "(?:"
      case "}" where depth > 0:
        depth -= 1
        regex += ")"
      case "," where depth > 0: regex += "|"
      default: regex += NSRegularExpression.escapedPattern(for: String(character))
      }
    }
    let compiled = try NSRegularExpression(pattern: regex + "$")
    return compiled.firstMatch(in: subject, range: NSRange(location: 0, length: subject.utf16.count)) != nil
  }

  static let patterns = [
    "*.pem", "*.{ts,tsx,js}", "src/*.{ts,js}", "a?c", "[abc]*.txt", "[!.]*", "[a-z]?.go", "**/migrations/**",
    ".github/workflows/**", "/Package.swift", "**/*_test.go", "**/test/**", "tests/**/*.py", "src/**/auth/*.go",
    "**", "*", "**/*", "docs/**/*.md", "{src,lib}/**/{a,b}*.{c,h}", "*.é", "dé?à/*", "[é-ê]*", "x/**/y/**/z",
    "*test*", "**/.env*", "a*b*c*d", "{,x}y", "**/{auth,security}/**",
  ]

  /// Paths as git names them: relative, never ending in `/`.
  static let paths = [
    "server.pem", "keys/server.pem", "server.pem.txt", "src/a.ts", "src/x/a.js", "abc", "a/abc", "a.txt", "b.txt",
    "d.txt", ".hidden", "visible", "x.go", "ab.go", "Package.swift", "sub/Package.swift", "db/migrations/001.sql",
    "migrations/001.sql", ".github/workflows/ci.yml", "x/.github/workflows/a", "pkg/a_test.go", "a_test.go",
    "test/a", "a/test/b/c", "tests/a.py", "tests/x/y/a.py", "src/auth/a.go", "src/x/y/auth/a.go", "docs/a.md",
    "docs/x/a.md", "src/p/q/ab.c", "lib/bx.h", "café.é", "dé1à/x", "déxà/y/z", "é1", "ê", "x/y/z", "x/a/y/b/z",
    "my_test_file", "config/.env.local", "aXbYcZd", "abdc", "y", "xy", "app/auth/login.ts", "security/key",
    "", "a//b",
  ]

  @Test func matchesTheRegexTranslation() throws {
    for pattern in Self.patterns {
      let glob = try Glob(pattern)
      for path in Self.paths {
        #expect(glob.matches(path) == (try Self.oracle(pattern, path)), "\(pattern) on \(path)")
      }
    }
  }

  @Test func rejectsBrokenGlobs() {
    for pattern in ["[abc", "{a,b", "a{b{c}", "[]"] {
      #expect(throws: GlobError.self, "\(pattern)") { try Glob(pattern) }
    }
    let explosive = String(repeating: "{a,b,c}", count: 6)
    #expect(throws: GlobError.self) { try Glob(explosive) }
  }
}
