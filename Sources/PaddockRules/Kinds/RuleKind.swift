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
  func configured(by settings: KindSettings) -> Self
  /// The kind's check for `rule`, its own regular expressions compiled.
  func check(for rule: Rule) throws -> RuleCheck
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
  package func configured(by settings: KindSettings) -> Self { self }

  /// Whether `other` is the same kind with the same parameters.
  func isEqual(to other: any RuleKind) -> Bool { (other as? Self) == self }
}
