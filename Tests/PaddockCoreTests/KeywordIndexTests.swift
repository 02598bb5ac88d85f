import TestSupport
import Testing

@testable import PaddockCore
@testable import PaddockRules

/// The keyword automaton against the obvious answer: does the lower-cased line contain the keyword?
@Suite struct KeywordIndexTests {
  @Test func agreesWithSubstringSearch() {
    // Overlapping keywords, shared prefixes and suffixes, keywords inside keywords: where fail links matter.
    let keywords = [
      ["he", "she"], ["his", "hers"], ["akia"], ["sk-", "sk-ant-"], ["a"], ["aab", "ab"], ["eval("], [],
      ["password", "pass"], ["ssword"], ["xoxb-", "xoxp-"], ["todo"], ["ushers"],
    ]
    let index = KeywordIndex(keywords: keywords)
    var generator = SeededGenerator(seed: 7)
    let alphabet = Array("aAbehHiIrsSkK-xoptdwvl(".utf8)
    var lines = ["ushers", "AKIAIOSFODNN7", "key = 'sk-ant-abc'", "", "PaSsWoRd", "xoxp-1", "aaab"]
    for _ in 0..<2000 {
      let length = Int(generator.next() % 24)
      lines.append(
        String(
          decoding: (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }, as: UTF8.self))
    }
    for line in lines {
      var hits = [Bool](repeating: false, count: keywords.count)
      index.scan(line, into: &hits)
      let lowered = line.lowercased()
      for (rule, words) in keywords.enumerated() {
        #expect(hits[rule] == words.contains { lowered.contains($0) }, "rule \(rule) on \(line)")
      }
    }
  }
}
