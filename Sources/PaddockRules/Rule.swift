import PaddockChange

/// One rule of a pack, as its YAML declares it.
package struct Rule: Sendable, Hashable {
  /// Kebab-case and stable: fingerprints, suppressions and baselines name it.
  package var id: String
  package var title: String
  package var pack: String
  /// What the rule checks and how; one of `RuleKinds.all`.
  package var kind: any RuleKind {
    get { storedKind.kind }
    set { storedKind = HashableRuleKind(newValue) }
  }
  private var storedKind: HashableRuleKind
  package var severity: Severity
  package var scope: RuleScope
  /// Languages whose files the rule reads; empty means every file.
  package var languages: [Language]
  package var include: [String]
  package var exclude: [String]
  /// Lower-case substrings a line must contain before `pattern` runs on it.
  package var keywords: [String]
  package var pattern: String?
  package var patternNot: String?
  /// A line right below a line of the file that matches this never fires (a reason or a guard on the line above).
  package var patternNotBefore: String?
  /// A line whose statement (the line, joined with the lines that close the brackets it leaves open) matches this
  /// never fires.
  package var patternNotStatement: String?
  /// No line of a file fires when any line of the file at head matches this (a shebang, an argument parser).
  package var patternNotInFile: String?
  package var ignoreIn: Set<IgnoredRegion>
  package var message: String
  package var fix: String
  /// A mechanical fix of a pattern rule's match, offered as a suggestion; nil when the fix needs a person.
  package var replacement: Replacement?
  package var references: [String]
  package var tags: [String]
  /// Rules off by default are switched on with `rules.enable` in `.paddock.yml`.
  package var enabledByDefault: Bool
  package var examples: RuleExamples
  /// Where the rule is declared, for messages.
  package var source: RuleSource

  package init(
    id: String, title: String, pack: String, kind: any RuleKind = PatternKind(), severity: Severity,
    scope: RuleScope = .any,
    languages: [Language] = [], include: [String] = [], exclude: [String] = [], keywords: [String] = [],
    pattern: String? = nil, patternNot: String? = nil, patternNotBefore: String? = nil,
    patternNotStatement: String? = nil, patternNotInFile: String? = nil, ignoreIn: Set<IgnoredRegion> = [],
    message: String,
    fix: String, replacement: Replacement? = nil, references: [String] = [], tags: [String] = [],
    enabledByDefault: Bool = true,
    examples: RuleExamples = RuleExamples(), source: RuleSource = RuleSource(file: "<memory>", line: nil)
  ) {
    self.id = id
    self.title = title
    self.pack = pack
    storedKind = HashableRuleKind(kind)
    self.severity = severity
    self.scope = scope
    self.languages = languages
    self.include = include
    self.exclude = exclude
    self.keywords = keywords
    self.pattern = pattern
    self.patternNot = patternNot
    self.patternNotBefore = patternNotBefore
    self.patternNotStatement = patternNotStatement
    self.patternNotInFile = patternNotInFile
    self.ignoreIn = ignoreIn
    self.message = message
    self.fix = fix
    self.replacement = replacement
    self.references = references
    self.tags = tags
    self.enabledByDefault = enabledByDefault
    self.examples = examples
    self.source = source
  }
}

/// A kind compared and hashed through its own type, so that a rule stays `Hashable`.
private struct HashableRuleKind: Sendable, Hashable {
  let kind: any RuleKind

  init(_ kind: any RuleKind) { self.kind = kind }

  static func == (a: HashableRuleKind, b: HashableRuleKind) -> Bool { a.kind.isEqual(to: b.kind) }

  func hash(into hasher: inout Hasher) {
    hasher.combine(kind.name)
    kind.hash(into: &hasher)
  }
}
