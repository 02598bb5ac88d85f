import Foundation
import PaddockChange
import PaddockRegex
import PaddockSupport
import Synchronization

/// One rule, ready to match.
final class CompiledRule: Sendable {
  let rule: Rule
  let pattern: LinearRegex?
  let patternNot: LinearRegex?
  let patternNotBefore: LinearRegex?
  let patternNotStatement: LinearRegex?
  let patternNotInFile: LinearRegex?
  let scope: FileScope
  /// The kind's check, compiled.
  let check: any KindCheck
  /// Whether `pattern` runs on each added line (the kind's reach is `.addedLines`).
  let isLineRule: Bool
  /// Whether the kind's check reads each file it applies to (the kind's reach is `.file`).
  let readsFiles: Bool
  /// Whether the kind finds secrets.
  let isSecretRule: Bool

  init(_ rule: Rule, scope: FileScope? = nil) throws {
    self.rule = rule
    pattern = try rule.pattern.map { try LinearRegex($0) }
    patternNot = try rule.patternNot.map { try LinearRegex($0) }
    patternNotBefore = try rule.patternNotBefore.map { try LinearRegex($0) }
    patternNotStatement = try rule.patternNotStatement.map { try LinearRegex($0) }
    patternNotInFile = try rule.patternNotInFile.map { try LinearRegex($0) }
    self.scope = try scope ?? FileScope(rule)
    check = try rule.kind.check(for: rule).base
    isLineRule = rule.kind.reach == .addedLines
    readsFiles = rule.kind.reach == .file
    isSecretRule = rule.kind.findsSecrets
  }

  var usesKeywords: Bool { isLineRule && !rule.keywords.isEmpty }
  /// Whether the rule reads whole files and only those holding one of its keywords.
  var usesFileKeywords: Bool { readsFiles && !rule.keywords.isEmpty }

  /// Whether the rule reads this file at all: language and path globs, and what the kind itself reads (the size of
  /// a change counts code only).
  func applies(to file: ReviewFile) -> Bool {
    check.reads(file) && scope.applies(to: file)
  }

  /// Runs a pattern or secret rule on one added line. The reported range is the first capturing group that took
  /// part in the match, or the whole match.
  func match(_ line: AddedLine, in file: ReviewFile, change: ReviewChange, masked: inout [Set<IgnoredRegion>: String])
    -> Finding?
  {
    guard let pattern else { return nil }
    var subject = line.text
    if !rule.ignoreIn.isEmpty {
      if let cached = masked[rule.ignoreIn] {
        subject = cached
      } else {
        let syntax = (file.language ?? .markdown).commentSyntax
        subject = LineMasker.mask(line.text, syntax: syntax, regions: rule.ignoreIn)
        masked[rule.ignoreIn] = subject
      }
    }
    guard let match = pattern.firstMatch(in: subject) else { return nil }
    if let patternNot, patternNot.matches(line.text) { return nil }
    if let patternNotBefore, let above = file.line(line.number - 1), patternNotBefore.matches(above) { return nil }
    if let patternNotStatement, patternNotStatement.matches(Statement.text(startingAt: line.number, in: file)) {
      return nil
    }
    let range = Self.trimmingBlanks(match.reported, in: subject)
    guard let snippet = check.snippet(of: line.text, reported: range) else { return nil }
    let commit = line.commit.map { change.commits[$0] }
    var finding = Finding(
      rule: rule.id, title: rule.title, severity: rule.severity, path: file.path, line: line.number,
      column: range.lowerBound + 1, endColumn: range.upperBound + 1, authorship: line.authorship,
      agent: line.agent ?? commit?.agent, commit: commit?.id, message: rule.message, fix: rule.fix, snippet: snippet,
      fingerprint: Fingerprint.of(rule: rule.id, path: file.path, text: snippet))
    // The fix replaces the whole match, which may be wider than the reported range; masking keeps byte offsets, so
    // the match's ranges hold in the line as written.
    finding.replacement = rule.replacement.flatMap { $0.fixed(line.text, match: match) }
    return finding
  }
}

extension CompiledRule {
  /// `range` without the blanks (spaces, tabs, line breaks) at its ends: a finding points at code, never at the
  /// indentation a pattern's `^\s*` took in. A range of blanks only is kept as it is.
  static func trimmingBlanks(_ range: Range<Int>, in text: String) -> Range<Int> {
    var text = text
    return text.withUTF8 { trimmingBlanks(range, inBytes: $0) }
  }

  static func trimmingBlanks(_ range: Range<Int>, inBytes bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    func isBlank(_ offset: Int) -> Bool {
      let byte = bytes[offset]
      return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, isBlank(lower) { lower += 1 }
    while upper > lower, isBlank(upper - 1) { upper -= 1 }
    return lower < upper ? lower..<upper : range
  }
}
