/// A rule's examples: changes on which it must fire and changes on which it must stay quiet.
public struct RuleExamples: Sendable, Hashable {
  public var fire: [RuleExample]
  public var quiet: [RuleExample]
  /// Mutations none of the rule's examples run, each with the reason it does not apply.
  public var skippedMutations: [ExampleMutation: String]

  public init(
    fire: [RuleExample] = [], quiet: [RuleExample] = [], skippedMutations: [ExampleMutation: String] = [:]
  ) {
    self.fire = fire
    self.quiet = quiet
    self.skippedMutations = skippedMutations
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
  /// Where a `fire` example's findings must be, from its `⟦ ⟧` marks; the runner fails any other finding.
  public var marks: [ExampleMark]
  /// For a fire example of a rule with `replacement:`, the whole line the fix makes of its marked line: the finding
  /// must offer exactly this as its suggestion.
  public var fixed: String?
  /// The mutations the example runs instead of its rule's defaults; nil keeps the defaults.
  public var mutations: Set<ExampleMutation>?
  /// Mutations the example does not run, each with the reason it does not apply.
  public var skippedMutations: [ExampleMutation: String]

  public init(
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

/// A whole file in an example.
public struct ExampleFile: Sendable, Hashable {
  public var path: String
  public var lines: [String]

  public init(path: String, lines: [String]) {
    self.path = path
    self.lines = lines
  }
}

/// Where an example says a finding must be: `⟦` before its first character and `⟧` after its last.
///
/// Lines are 1-based lines of the file at head; columns are 1-based UTF-8 byte columns, the end column just past the
/// last byte, as `Finding` reports them. A finding without columns (a whole-line kind) is compared by lines only.
public struct ExampleMark: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The file the mark is in; nil for the example's own file.
  public var path: String?
  public var line: Int
  public var column: Int
  public var endLine: Int
  public var endColumn: Int

  public init(path: String? = nil, line: Int, column: Int, endLine: Int, endColumn: Int) {
    self.path = path
    self.line = line
    self.column = column
    self.endLine = endLine
    self.endColumn = endColumn
  }

  public static func < (a: ExampleMark, b: ExampleMark) -> Bool {
    ((a.path ?? ""), a.line, a.column, a.endLine, a.endColumn) < (
      (b.path ?? ""), b.line, b.column, b.endLine, b.endColumn
    )
  }

  public var description: String {
    let place = path.map { "\($0):" } ?? "line "
    return line == endLine
      ? "\(place)\(line):\(column)-\(endColumn)" : "\(place)\(line):\(column)-\(endLine):\(endColumn)"
  }

  /// The opening and closing marks.
  public static let open: Character = "⟦"
  public static let close: Character = "⟧"

  /// Lines with their marks taken out, and the marks' places; `firstLine` is the line number of `lines[0]`.
  /// - Throws: a description of the problem when a mark is not closed, closed twice or nested.
  public static func strip(_ lines: [String], firstLine: Int, path: String? = nil) throws(ExampleMarkError) -> (
    lines: [String], marks: [ExampleMark]
  ) {
    var stripped: [String] = []
    var marks: [ExampleMark] = []
    var openAt: (line: Int, column: Int)?
    for (index, line) in lines.enumerated() {
      guard line.contains(open) || line.contains(close) || openAt != nil else {
        stripped.append(line)
        continue
      }
      var text = ""
      let number = firstLine + index
      for character in line {
        if character == open {
          guard openAt == nil else { throw ExampleMarkError(problem: "a `⟦` inside another `⟦ ⟧`") }
          openAt = (number, text.utf8.count + 1)
        } else if character == close {
          guard let start = openAt else { throw ExampleMarkError(problem: "a `⟧` with no `⟦` before it") }
          marks.append(
            ExampleMark(
              path: path, line: start.line, column: start.column, endLine: number, endColumn: text.utf8.count + 1))
          openAt = nil
        } else {
          text.append(character)
        }
      }
      stripped.append(text)
    }
    if openAt != nil { throw ExampleMarkError(problem: "a `⟦` that no `⟧` closes") }
    return (stripped, marks)
  }
}

/// A mark that cannot be read.
public struct ExampleMarkError: Error, Sendable {
  public var problem: String
}
