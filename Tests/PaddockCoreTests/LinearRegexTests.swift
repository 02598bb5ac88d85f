import PaddockRegex
import Testing

/// RE2 behind `LinearRegex`: byte offsets, groups, the syntax it takes and refuses, and linear time.
@Suite struct LinearRegexTests {
  @Test func reportsUTF8OffsetsOfTheFirstParticipatingGroup() throws {
    let regex = try LinearRegex(#"a(b)|c(d)"#)
    let text = "é→ cd"
    let match = try #require(regex.firstMatch(in: text))
    // "é" is 2 bytes, "→" 3, the space 1: "c" starts at byte 6.
    #expect(match.range == 6..<8)
    #expect(match.groups[1] == nil)
    #expect(match.reported == 7..<8)
    #expect(text.utf8Slice(match.reported) == "d")
    #expect(text.utf8Replacing(match.reported, with: "*") == "é→ c*")
  }

  @Test func namedGroupsInEitherSpelling() throws {
    for pattern in [#"^Claude (?<model>\w+)"#, #"^Claude (?P<model>\w+)"#] {
      let regex = try LinearRegex(pattern)
      let group = try #require(regex.group(named: "model"))
      let match = try #require(regex.firstMatch(in: "Claude Fable <x>"))
      #expect(match.groups[group].map { "Claude Fable <x>".utf8Slice($0) } == "Fable")
    }
  }

  @Test func optionsAndSearchStart() throws {
    #expect(try LinearRegex("abc", caseless: true).matches("xABCx"))
    #expect(try !LinearRegex("^b$").matches("a\nb\nc"))
    #expect(try LinearRegex("^b$", multiline: true).matches("a\nb\nc"))
    #expect(try LinearRegex("a").firstMatch(in: "aXa", from: 1)?.range == 2..<3)
    #expect(try LinearRegex("x*").firstMatch(in: "")?.range == 0..<0)
  }

  @Test(arguments: ["a(?=b)", "(?<!a)b", "(a)\\1", "(?>a)"])
  func backtrackingSyntaxIsRefusedWithAHint(pattern: String) {
    let error = #expect(throws: LinearRegexError.self) { try LinearRegex(pattern) }
    #expect(error?.hint.isEmpty == false)
    #expect(error?.description.contains(pattern) == true)
  }

  /// `(a+)+$` on "aaa…!" takes 2^n steps in a backtracking engine; here the answer comes from one pass.
  @Test func nestedQuantifiersDoNotBacktrack() throws {
    let regex = try LinearRegex("(a+)+$")
    #expect(!regex.matches(String(repeating: "a", count: 100_000) + "!"))
    #expect(regex.matches(String(repeating: "a", count: 100_000)))
  }
}
