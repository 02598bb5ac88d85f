import PaddockChange
import PaddockRules

/// The catalogue as `.paddock.yml` shapes it: the repository's rule files added, the rules it switches on with its
/// protected paths and limits applied, and its severity overrides.
extension RuleCatalog {
  /// The built-in packs and the files under `rules.files`, relative to `root`; ids must stay unique.
  package static func load(config: PaddockConfig, root: String) throws -> RuleCatalog {
    try load(config: config, files: .directory(root))
  }

  /// The built-in packs and the files under `rules.files`, read from `files` (the working tree, or a commit). Without
  /// `builtinExamples`, the built-in rules come without their examples (a repository's own packs keep theirs).
  package static func load(config: PaddockConfig, files: ConfigFiles, builtinExamples: Bool = true) throws
    -> RuleCatalog
  {
    var catalogue = builtinExamples ? RuleCatalog.builtin : RuleCatalog.builtinWithoutExamples
    for file in config.review.ruleFiles {
      guard let text = try files.text(file) else {
        throw ConfigError(
          file: files.name(file), line: nil, message: "does not exist",
          fix: "check the path under `rules.files` in .paddock.yml")
      }
      try catalogue.add(try RulePack.parse(text, file: files.name(file)))
    }
    return catalogue
  }

  /// The rules `config` leaves on, with its protected paths and limits applied. Unknown ids are errors.
  package func enabledRules(_ config: PaddockConfig) throws(ConfigError) -> [Rule] {
    let review = config.review
    let file = config.file ?? PaddockConfig.fileName
    let ruleIDs = allRules.map(\.id)
    let packIDs = packs.map(\.id)
    func check(_ reference: ReviewConfig.Reference, among ids: [String], what: String, list: String) throws(ConfigError)
    {
      guard !ids.contains(reference.id) else { return }
      let hint = suggestion(for: reference.id, among: ids).map { "did you mean `\($0)`? " } ?? ""
      throw ConfigError(
        file: file, line: reference.line, message: "names \(what) `\(reference.id)`, which does not exist",
        fix: hint + "see `\(list)` for the ids")
    }
    for reference in review.disabledPacks {
      try check(reference, among: packIDs, what: "rule pack", list: "paddock rules list")
    }
    for reference in review.disabledRules + review.enabledRules + Array(review.severity.keys) {
      try check(reference, among: ruleIDs, what: "rule", list: "paddock rules list")
    }
    let offPacks = Set(review.disabledPacks.map(\.id))
    let off = Set(review.disabledRules.map(\.id))
    let on = Set(review.enabledRules.map(\.id))
    var rules: [Rule] = []
    for pack in packs where !offPacks.contains(pack.id) {
      for var rule in pack.rules where !off.contains(rule.id) && (rule.enabledByDefault || on.contains(rule.id)) {
        rule.kind = rule.kind.configured(by: KindSettings(review))
        rules.append(rule)
      }
    }
    return rules
  }

  /// Globs that match exactly the files `review` reads besides `.paddock.yml`: its rule packs and its baseline.
  static func configurationGlobs(_ review: ReviewConfig) -> [String] {
    (review.ruleFiles + [review.baseline ?? Baseline.defaultFile]).compactMap { name in
      var path = Substring(name)
      while path.hasPrefix("./") { path = path.dropFirst(2) }
      guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~"), !path.hasPrefix("../") else { return nil }
      // Glob characters in a file name stand for themselves: each goes in a one-character class.
      var glob = ""
      for character in path {
        glob += "*?[{".contains(character) ? "[\(character)]" : String(character)
      }
      return glob
    }
  }

  /// Severity overrides keyed by rule id.
  package func severityOverrides(_ config: PaddockConfig) -> [String: SeverityOverride] {
    Dictionary(config.review.severity.map { ($0.key.id, $0.value) }, uniquingKeysWith: { _, last in last })
  }
}
