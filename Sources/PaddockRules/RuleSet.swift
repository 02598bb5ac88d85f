import Foundation
import PaddockChange
import PaddockRegex
import PaddockSupport

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

  static func scope(of rule: Rule) throws(RuleSetError) -> FileScope {
    do {
      return try FileScope(rule)
    } catch {
      throw RuleSetError(rule: rule.id, source: rule.source, problem: "\(error)")
    }
  }

  static func compile(_ rule: Rule, scope: FileScope) throws(RuleSetError) -> CompiledRule {
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
      // Items run in `schedule`'s order; their findings are put back in item order.
      let scheduled = Parallel.map(count, workers: threads) { position in (schedule[position], run(schedule[position]))
      }
      results = Array(repeating: [], count: count)
      for (item, found) in scheduled { results[item] = found }
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
        keywords.scan(line.text, into: &hits)
      }
      masked.removeAll(keepingCapacity: true)
      func run(_ index: Int) {
        let rule = compiled[index]
        guard everyAuthorship || rule.rule.scope.includes(line.authorship) else { return }
        if let finding = rule.match(line, in: file, change: change, masked: &masked), !excludes(index) {
          findings.append(finding)
        }
      }
      // The rules without keywords, then those whose keywords the line holds, in that order, with no array built
      // per line.
      for index in unkeyedHere { run(index) }
      for index in keyed where hits[index] { run(index) }
    }
    let fileRules = applicable.filter { compiled[$0].readsFiles }
    // A whole-file rule with keywords reads only a file holding one of them: every rule's keywords are found in
    // one pass over the file.
    if fileRules.contains(where: { compiled[$0].usesFileKeywords }) {
      for line in file.content ?? file.added.map(\.text) { fileKeywords.scan(line, into: &hits) }
    }
    for index in fileRules where !compiled[index].usesFileKeywords || hits[index] {
      findings += compiled[index].check.findings(
        file: file, change: change, compiled: compiled[index], everyAuthorship: everyAuthorship)
    }
    return findings
  }
}
