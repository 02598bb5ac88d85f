import Foundation
import PaddockGit
import TestSupport
import Testing

/// Trailer parsing must agree with `git interpret-trailers --parse` byte for byte.
@Suite struct TrailerDifferentialTests {
  /// Builds a commit message from random pieces, including the shapes that trip parsers.
  static func generateMessage(_ random: inout SeededGenerator) -> [UInt8] {
    let keys = [
      "Co-authored-by", "Co-Authored-By", "Signed-off-by", "Reviewed-by", "Assisted-by", "Generated-by",
      "AI-Assisted", "Change-Id", "Fixes", "Made-with", "Acked-by", "Bug",
    ]
    let values = [
      "Claude <noreply@anthropic.com>", "Claude Opus 4.5 <noreply@anthropic.com>", "Ada <ada@example.com>",
      "Claude:claude-3-opus coccinelle sparse", "true", "Cursor", "I0123456789abcdef", "#123",
      "aider (gpt-4o) <aider@aider.chat>", "Codex <noreply@openai.com>", "",
    ]
    func pick<T>(_ list: [T], _ random: inout SeededGenerator) -> T { list[Int(random.next() % UInt64(list.count))] }
    var paragraphs: [[String]] = [["Subject line \(random.next() % 1000)"]]
    let bodyCount = Int(random.next() % 3)
    for _ in 0..<bodyCount {
      paragraphs.append(
        pick(
          [
            ["Some prose about the change."], ["Line one of prose", "line two: with colon"],
            ["- a bullet", "- another"], ["------"], ["🤖 Generated with [Claude Code](https://claude.com/claude-code)"],
          ], &random))
    }
    var trailerLines: [String] = []
    for _ in 0..<Int(random.next() % 5) {
      var line = "\(pick(keys, &random)):"
      let value = pick(values, &random)
      if !value.isEmpty { line += pick([" ", "", "  "], &random) + value }
      trailerLines.append(line)
      switch random.next() % 13 {
      case 0: trailerLines.append(" folded continuation")
      case 1: trailerLines.append("\tfolded with a tab")
      case 2: trailerLines.append("(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)")
      case 3: trailerLines.append("Prose inside the block")
      case 4: trailerLines.append("# a comment line")
      case 5: trailerLines.append("Key With Space: not a trailer")
      case 6: trailerLines.append("Token : spaced separator")
      case 7: trailerLines.append(pick([": no key", ":Co-authored-by: Codex <noreply@openai.com>"], &random))
      default: break
      }
    }
    if random.next() % 4 == 0 { trailerLines.insert("🤖 Generated with [Claude Code](https://claude.ai/code)", at: 0) }
    if !trailerLines.isEmpty { paragraphs.append(trailerLines) }
    if random.next() % 8 == 0 { paragraphs.append(["---", "diff --git a/x b/x"]) }
    if random.next() % 10 == 0, var last = paragraphs.popLast() {
      last.append("Signed-off-by: Ada <ada@example.com>")
      paragraphs.append(last)
    }
    let crlf = random.next() % 6 == 0
    let newline = crlf ? "\r\n" : "\n"
    var text = paragraphs.map { $0.joined(separator: newline) }.joined(separator: newline + newline)
    text += random.next() % 3 == 0 ? newline + newline : newline
    var bytes = Array(text.utf8)
    if random.next() % 7 == 0, let colon = bytes.lastIndex(of: UInt8(ascii: ":")) {
      // Latin-1 bytes in a value: not UTF-8.
      bytes.insert(contentsOf: [0x20, 0xE9, 0x74, 0xE9], at: bytes.index(after: colon))
    }
    return bytes
  }

  static let cases: [[UInt8]] = {
    var random = SeededGenerator(seed: 0x5EED)
    return (0..<240).map { _ in generateMessage(&random) }
  }()

  @Test func agreesWithGitInterpretTrailers() throws {
    let repository = try TestRepository()
    var agreed = 0
    var disagreements: [String] = []
    for message in Self.cases {
      let expected = try repository.gitResult(["interpret-trailers", "--parse"], input: message)
      #expect(expected.status == 0)
      let ours = Trailer.parse(bytes: message).map { "\($0.key): \($0.value)\n" }.joined()
      let theirs = String(decoding: expected.stdout, as: UTF8.self)
      if ours == theirs {
        agreed += 1
      } else {
        disagreements.append(
          "message: \(String(decoding: message, as: UTF8.self).debugDescription)\n git: \(theirs.debugDescription)\n ours: \(ours.debugDescription)"
        )
      }
    }
    #expect(
      disagreements.isEmpty, "\(disagreements.count) disagreements:\n\(disagreements.prefix(5).joined(separator: "\n"))"
    )
    #expect(agreed >= 200)
    // The generator must actually produce the hard shapes.
    let corpus = Self.cases.map { String(decoding: $0, as: UTF8.self) }
    #expect(corpus.filter { $0.contains("\r\n") }.count > 10)
    #expect(corpus.filter { $0.contains("cherry picked") }.count > 5)
    #expect(corpus.filter { $0.contains("\n folded") || $0.contains("\n\tfolded") }.count > 5)
    #expect(Self.cases.filter { String(validating: $0, as: UTF8.self) == nil }.count > 5)
    #expect(Self.cases.filter { !Trailer.parse(bytes: $0).isEmpty }.count > 80)
  }
}
