import PaddockChange

/// A small change built from a rule's YAML example.
package struct RuleExample: Sendable, Hashable {
  /// The path of the file holding the added lines; nil picks one from the rule's language.
  package var path: String?
  /// The added lines.
  package var lines: [String]
  /// Lines above the added ones in the same file, not added.
  package var context: [String]
  /// Who added the lines.
  package var authorship: Authorship
  /// The message of the commit that added them; nil gives a plain message with an agent trailer for AI.
  package var commit: String?
  /// Other files the same commit adds.
  package var files: [ExampleFile]
  /// Files standing unchanged at head.
  package var head: [ExampleFile]
  /// Where the example is written, for messages.
  package var line: Int?
  /// Where a `fire` example's findings must be, from its `⟦ ⟧` marks; the runner fails any other finding.
  package var marks: [ExampleMark]
  /// For a fire example of a rule with `replacement:`, the whole line the fix makes of its marked line: the finding
  /// must offer exactly this as its suggestion.
  package var fixed: String?
  /// The mutations the example runs instead of its rule's defaults; nil keeps the defaults.
  package var mutations: Set<ExampleMutation>?
  /// Mutations the example does not run, each with the reason it does not apply.
  package var skippedMutations: [ExampleMutation: String]

  package init(
    path: String? = nil, lines: [String], context: [String] = [], authorship: Authorship = .ai, commit: String? = nil,
    files: [ExampleFile] = [], head: [ExampleFile] = [], line: Int? = nil, marks: [ExampleMark] = [],
    fixed: String? = nil, mutations: Set<ExampleMutation>? = nil, skippedMutations: [ExampleMutation: String] = [:]
  ) {
    self.mutations = mutations
    self.skippedMutations = skippedMutations
    self.path = path
    self.lines = lines
    self.context = context
    self.authorship = authorship
    self.commit = commit
    self.files = files
    self.head = head
    self.line = line
    self.marks = marks
    self.fixed = fixed
  }
}
