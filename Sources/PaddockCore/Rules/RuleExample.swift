/// A rule's examples: changes on which it must fire and changes on which it must stay quiet.
package struct RuleExamples: Sendable, Hashable {
  package var fire: [RuleExample]
  package var quiet: [RuleExample]
  /// Mutations none of the rule's examples run, each with the reason it does not apply.
  package var skippedMutations: [ExampleMutation: String]

  package init(
    fire: [RuleExample] = [], quiet: [RuleExample] = [], skippedMutations: [ExampleMutation: String] = [:]
  ) {
    self.fire = fire
    self.quiet = quiet
    self.skippedMutations = skippedMutations
  }
}

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

/// A whole file in an example.
package struct ExampleFile: Sendable, Hashable {
  package var path: String
  package var lines: [String]

  package init(path: String, lines: [String]) {
    self.path = path
    self.lines = lines
  }
}

/// Where an example says a finding must be: `⟦` before its first character and `⟧` after its last.
///
/// Lines are 1-based lines of the file at head; columns are 1-based UTF-8 byte columns, the end column just past the
/// last byte, as `Finding` reports them. A finding without columns (a whole-line kind) is compared by lines only.
package struct ExampleMark: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The file the mark is in; nil for the example's own file.
  package var path: String?
  package var line: Int
  package var column: Int
  package var endLine: Int
  package var endColumn: Int

  package init(path: String? = nil, line: Int, column: Int, endLine: Int, endColumn: Int) {
    self.path = path
    self.line = line
    self.column = column
    self.endLine = endLine
    self.endColumn = endColumn
  }

  package static func < (a: ExampleMark, b: ExampleMark) -> Bool {
    ((a.path ?? ""), a.line, a.column, a.endLine, a.endColumn) < (
      (b.path ?? ""), b.line, b.column, b.endLine, b.endColumn
    )
  }

  package var description: String {
    let place = path.map { "\($0):" } ?? "line "
    return line == endLine
      ? "\(place)\(line):\(column)-\(endColumn)" : "\(place)\(line):\(column)-\(endLine):\(endColumn)"
  }

  /// The opening and closing marks.
  package static let open: Character = "⟦"
  package static let close: Character = "⟧"

  /// Lines with their marks taken out, and the marks' places; `firstLine` is the line number of `lines[0]`.
  /// - Throws: a description of the problem when a mark is not closed, closed twice or nested.
  package static func strip(_ lines: [String], firstLine: Int, path: String? = nil) throws(ExampleMarkError) -> (
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
package struct ExampleMarkError: Error, Sendable {
  package var problem: String
}
