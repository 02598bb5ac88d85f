/// A rule's examples: changes on which it must fire and changes on which it must stay quiet.
public struct RuleExamples: Sendable, Hashable {
  public var fire: [RuleExample]
  public var quiet: [RuleExample]

  public init(fire: [RuleExample] = [], quiet: [RuleExample] = []) {
    self.fire = fire
    self.quiet = quiet
  }
}

/// A small change built from a rule's YAML example.
public struct RuleExample: Sendable, Hashable {
  /// The path of the file holding the added lines; nil picks one from the rule's language.
  public var path: String?
  /// The added lines.
  public var lines: [String]
  /// Lines above the added ones in the same file, not added.
  public var context: [String]
  /// Who added the lines.
  public var authorship: Authorship
  /// The message of the commit that added them; nil gives a plain message with an agent trailer for AI.
  public var commit: String?
  /// Other files the same commit adds.
  public var files: [ExampleFile]
  /// Files standing unchanged at head.
  public var head: [ExampleFile]
  /// Where the example is written, for messages.
  public var line: Int?

  public init(
    path: String? = nil, lines: [String], context: [String] = [], authorship: Authorship = .ai, commit: String? = nil,
    files: [ExampleFile] = [], head: [ExampleFile] = [], line: Int? = nil
  ) {
    self.path = path
    self.lines = lines
    self.context = context
    self.authorship = authorship
    self.commit = commit
    self.files = files
    self.head = head
    self.line = line
  }
}

/// A whole file in an example.
public struct ExampleFile: Sendable, Hashable {
  public var path: String
  public var lines: [String]

  public init(path: String, lines: [String]) {
    self.path = path
    self.lines = lines
  }
}
