/// One kind of rule (`kind:` in a pack): its parameters under `with:` and how they are read, its check, how
/// `paddock rules explain` describes it and what renderers say of its findings.
///
/// Each kind is one type in `Rules/Kinds/`, listed once in `RuleKinds.all`; the pack parser, the engine, the
/// explainer and the renderers ask the kind, and none of them names or compares kinds.
package protocol RuleKind: Sendable, Hashable {
  /// The name in YAML (`kind: missing-tests`); stable once shipped.
  static var name: String { get }
  /// Whether a rule of the kind needs `pattern:`.
  static var requiresPattern: Bool { get }
  /// Whether a rule of the kind may give `replacement:`, a fix applied to the match (see `Replacement`).
  static var acceptsReplacement: Bool { get }

  /// Reads the kind's parameters under `with:`; every problem names the key and says what to write.
  static func parse(_ parameters: RuleKindParameters) throws -> Self

  /// What a rule of the kind reads: each added line, each file, or the change as a whole.
  var reach: RuleReach { get }
  /// Whether findings of the kind say which columns they cover (so an example's marks carry columns).
  var reportsColumns: Bool { get }
  /// Whether one finding may span several lines that a formatter could lay out differently.
  var readsAcrossLines: Bool { get }
  /// How sure a finding of the kind is, as SARIF's `precision` says it: a pattern names the code it matched; the
  /// checks of a whole change (a missing test, a large change) are judgements about it.
  var precision: String { get }
  /// The Code Climate category of the kind's findings, when the kind has one of its own; nil leaves the choice to
  /// the finding's severity.
  var codeQualityCategory: String? { get }
  /// Whether findings are secrets: masked wherever they appear, and looked for in lines a later commit removed.
  var findsSecrets: Bool { get }
  /// Whether the check reads files at head beyond the lines the change added.
  var readsHeadFiles: Bool { get }
  /// The kind's parameters for `paddock rules explain`: a short label and its text, one line each.
  var explanation: [(label: String, text: String)] { get }

  /// The kind as a repository's `.paddock.yml` adjusts it (protected paths, size limits); most kinds are unchanged.
  func configured(by review: ReviewConfig) -> Self
  /// The kind's check for `rule`, its own regular expressions compiled.
  func check(for rule: Rule) throws -> RuleCheck
}

/// What a rule reads, which decides how the engine schedules it.
package enum RuleReach: Sendable, Hashable {
  /// `pattern` over each added line, through the keyword index shared by all such rules.
  case addedLines
  /// Each file the rule applies to, read by the kind's own check (a manifest, a whole file).
  case file
  /// The change as a whole, once.
  case change
}

extension RuleKind {
  package static var requiresPattern: Bool { false }
  package static var acceptsReplacement: Bool { false }

  /// The name used in YAML.
  package var name: String { Self.name }
  /// Whether the kind looks at single files (and so is left out of a change none of whose files it applies to).
  package var isLineBased: Bool { reach != .change }
  package var reportsColumns: Bool { false }
  package var readsAcrossLines: Bool { false }
  package var precision: String { "high" }
  package var codeQualityCategory: String? { nil }
  package var findsSecrets: Bool { false }
  package var readsHeadFiles: Bool { false }
  package var explanation: [(label: String, text: String)] { [] }
  package func configured(by review: ReviewConfig) -> Self { self }

  /// Whether `other` is the same kind with the same parameters.
  func isEqual(to other: any RuleKind) -> Bool { (other as? Self) == self }
}

/// Every kind a rule pack may name, in the order `paddock rules explain` and error messages list them. A new kind is
/// one type in `Rules/Kinds/` and one line here.
package enum RuleKinds {
  package static let all: [any RuleKind.Type] = [
    PatternKind.self, SecretKind.self, MultiLineKind.self, NewDependencyKind.self, MissingTestsKind.self,
    ProtectedPathsKind.self, ChangeSizeKind.self, DuplicateCodeKind.self, AISignoffKind.self,
  ]

  /// The YAML names of every kind.
  package static var names: [String] { all.map { $0.name } }

  /// The kind named `name` in YAML.
  static func named(_ name: String) -> (any RuleKind.Type)? { all.first { $0.name == name } }
}

/// A kind's check compiled for one rule, as the engine runs it.
package struct RuleCheck: Sendable {
  let base: any KindCheck

  init(_ base: any KindCheck) { self.base = base }
}

/// What the engine asks a kind's check. Every requirement has a default that does nothing, so a kind implements only
/// the part its `reach` uses.
protocol KindCheck: Sendable {
  /// The snippet a finding on an added line shows, or nil when the match is not to be reported (a secret's
  /// placeholder); `range` is the byte range of the match's reported part in `line`.
  func snippet(of line: String, reported range: Range<Int>) -> String?
  /// Whether a captured secret passes the kind's own tests; only secret kinds have any.
  func isReportable(secret: String) -> Bool
  /// Whether the rule reads `file` at all, beyond its languages and path globs.
  func reads(_ file: ReviewFile) -> Bool
  /// The findings of a `.file` kind in one file.
  func findings(file: ReviewFile, change: ReviewChange, compiled: CompiledRule, everyAuthorship: Bool) -> [Finding]
  /// The findings of a `.change` kind.
  func findings(change: ReviewChange, compiled: CompiledRule, everyAuthorship: Bool) -> [Finding]
}

extension KindCheck {
  func snippet(of line: String, reported range: Range<Int>) -> String? { line }
  func isReportable(secret: String) -> Bool { true }
  func reads(_ file: ReviewFile) -> Bool { true }
  func findings(file: ReviewFile, change: ReviewChange, compiled: CompiledRule, everyAuthorship: Bool) -> [Finding] {
    []
  }
  func findings(change: ReviewChange, compiled: CompiledRule, everyAuthorship: Bool) -> [Finding] { [] }
}
