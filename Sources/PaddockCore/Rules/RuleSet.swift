import Foundation
import PaddockRegex
import PaddockSupport
import Synchronization

/// Enabled rules, compiled for matching: regexes, globs and one keyword automaton shared by all line rules.
package struct RuleSet: Sendable {
  package let rules: [Rule]
  /// Every secret rule among `rules`, whatever its scope, for masking what findings and prompts show.
  package let masker: SecretMasker
  let compiled: [CompiledRule]
  let keywords: KeywordIndex
  /// The keywords of rules that read whole files (`multi-line`), looked for in the whole file in one pass.
  let fileKeywords: KeywordIndex

  /// Compiles rules; patterns and globs were checked when the packs were parsed, so a failure here names the rule.
  /// Given `change`, line rules whose languages and paths match none of its files are left out, uncompiled.
  package init(rules: [Rule], relevantTo change: ReviewChange? = nil) throws(RuleSetError) {
    let textFiles = change.map(Self.textFiles(of:))
    var compiled: [CompiledRule] = []
    for rule in rules {
      let scope = try Self.scope(of: rule)
      if let textFiles, rule.kind.isLineBased, !textFiles.contains(where: scope.applies) { continue }
      compiled.append(try Self.compile(rule, scope: scope))
    }
    self.init(rules: rules, compiled: compiled, masker: SecretMasker(rules: rules))
  }

  /// The rules of `precompiled` that `change` needs: the same set `init(rules:relevantTo:)` compiles, taken from
  /// rules compiled before the change was known (on another thread while it was read).
  package init(_ precompiled: PrecompiledRules, relevantTo change: ReviewChange) throws(RuleSetError) {
    let textFiles = Self.textFiles(of: change)
    var compiled: [CompiledRule] = []
    for (rule, result) in zip(precompiled.rules, precompiled.compiled) {
      if rule.kind.isLineBased {
        let scope: FileScope
        if case .success(let rule) = result { scope = rule.scope } else { scope = try Self.scope(of: rule) }
        if !textFiles.contains(where: scope.applies) { continue }
      }
      compiled.append(try result.get())
    }
    self.init(rules: precompiled.rules, compiled: compiled, masker: precompiled.masker)
  }

  private init(rules: [Rule], compiled: [CompiledRule], masker: SecretMasker) {
    self.rules = rules
    self.masker = masker
    self.compiled = compiled
    keywords = KeywordIndex(keywords: compiled.map { $0.usesKeywords ? $0.rule.keywords : [] })
    fileKeywords = KeywordIndex(keywords: compiled.map { $0.usesFileKeywords ? $0.rule.keywords : [] })
  }

  private static func textFiles(of change: ReviewChange) -> [ReviewFile] {
    change.files.filter { !$0.isBinary } + change.intermediate
  }

  fileprivate static func scope(of rule: Rule) throws(RuleSetError) -> FileScope {
    do {
      return try FileScope(rule)
    } catch {
      throw RuleSetError(rule: rule.id, source: rule.source, problem: "\(error)")
    }
  }

  fileprivate static func compile(_ rule: Rule, scope: FileScope) throws(RuleSetError) -> CompiledRule {
    do {
      return try CompiledRule(rule, scope: scope)
    } catch {
      throw RuleSetError(rule: rule.id, source: rule.source, problem: "\(error)")
    }
  }

  /// The findings of every rule on the change, before suppressions, overrides and policy.
  ///
  /// Files and whole-change rules are independent, so they are spread over the machine's cores (at most four);
  /// the findings come back in the same order whatever the number of threads.
  ///
  /// Secret rules also read `change.intermediate`, the lines commits added and later commits removed: such a
  /// secret is gone from head but still in the history the change delivers (see `historical`).
  package func evaluate(_ change: ReviewChange, everyAuthorship: Bool = false, threads: Int = Parallel.defaultWorkers)
    -> [Finding]
  {
    let files = change.files.indices.filter { !change.files[$0].isBinary }
    let intermediate = compiled.contains { $0.isSecretRule } ? change.intermediate.count : 0
    let changeRules = compiled.indices.filter { !compiled[$0].rule.kind.isLineBased }
    // Items 0..<files.count are files, then intermediate files, then whole-change rules; the heavier rules are
    // scheduled first.
    let lineItems = files.count + intermediate
    let count = lineItems + changeRules.count
    let schedule = Array(lineItems..<count) + Array(0..<lineItems)
    @Sendable func found(_ item: Int) -> [Finding] {
      if item < files.count { return evaluate(file: change.files[files[item]], change, everyAuthorship) }
      if item < lineItems {
        let file = change.intermediate[item - files.count]
        return evaluate(file: file, change, everyAuthorship, onlySecrets: true).map { historical($0, change: change) }
      }
      let rule = compiled[changeRules[item - lineItems]]
      return rule.check.findings(change: change, compiled: rule, everyAuthorship: everyAuthorship)
    }
    // Another rule's code frame on a secret's line must not show the secret.
    @Sendable func run(_ item: Int) -> [Finding] { found(item).map { masker.mask($0) } }
    var results: [[Finding]]
    if threads > 1, count >= 16 {
      let shared = Mutex<[[Finding]]>(Array(repeating: [], count: count))
      Parallel.forEach(count, workers: threads) { position in
        let item = schedule[position]
        let found = run(item)
        shared.withLock { $0[item] = found }
      }
      results = shared.withLock { $0 }
    } else {
      results = (0..<count).map(run)
    }
    // A secret that several commits carried (a line edited around it) is reported once, where it entered: the
    // intermediate files are ordered oldest commit first.
    var seen = Set<String>()
    for item in files.count..<lineItems {
      results[item].removeAll { !seen.insert($0.fingerprint).inserted }
    }
    return results.flatMap { $0 }
  }

  /// A secret rule's finding on a line that a later commit removed: it names the commit that added it and says
  /// how to take it out of history; it points at no line of the file at head.
  private func historical(_ finding: Finding, change: ReviewChange) -> Finding {
    var finding = finding
    let commit = change.commits.first { $0.id == finding.commit }
    let short = finding.commit?.abbreviated() ?? ""
    let place = "line \(finding.line ?? 0) of \(finding.path ?? "the file")"
    finding.message +=
      " Commit \(short)\(commit.map { " (\($0.summary))" } ?? "") added this at \(place); a later commit changed "
      + "or removed that line, so the final diff does not show it, but the commit still carries it to the remote, "
      + "where it stays in history."
    finding.fix =
      "Rewrite history before pushing so that no commit contains it: `git rebase -i \(short)^` (`--root` for a "
      + "first commit), mark \(short) as `edit`, remove the secret, `git commit --amend`, then "
      + "`git rebase --continue` (if \(short) is the last commit, `git commit --amend` alone does it); on a pull "
      + "request, force-push the rewritten branch. "
      + finding.fix
    finding.fingerprint = Fingerprint.of(
      rule: finding.rule, path: finding.path ?? "", text: "history\u{0}" + (finding.snippet ?? ""))
    finding.line = nil
    finding.endLine = nil
    finding.column = nil
    finding.endColumn = nil
    return finding
  }

  /// The line rules and manifest checks of one text file.
  ///
  /// Patterns are matched by RE2 in time linear in each line, so every rule reads every line it applies to: no
  /// budget, and nothing a crafted line can make a rule skip.
  private func evaluate(file: ReviewFile, _ change: ReviewChange, _ everyAuthorship: Bool, onlySecrets: Bool = false)
    -> [Finding]
  {
    var findings: [Finding] = []
    let applicable = compiled.indices.filter {
      compiled[$0].applies(to: file) && (!onlySecrets || compiled[$0].isSecretRule)
    }
    guard !applicable.isEmpty else { return [] }
    let lineRules = applicable.filter { compiled[$0].isLineRule }
    let keyed = lineRules.filter { compiled[$0].usesKeywords }
    let unkeyedHere = lineRules.filter { !compiled[$0].usesKeywords }
    var hits = [Bool](repeating: false, count: compiled.count)
    var masked: [Set<IgnoredRegion>: String] = [:]
    // Rules whose `pattern-not-in-file` the file matches: read once per rule, when its first line would fire.
    var excludedFile: [Int: Bool] = [:]
    func excludes(_ index: Int) -> Bool {
      guard let regex = compiled[index].patternNotInFile else { return false }
      if let known = excludedFile[index] { return known }
      let lines = file.content ?? file.added.map(\.text)
      let found = lines.contains { regex.matches($0) }
      excludedFile[index] = found
      return found
    }
    for line in file.added {
      if !keyed.isEmpty {
        for index in keyed { hits[index] = false }
        keywords.scan(Substring(line.text).utf8, into: &hits)
      }
      masked.removeAll(keepingCapacity: true)
      for index in unkeyedHere + keyed.filter({ hits[$0] }) {
        let rule = compiled[index]
        guard everyAuthorship || rule.rule.scope.includes(line.authorship) else { continue }
        if let finding = rule.match(line, in: file, change: change, masked: &masked), !excludes(index) {
          findings.append(finding)
        }
      }
    }
    let fileRules = applicable.filter { compiled[$0].readsFiles }
    // A whole-file rule with keywords reads only a file holding one of them: every rule's keywords are found in
    // one pass over the file.
    if fileRules.contains(where: { compiled[$0].usesFileKeywords }) {
      for line in file.content ?? file.added.map(\.text) { fileKeywords.scan(Substring(line).utf8, into: &hits) }
    }
    for index in fileRules where !compiled[index].usesFileKeywords || hits[index] {
      findings += compiled[index].check.findings(
        file: file, change: change, compiled: compiled[index], everyAuthorship: everyAuthorship)
    }
    return findings
  }
}

