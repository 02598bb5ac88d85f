import PaddockChange
import PaddockCore
import PaddockRules
import Testing

/// Every built-in rule proven by its own examples; a rule without both kinds of example fails.
@Suite struct RuleExampleTests {
  static func classifier() throws -> CommitClassifier { try CommitClassifier(catalogue: .builtin) }

  @Test(arguments: RuleCatalog.builtin.allRules.map(\.id))
  func examples(of id: String) throws {
    let rule = try #require(RuleCatalog.builtin.rule(id: id))
    let results = RuleExampleRunner.run(rule, classifier: try Self.classifier())
    #expect(results.contains { $0.expectation == .fire }, "\(id) has no fire example")
    #expect(results.contains { $0.expectation == .quiet }, "\(id) has no quiet example")
    for result in results where !result.passed {
      Issue.record(
        "\(result.location): `\(result.example)` \(result.problem ?? "failed") \(result.findings)"
      )
    }
  }

  @Test func idsAreUniqueAcrossPacks() {
    let ids = RuleCatalog.builtin.allRules.map(\.id)
    #expect(
      Set(ids).count == ids.count,
      "duplicate ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $1.count > 1 }.keys)")
    let packs = RuleCatalog.builtin.packs.map(\.id)
    #expect(Set(packs).count == packs.count)
  }

  /// The coverage the packs promise: credential formats, security rules across languages, AI hygiene.
  @Test func packsHaveRealCoverage() throws {
    let catalogue = RuleCatalog.builtin
    let secrets = try #require(catalogue.packs.first { $0.id == "secrets" })
    #expect(secrets.rules.count >= 20)
    #expect(secrets.rules.allSatisfy { $0.kind.name == "secret" })
    let security = try #require(catalogue.packs.first { $0.id == "security" })
    #expect(security.rules.count >= 15)
    let languages = Set(security.rules.flatMap(\.languages))
    for language: Language in [.swift, .python, .javascript, .go, .java, .rust, .shell] {
      #expect(languages.contains(language), "no security rule for \(language)")
    }
    #expect(languages.contains(.typescript) && languages.contains(.kotlin))
    let hygiene = try #require(catalogue.packs.first { $0.id == "ai-hygiene" })
    #expect(hygiene.rules.count >= 10)
    let kinds = Set(catalogue.allRules.map(\.kind.name))
    for kind in [
      "missing-tests", "protected-paths", "change-size", "new-dependency", "duplicate-code", "ai-signoff", "multi-line",
    ] {
      #expect(kinds.contains(kind), "no built-in rule of kind \(kind)")
    }
  }

  /// The runner itself must be able to fail: a rule whose examples are wrong is reported.
  @Test func aWrongExampleFails() throws {
    let rule = try RulePack.parse(
      """
      pack: test
      rules:
        - id: no-foo
          title: foo
          severity: error
          pattern: 'foo'
          message: m
          fix: f
          examples:
            fire: ['bar']
            quiet: ['foo']
        - id: no-examples
          title: bar
          severity: note
          pattern: 'bar'
          message: m
          fix: f
      """, file: "test.yml"
    ).rules
    let first = RuleExampleRunner.run(rule[0], classifier: try Self.classifier())
    #expect(first.count == 2)
    #expect(first.allSatisfy { !$0.passed })
    let second = RuleExampleRunner.run(rule[1], classifier: try Self.classifier())
    #expect(second.map(\.passed) == [false, false])
    #expect(second.map(\.expectation) == [.fire, .quiet])
  }

  /// A fire example pins its finding: a finding on another line or column, or one more than the marks, fails.
  @Test func marksPinTheFinding() throws {
    let rules = try RulePack.parse(
      """
      pack: test
      rules:
        - id: no-foo
          title: foo
          severity: error
          pattern: 'foo'
          message: m
          fix: f
          examples:
            fire:
              - 'x = ⟦foo⟧'
              - 'x = f⟦oo⟧'
              - { lines: ['⟦foo⟧', 'foo'] }
              - { context: ['a'], lines: ['b', 'é ⟦foo⟧'] }
              - { lines: ['bar'], files: [{ path: other.txt, lines: ['⟦foo⟧'] }] }
              - 'x = foo'
              - 'x = ⟦foo⟧ + ⟦bar⟧'
            quiet: ['bar', '⟦bar⟧']
      """, file: "test.yml"
    ).rules
    let results = RuleExampleRunner.run(rules[0], classifier: try Self.classifier()).filter { $0.mutation == nil }
    #expect(results.map(\.passed) == [true, false, false, true, true, false, false, true, false])
    #expect(results[1].problem == "no finding at line 1:6-8; a finding at example.txt:1:5-8 that no mark expects")
    #expect(results[2].problem == "a finding at example.txt:2:1-4 that no mark expects")
    #expect(results[5].problem == "fired at example.txt:1:5-8: mark where with `⟦ ⟧`")
    #expect(results[6].problem == "no finding at line 1:11-14")
    #expect(results[8].problem?.hasPrefix("is a quiet example with a `⟦ ⟧` mark") == true)
  }

  /// A mark that is not closed, or closed twice, is an error in the pack, with the line and what to write.
  @Test func unbalancedMarksAreRefused() {
    for example in ["'⟦foo'", "'foo⟧'", "'⟦⟦foo⟧⟧'", "{ context: ['⟦a'], line: 'b' }"] {
      #expect {
        try RulePack.parse(
          """
          pack: test
          rules:
            - id: no-foo
              title: foo
              severity: error
              pattern: 'foo'
              message: m
              fix: f
              examples:
                fire: [\(example)]
          """, file: "test.yml")
      } throws: { error in
        let text = "\(error)"
        return text.contains("test.yml:10") && text.contains("write `⟦` just before")
      }
    }
  }
}
