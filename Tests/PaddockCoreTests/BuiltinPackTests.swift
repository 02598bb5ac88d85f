import PaddockCore
import PaddockRules
import Testing

/// A review parses the built-in packs without their examples; that must give the same rules.
@Suite struct BuiltinPackTests {
  @Test func everyPackParsesToTheSameRulesWithoutItsExamples() {
    let full = RulePack.builtin
    let lean = RulePack.builtinWithoutExamples
    #expect(full.map(\.id) == lean.map(\.id))
    for (pack, leanPack) in zip(full, lean) {
      #expect(pack.rules.count == leanPack.rules.count, "\(pack.file)")
      for (rule, leanRule) in zip(pack.rules, leanPack.rules) {
        var expected = rule
        expected.examples = RuleExamples()
        #expect(leanRule == expected, "\(rule.id) in \(pack.file) differs when parsed without its examples")
        #expect(leanRule.examples.fire.isEmpty && leanRule.examples.quiet.isEmpty)
      }
    }
    #expect(full.flatMap(\.rules).contains { !$0.examples.fire.isEmpty }, "the full packs keep their examples")
  }

  @Test func blankingKeepsEveryOtherLineInPlace() {
    let text = """
      pack: p
      rules:
        - id: a
          examples:
            fire:
              - code: |
                  x = 1

                  y = 2
          message: m
        - id: b
          examples:
            quiet: [z]
      # a comment
      """
    let blanked = RulePack.blankingExamples(text)
    let lines = blanked.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == text.split(separator: "\n", omittingEmptySubsequences: false).count)
    #expect(lines[2] == "  - id: a")
    #expect(lines[3...8].allSatisfy { $0.isEmpty })
    #expect(lines[9] == "    message: m")
    #expect(lines[10] == "  - id: b")
    #expect(lines[11...12].allSatisfy { $0.isEmpty })
    #expect(lines[13] == "# a comment")
    // CRLF endings blank the same blocks; the kept lines keep their carriage returns.
    let crlf = RulePack.blankingExamples(text.replacing("\n", with: "\r\n"))
    #expect(String(decoding: crlf.utf8.filter { $0 != UInt8(ascii: "\r") }, as: UTF8.self) == blanked)
  }
}
