import PaddockChange
import PaddockCore
import PaddockGit
import PaddockRules
import TestSupport
import Testing

/// Rule examples run mutated: line endings, a multi-byte prefix, commented out, inside a string, a formatter's layout.
@Suite struct RuleMutationTests {
  static func rules(_ yaml: String) throws -> [Rule] { try RulePack.parse(yaml, file: "rules/mine.yml").rules }

  static func run(_ rule: Rule) throws -> [RuleExampleRunner.Result] {
    RuleExampleRunner.run(rule, classifier: try CommitClassifier(catalogue: .builtin))
  }

  static func pack(pattern: String, ignoreIn: String = "[comments, strings]", examples: String) -> String {
    """
    pack: mine
    rules:
      - id: my-eval
        title: t
        severity: warning
        languages: [javascript]
        pattern: '\(pattern)'
        ignore-in: \(ignoreIn)
        message: m
        fix: f
        examples:
    \(examples)
    """
  }

  /// A fire example runs under every default mutation of a rule that ignores comments and strings; the prefix moves
  /// its mark by the prefix's UTF-8 length, the comment and the string silence it.
  @Test func aFireExampleRunsEveryDefaultMutation() throws {
    let rule = try #require(
      try Self.rules(Self.pack(pattern: "\\beval\\(", examples: "      fire: ['x = ⟦eval(⟧y)']\n      quiet: ['y']"))
        .first)
    let results = try Self.run(rule)
    #expect(results.allSatisfy { $0.passed }, "\(results.compactMap(\.problem))")
    let fire = results.filter { $0.expectation == .fire }
    #expect(fire.map(\.mutation) == [nil, .crlf, .prefix, .comment, .string])
    #expect(results.filter { $0.expectation == .quiet }.map(\.mutation) == [nil, .crlf, .prefix])
    #expect(fire[2].mutatedText == ["/* é中 */ x = eval(y)"])
    #expect(fire[3].mutatedText == ["// x = eval(y)"])
    #expect(fire[4].mutatedText == ["\"x = eval(y)\""])
  }

  /// A rule anchored at the start of the line misses the code behind a comment: the prefix mutation fails, names
  /// itself and shows the mutated text. (With `ignore-in: [comments]` the comment is blanked and the rule fires.)
  @Test func aMutationFindsAnAnchoredPattern() throws {
    let rule = try #require(
      try Self.rules(
        Self.pack(pattern: "^\\s*eval\\(", ignoreIn: "[]", examples: "      fire: ['⟦eval(⟧y)']\n      quiet: ['y']")
      )
      .first)
    let failed = try Self.run(rule).filter { !$0.passed }
    #expect(failed.map(\.mutation) == [.prefix])
    #expect(failed.first?.problem == "under mutation `prefix`, should fire but stayed quiet")
    #expect(failed.first?.mutatedText == ["/* é中 */ eval(y)"])
  }

  /// A rule that does not ignore comments keeps firing on a commented-out line, so it runs no comment mutation;
  /// one that ignores comments and still fires on the blanked line fails it.
  @Test func theCommentMutationFollowsIgnoreIn() throws {
    let plain = try #require(
      try Self.rules(
        Self.pack(pattern: "eval\\(", ignoreIn: "[]", examples: "      fire: ['⟦eval(⟧y)']\n      quiet: ['y']")
      ).first)
    let plainResults = try Self.run(plain)
    #expect(!plainResults.contains { $0.mutation == .comment })
    let blanks = try #require(
      try Self.rules(
        Self.pack(
          pattern: "eval\\(|^ {3}", ignoreIn: "[comments]",
          examples: "      fire: [{ line: '⟦eval(⟧y)', mutations: [comment] }]\n      quiet: ['y']")
      ).first)
    let failed = try Self.run(blanks).filter { !$0.passed && $0.expectation == .fire }
    #expect(failed.map(\.mutation) == [.comment])
    #expect(failed.first?.problem == "under mutation `comment`, should stay quiet but fired")
  }

  /// `skip-mutations` leaves a mutation out with its reason; `mutations` chooses the list; a skip needs a reason.
  @Test func examplesChooseTheirMutations() throws {
    let rule = try #require(
      try Self.rules(
        Self.pack(
          pattern: "^\\s*eval\\(",
          examples: """
                  skip-mutations: { string: a string cannot hold this }
                  fire:
                    - { line: '⟦eval(⟧y)', skip-mutations: { prefix: eval starts its line here } }
                    - { line: '⟦eval(⟧z)', mutations: [crlf] }
                  quiet: ['y']
            """)
      ).first)
    let results = try Self.run(rule)
    #expect(results.allSatisfy { $0.passed }, "\(results.compactMap(\.problem))")
    #expect(results.filter { $0.example == "eval(y)" }.map(\.mutation) == [nil, .crlf, .comment])
    #expect(results.filter { $0.example == "eval(z)" }.map(\.mutation) == [nil, .crlf])
    let error = #expect(throws: ConfigError.self) {
      try Self.rules(Self.pack(pattern: "x", examples: "      skip-mutations: { prefix: '' }\n      fire: ['⟦x⟧']"))
    }
    #expect(error?.message.contains("without a reason") == true)
    #expect(throws: ConfigError.self) {
      try Self.rules(Self.pack(pattern: "x", examples: "      fire: [{ line: '⟦x⟧', mutations: [crfl] }]"))
    }
  }

  /// The layout mutation splits a call's arguments over lines and moves the marks with them: a multi-line rule's
  /// finding then runs from the call's first line to its last.
  @Test func layoutSplitsACallAndMovesTheMarks() throws {
    let rule = try #require(
      try Self.rules(
        """
        pack: mine
        rules:
          - id: my-call
            title: t
            kind: multi-line
            severity: warning
            languages: [go]
            pattern: '\\bload\\([^()]*\\)'
            message: m
            fix: f
            examples:
              fire: ['	x := ⟦load(a, b)⟧ + 1']
              quiet: ['	x := 1']
        """
      ).first)
    let results = try Self.run(rule)
    #expect(results.allSatisfy { $0.passed }, "\(results.compactMap(\.problem))")
    let layout = try #require(results.first { $0.mutation == .layout })
    #expect(layout.mutatedText == ["\tx := load(", "\t    a,", "\t    b) + 1"])
    // A line rule over the same call stops firing once it spans lines: the layout is not among its defaults.
    let lineRule = try #require(
      try Self.rules(
        Self.pack(pattern: "load\\([^()]*\\)", examples: "      fire: ['⟦load(a, b)⟧']\n      quiet: ['y']")
      )
      .first)
    let lineResults = try Self.run(lineRule)
    #expect(!lineResults.contains { $0.mutation == .layout })
  }

  /// Git's CRLF lines reach the rules without their `\r`: a file committed with CRLF endings gives the same added
  /// lines, and so the same findings, as the same file with LF; the `crlf` mutation rests on this.
  @Test func crlfFilesReachRulesWithoutCarriageReturns() throws {
    let fixture = try TestRepository()
    try fixture.write("README", "base\n")
    try fixture.commit("Base")
    let base = try fixture.revParse("HEAD")
    try fixture.write("a.js", "const a = 1;\r\nx = eval(y);\r\n")
    try fixture.write("b.js", "const a = 1;\nx = eval(y);\n")
    try fixture.commit("Add files")
    let repository = try Repository(discoveringFrom: fixture.path)
    let range = try RangeResolver.resolve(in: repository, range: "\(base)..HEAD", base: nil, head: nil)
    let attributor = try Attributor(repository: repository, catalogue: .builtin)
    let change = try ReviewChange.load(
      repository: repository, attribution: try attributor.attribute(range), classifier: attributor.classifier,
      headFiles: false)
    let crlf = try #require(change.files.first { $0.path == "a.js" })
    let lf = try #require(change.files.first { $0.path == "b.js" })
    #expect(crlf.added.map(\.text) == ["const a = 1;", "x = eval(y);"])
    #expect(crlf.added.map(\.text) == lf.added.map(\.text))
    #expect(crlf.content == lf.content)
  }
}
