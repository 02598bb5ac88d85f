import Foundation
import TestSupport
import Testing

/// Paths, subjects, names and messages are data: in a terminal they drive nothing (no ESC/OSC sequences, carriage
/// returns, bells or bidirectional controls, no line of their own), in Markdown they neither link nor mention
/// anyone, and in a model's prompt they cannot forge a hunk header.
@Suite struct OutputInjectionTests {
  /// A path with an escape sequence, an OSC title change, a bell, a carriage return, U+202E, a newline that forges
  /// an output line, backticks, an @mention and a URL.
  static let hostilePath =
    "src/\u{1B}[31mred\u{1B}]0;pwned\u{07}\r\u{202E}x\n+ forged line `@octocat` https://evil.example/run.py"
  static let hostileSubject = "Add\u{1B}]0;title\u{07} thing\rFORGED\u{202E}"

  static func repository() throws -> TestRepository {
    let repository = try TestRepository()
    try repository.write("README.md", "start\n")
    try repository.commit("Start")
    try repository.git(["checkout", "-q", "-b", "ai"])
    try repository.write(hostilePath, "print('hello')\nimport pdb; pdb.set_trace()\n")
    try repository.commit(hostileSubject + ReportEndToEndTests.claude)
    return repository
  }

  /// No control character but newline and tab, and no line that starts with the forged text.
  static func expectInert(_ output: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let controls = output.unicodeScalars.filter {
      ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
        || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
    }
    #expect(
      controls.isEmpty, "\(what) prints raw controls: \(controls.map { String($0.value, radix: 16) })",
      sourceLocation: sourceLocation)
    let forged = output.split(separator: "\n").filter { $0.hasPrefix("+ forged line") || $0.hasPrefix("FORGED") }
    #expect(forged.isEmpty, "\(what) lets a path or subject start a line: \(forged)", sourceLocation: sourceLocation)
  }

  @Test func terminalOutputsAreInert() throws {
    let repository = try Self.repository()
    let commands: [[String]] = [
      ["attribute", "main..ai"], ["blame", Self.hostilePath], ["review", "main..ai"],
      ["report", "release", "main..ai"], ["report", "snapshot"], ["report", "trends", "main..ai"],
    ]
    for command in commands {
      let result = try repository.paddock(command)
      #expect([0, 1].contains(result.status), "\(command): \(result.err)")
      Self.expectInert(result.out, command.joined(separator: " "))
      Self.expectInert(result.err, command.joined(separator: " ") + " (stderr)")
    }
  }

  /// In a PR comment or a job summary, a path cannot close its code span, mention someone or link anywhere.
  @Test func markdownIsInert() throws {
    let repository = try Self.repository()
    let result = try repository.paddock(["review", "main..ai", "--format", "markdown"])
    #expect([0, 1].contains(result.status), "\(result.err)")
    #expect(result.out.contains("| <code>src/"), "the finding's path must be shown for this test to mean something")
    Self.expectInert(result.out, "review --format markdown")
    let mention = try NSRegularExpression(pattern: #"(?<![\w\x{2060}])@[A-Za-z0-9]"#)
    let text = result.out
    #expect(mention.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil, "\(text)")
    #expect(!text.contains("https://evil"), "a URL in a path must not autolink: \(text)")
    // The path's backticks are escaped inside <code>, so they open no code span.
    #expect(text.contains("\\`@\u{2060}octocat\\`"), "\(text)")
  }
}
