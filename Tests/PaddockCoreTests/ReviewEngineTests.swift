import PaddockChange
import PaddockCore
import PaddockGit
import PaddockRules
import TestSupport
import Testing

/// The engine on hand-built changes: matching, masking, suppressions, baseline, policy and fingerprints.
@Suite struct ReviewEngineTests {
  static let evalRule = Rule(
    id: "test-eval", title: "eval", pack: "test", severity: .error, languages: [.python], keywords: ["eval"],
    pattern: #"\beval\("#, ignoreIn: [.comments, .strings], message: "eval on input", fix: "parse it")

  static func change(_ lines: [(String, Authorship)], path: String = "app.py", context: [String] = []) -> ReviewChange {
    let commits = [
      ReviewCommit(id: .repeating("a"), summary: "ai", author: "x <x@x>", authorship: .ai),
      ReviewCommit(id: .repeating("b"), summary: "human", author: "y <y@y>", authorship: .human),
    ]
    let added = lines.enumerated().map { index, line in
      AddedLine(
        number: context.count + index + 1, text: line.0, authorship: line.1, commit: line.1 == .human ? 1 : 0,
        agent: line.1 == .ai ? "claude-code" : nil)
    }
    return ReviewChange(
      files: [ReviewFile(path: path, added: added, content: context + lines.map(\.0))], commits: commits)
  }

  static func review(_ change: ReviewChange, rules: [Rule] = [evalRule], baseline: Set<String> = []) throws
    -> ReviewOutcome
  {
    try Reviewer(ruleSet: RuleSet(rules: rules), baseline: baseline).review(change)
  }

  @Test func sameLineBlocksForAIAndWarnsForAPerson() throws {
    let ai = try Self.review(Self.change([("x = eval(data)", .ai)]))
    #expect(ai.verdict == .block)
    #expect(ai.findings.map(\.authorship) == [.ai])
    let human = try Self.review(Self.change([("x = eval(data)", .human)]))
    #expect(human.verdict == .warn)
    #expect(human.findings.first?.decision == .warn)
  }

  @Test func commentsAndStringsAreMaskedWhenAsked() throws {
    let outcome = try Self.review(
      Self.change([("# eval(x) is bad", .ai), ("log('never eval(x)')", .ai), ("y = eval(x)  # ok?", .ai)]))
    #expect(outcome.findings.map(\.line) == [3])
    #expect(outcome.findings.first?.column == 5)
    #expect(outcome.findings.first?.endColumn == 10)
  }

  @Test func languageAndPathScope() throws {
    #expect(try Self.review(Self.change([("eval(x)", .ai)], path: "notes.md")).findings.isEmpty)
    var rule = Self.evalRule
    rule.exclude = ["tests/**"]
    #expect(try Self.review(Self.change([("eval(x)", .ai)], path: "tests/t.py"), rules: [rule]).findings.isEmpty)
    #expect(try Self.review(Self.change([("eval(x)", .ai)], path: "src/t.py"), rules: [rule]).findings.count == 1)
  }

  /// `pattern-not-before` reads the line above in the file at head, added or not; the first line has none.
  @Test func patternNotBeforeReadsTheLineAbove() throws {
    var rule = Self.evalRule
    rule.patternNotBefore = #"#\s*trusted:"#
    let guarded = Self.change([("x = eval(data)", .ai)], context: ["# trusted: data is a literal table"])
    #expect(try Self.review(guarded, rules: [rule]).findings.isEmpty)
    let addedAbove = Self.change([("# trusted: a literal", .ai), ("x = eval(data)", .ai)])
    #expect(try Self.review(addedAbove, rules: [rule]).findings.isEmpty)
    let farther = Self.change([("x = eval(data)", .ai)], context: ["# trusted: a literal", "y = 1"])
    #expect(try Self.review(farther, rules: [rule]).findings.map(\.line) == [3])
    #expect(try Self.review(Self.change([("x = eval(data)", .ai)]), rules: [rule]).findings.map(\.line) == [1])
  }

  /// `pattern-not-statement` joins the lines up to the one that closes the brackets the line opened, whatever
  /// brackets stand inside strings, and no further.
  @Test func patternNotStatementReadsTheWholeCall() throws {
    var rule = Self.evalRule
    rule.ignoreIn = []
    rule.patternNotStatement = #"eval\(\s*"[^"]*"\s*,\s*SAFE\s*\)"#
    let call = Self.change([("x = eval(", .ai), (#"    "( [ {","#, .ai), ("    SAFE)", .ai), ("y = SAFE", .ai)])
    #expect(try Self.review(call, rules: [rule]).findings.isEmpty)
    let unsafe = Self.change([
      ("x = eval(", .ai), (#"    "a","#, .ai), ("    data)", .ai), (#"z = eval("b", SAFE)"#, .ai),
    ])
    #expect(try Self.review(unsafe, rules: [rule]).findings.map(\.line) == [1])
    // The block an `if` opens is not part of its condition's statement; a brace inside the call is.
    let block = Self.change([("if eval(x) {", .ai), (#"  z = eval("b", SAFE)"#, .ai), ("}", .ai)])
    #expect(try Self.review(block, rules: [rule]).findings.map(\.line) == [1])
    let literal = Self.change([("x = eval({", .ai), (#"  "b", SAFE})"#, .ai)])
    rule.patternNotStatement = #"eval\(\{\s*"b", SAFE\}\)"#
    #expect(try Self.review(literal, rules: [rule]).findings.isEmpty)
    let raw = Self.change([("x = eval(`", .ai), ("  ) ( ) )", .ai), (#"`, "b", SAFE)"#, .ai)])
    rule.patternNotStatement = #"eval\(`[^`]*`, "b", SAFE\)"#
    #expect(try Self.review(raw, rules: [rule]).findings.isEmpty)
  }

  /// `pattern-not-in-file` reads every line of the file at head, above or below, added or not.
  @Test func patternNotInFileReadsTheWholeFile() throws {
    var rule = Self.evalRule
    rule.patternNotInFile = #"^#!.*\bsandbox\b"#
    let script = Self.change([("x = eval(data)", .ai)], context: ["#!/usr/bin/env sandbox", "import os"])
    #expect(try Self.review(script, rules: [rule]).findings.isEmpty)
    let below = Self.change([("x = eval(data)", .ai), ("#!/usr/bin/env sandbox", .ai)])
    #expect(try Self.review(below, rules: [rule]).findings.isEmpty)
    let other = Self.change([("x = eval(data)", .ai), ("y = eval(more)", .ai)], context: ["#!/usr/bin/env python3"])
    #expect(try Self.review(other, rules: [rule]).findings.map(\.line) == [2, 3])
  }

  @Test func aPersonsSuppressionWithAReasonIsHonoured() throws {
    // The person's commit (1) builds on the AI's (0), so the line stood there when the comment was written.
    var change = Self.change([
      ("# paddock:ignore test-eval -- data is a constant table", .human), ("x = eval(data)", .ai),
    ])
    change.commits[1].parents = [0]
    let outcome = try Self.review(change)
    #expect(outcome.findings.isEmpty)
    #expect(outcome.suppressed.first?.suppression?.reason == "data is a constant table")
    #expect(outcome.verdict == .pass)
    // Without that ancestry, the AI's line came after the comment, which does not cover it.
    change.commits[1].parents = []
    #expect(try Self.review(change).findings.count == 1)
    #expect(
      try Self.review(
        Self.change([("x = eval(data)", .ai)], context: ["# paddock:ignore test-eval -- data is a constant table"])
      ).findings.count == 1)
  }

  @Test func suppressionsWithoutReasonOrByAnAIAreRefused() throws {
    let noReason = try Self.review(Self.change([("x = eval(data)  # paddock:ignore test-eval", .human)]))
    #expect(noReason.findings.count == 1)
    #expect(noReason.findings.first?.message.contains("gives no reason") == true)
    let byAI = try Self.review(
      Self.change([("# paddock:ignore test-eval -- trust me", .ai), ("x = eval(data)", .ai)]))
    #expect(byAI.findings.count == 1)
    #expect(byAI.findings.first?.message.contains("written by an AI") == true)
    let otherRule = try Self.review(
      Self.change([("x = eval(data)", .ai)], context: ["# paddock:ignore other-rule -- not this one"]))
    #expect(otherRule.findings.count == 1)
  }

  @Test func baselineSuppressesByFingerprintAcrossLineMoves() throws {
    let first = try Self.review(Self.change([("x = eval(data)", .ai)]))
    let fingerprint = try #require(first.findings.first?.fingerprint)
    let moved = try Self.review(
      Self.change([("x = eval(data)", .ai)], context: ["import os", "", ""]), baseline: [fingerprint])
    #expect(moved.findings.isEmpty)
    #expect(moved.suppressed.first?.suppression?.kind == .baseline)
    let edited = try Self.review(Self.change([("x = eval(other)", .ai)]), baseline: [fingerprint])
    #expect(edited.findings.count == 1)
  }

  @Test func repeatedTextGetsDistinctFingerprints() throws {
    let outcome = try Self.review(Self.change([("eval(a)", .ai), ("eval(a)", .ai)]))
    #expect(Set(outcome.findings.map(\.fingerprint)).count == 2)
  }

  @Test func secretsAreRedactedAndEntropyGated() throws {
    let rule = Rule(
      id: "test-key", title: "key", pack: "test", kind: SecretKind(minEntropy: 3, allow: ["(?i)example"]),
      severity: .error, keywords: ["tok_"], pattern: #"(tok_[A-Za-z0-9]{16})"#, message: "leaked", fix: "rotate")
    let outcome = try Self.review(
      Self.change(
        [
          ("key = 'tok_q8Zr2LmX0pVw7KcT'", .ai), ("key = 'tok_aaaaaaaaaaaaaaaa'", .ai),
          ("k = 'tok_EXAMPLEexample12'", .ai),
        ],
        path: "a.txt"), rules: [rule])
    #expect(outcome.findings.count == 1)
    let snippet = try #require(outcome.findings.first?.snippet)
    #expect(!snippet.contains("q8Zr2LmX0pVw7KcT"))
    #expect(snippet.contains("tok_****"))
  }

  @Test func policyAndFailOn() {
    let policy = ReviewPolicy.default
    #expect(policy.thresholds(for: .ai).decision(for: .error) == .block)
    #expect(policy.thresholds(for: .human).decision(for: .error) == .warn)
    #expect(policy.thresholds(for: .unknown).decision(for: .error) == .block)
    #expect(policy.thresholds(for: .ai).decision(for: .note) == .pass)
    let strict = policy.failing(on: .warning)
    #expect(strict.thresholds(for: .human).decision(for: .warning) == .block)
    let never = policy.failing(on: nil)
    #expect(never.thresholds(for: .ai).decision(for: .error) == .warn)
  }

  @Test(arguments: [
    ("*.pem", "keys/server.pem", true), ("*.pem", "server.pem.txt", false),
    (".github/workflows/**", ".github/workflows/ci.yml", true),
    (".github/workflows/**", "x/.github/workflows/a", false),
    ("**/migrations/**", "db/migrations/001.sql", true), ("**/migrations/**", "migrations/001.sql", true),
    ("src/*.{ts,js}", "src/a.js", true), ("src/*.{ts,js}", "src/x/a.js", false), ("a?c", "abc", true),
  ])
  func globs(pattern: String, path: String, expected: Bool) throws {
    #expect(try Glob(pattern).matches(path) == expected)
  }

  @Test func maskerKeepsOffsets() {
    let swift = Language.swift.commentSyntax
    #expect(
      LineMasker.mask(#"let s = "a//b" // eval("#, syntax: swift, regions: [.comments]) == #"let s = "a//b"         "#)
    #expect(LineMasker.mask(#"f("eval(") + g"#, syntax: swift, regions: [.strings]) == #"f("     ") + g"#)
    let shell = Language.shell.commentSyntax
    #expect(LineMasker.mask("echo $# # note", syntax: shell, regions: [.comments]) == "echo $#       ")
  }

  @Test func inlineSuppressionParsing() {
    let parsed = InlineSuppression.parse("x() // paddock:ignore a-rule, b-rule -- vetted by security */")
    #expect(parsed?.rules == ["a-rule", "b-rule"])
    #expect(parsed?.reason == "vetted by security")
    #expect(InlineSuppression.parse("# paddock:ignore a-rule")?.reason == nil)
    #expect(InlineSuppression.parse("nothing here") == nil)
  }
}