/// Every enabled rule compiled before the change is known, so that compiling runs beside reading the change;
/// `RuleSet(_:relevantTo:)` keeps the ones the change needs. A rule that cannot be compiled is the error
/// `RuleSet(rules:relevantTo:)` would have thrown.
package struct PrecompiledRules: Sendable {
  package let rules: [Rule]
  /// Each rule's compiled form or its error, in the order of `rules`.
  let compiled: [Result<CompiledRule, RuleSetError>]

  /// The masker of every secret rule, from the same compiled rules.
  let masker: SecretMasker

  package init(rules: [Rule]) {
    self.rules = rules
    let compiled = rules.map { rule in
      Result { () throws(RuleSetError) in try RuleSet.compile(rule, scope: try RuleSet.scope(of: rule)) }
    }
    self.compiled = compiled
    masker = SecretMasker(zip(rules, compiled).map { ($0, try? $1.get()) })
  }
}

/// A rule that could not be compiled.
package struct RuleSetError: Error, Sendable, CustomStringConvertible {
  package var rule: String
  package var source: RuleSource
  package var problem: String

  package var description: String { "\(source): rule `\(rule)` cannot be used: \(problem)" }
}

/// The files a rule reads: its languages and path globs.
struct FileScope: Sendable {
  let languages: Set<Language>
  let include: GlobSet
  let exclude: GlobSet

