import PaddockGit

/// A rule's finding on the change: data, never an error.
package struct Finding: Sendable, Codable, Hashable {
  package var rule: String
  package var title: String
  package var severity: Severity
  /// Repository-relative path; nil for a finding about a commit that left no lines.
  package var path: String?
  /// First and last line in the file at head.
  package var line: Int?
  package var endLine: Int?
  /// 1-based column of the match in UTF-8 bytes, and the column just after it.
  package var column: Int?
  package var endColumn: Int?
  /// Who wrote the lines the finding points at (AI if any of them is AI-written).
  package var authorship: Authorship
  package var agent: String?
  /// The commit that added the lines, or the commit the finding is about.
  package var commit: ObjectID?
  package var message: String
  package var fix: String
  /// A mechanical fix: the text that replaces lines `line` to `endLine` (a rule's or a model's), which a pull
  /// request comment offers as a GitHub suggestion; nil when the fix needs a person.
  package var replacement: String?
  /// The line as it stands, with any secret masked.
  package var snippet: String?
  /// Stable across line moves and rebases: rule, path and the normalised text.
  package var fingerprint: String
  /// What the policy makes of the finding.
  package var decision: Verdict
  /// Why the finding does not count, when it does not.
  package var suppression: Suppression?
  /// Who found it: a rule, or a language model.
  package var source: Source = .rule
  /// For model findings: how sure the model said it was (0 to 1), and which model.
  package var confidence: Double?
  package var model: String?

  package enum Source: String, Sendable, Codable, Hashable {
    case rule
    case model
  }

  package init(
    rule: String, title: String, severity: Severity, path: String?, line: Int?, endLine: Int? = nil,
    column: Int? = nil, endColumn: Int? = nil, authorship: Authorship, agent: String? = nil, commit: ObjectID? = nil,
    message: String, fix: String, snippet: String? = nil, fingerprint: String = "", decision: Verdict = .pass,
    suppression: Suppression? = nil
  ) {
    self.rule = rule
    self.title = title
    self.severity = severity
    self.path = path
    self.line = line
    self.endLine = endLine ?? line
    self.column = column
    self.endColumn = endColumn
    self.authorship = authorship
    self.agent = agent
    self.commit = commit
    self.message = message
    self.fix = fix
    self.snippet = snippet
    self.fingerprint = fingerprint
    self.decision = decision
    self.suppression = suppression
  }

  enum CodingKeys: String, CodingKey {
    case rule, title, severity, path, line
    case endLine = "end_line"
    case column
    case endColumn = "end_column"
    case authorship, agent, commit, message, fix, replacement, snippet, fingerprint, decision, suppression, source,
      confidence, model
  }

}