  init(_ rule: Rule) throws(GlobError) {
    languages = Set(rule.languages)
    include = try GlobSet(rule.include)
    exclude = try GlobSet(rule.exclude)
  }

  func applies(to file: ReviewFile) -> Bool {
    if !languages.isEmpty {
      guard let language = file.language, languages.contains(language) else { return false }
    }
    return applies(toPath: file.path)
  }

  /// The path globs alone, for a path with no text to read (deleted, binary).
  func applies(toPath path: String) -> Bool {
    if !include.isEmpty, !include.matches(path) { return false }
    if exclude.matches(path) { return false }
    return true
  }
}

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

/// Shannon entropy and redaction of secrets.
enum Entropy {
  /// Bits of Shannon entropy per character.
  static func shannon(_ text: String) -> Double {
    guard !text.isEmpty else { return 0 }
    var counts: [Character: Int] = [:]
    for character in text { counts[character, default: 0] += 1 }
    let total = Double(text.count)
    return counts.values.reduce(0) { sum, count in
      let p = Double(count) / total
      return sum - p * log2(p)
    }
  }

  /// Keeps the first four characters so a person can tell which key it was, and hides the rest.
  static func redact(_ secret: String) -> String {
    secret.count <= 8 ? String(repeating: "*", count: secret.count) : String(secret.prefix(4)) + "****"
  }
}

/// Stable fingerprints of findings.
package enum Fingerprint {
  /// A 128-bit FNV-1a hash (hex) of the rule, the path and the text with runs of blanks collapsed.
  package static func of(rule: String, path: String, text: String) -> String {
    let normalized = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    return hash([rule, path, normalized].joined(separator: "\u{0}"))
  }

  static func hash(_ text: String) -> String {
    var a: UInt64 = 0xcbf2_9ce4_8422_2325
    var b: UInt64 = 0x8422_2325_cbf2_9ce4
    for byte in text.utf8 {
      a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9_7F4A_7C15
    }
    return String(a, radix: 16).leftPadded(16) + String(b, radix: 16).leftPadded(16)
  }
}
