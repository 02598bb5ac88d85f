/// Every output format Paddock writes. Which command offers which is data (`OutputFormat.Menu`), so the list of
/// formats is kept once and a command's `--format` accepts exactly its menu.
package enum OutputFormat: String, Sendable, CaseIterable {
  /// For people.
  case text
  /// The command's JSON schema.
  case json
  /// Comma-separated rows (reports).
  case csv
  /// Markdown: a pull-request comment (review) or tables (reports).
  case markdown
  /// One self-contained HTML page with charts (reports).
  case html
  /// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
  case sarif
  /// GitHub Actions workflow commands (annotations).
  case github
  /// reviewdog's Diagnostic Format, one JSON document.
  case rdjson
  /// reviewdog's Diagnostic Format, one diagnostic per line.
  case rdjsonl
  /// JUnit XML for GitLab, Jenkins and other CI test views.
  case junit
  /// GitLab Code Quality (Code Climate issues).
  case codeclimate

  /// The formats one kind of output offers.
  package enum Menu: Sendable, CaseIterable {
    /// `paddock attribute`, `paddock blame`, `paddock rules list`.
    case attribution
    /// `paddock review` and `paddock ci`.
    case review
    /// `paddock report ...`.
    case report

    /// The formats on this menu, in the order help lists them.
    package var formats: [OutputFormat] {
      switch self {
      case .attribution: [.text, .json]
      case .review: [.text, .json, .sarif, .github, .markdown, .rdjson, .rdjsonl, .junit, .codeclimate]
      case .report: [.text, .json, .csv, .markdown, .html]
      }
    }

    /// `text, json or csv`: the menu in words.
    package var list: String {
      let names = formats.map(\.rawValue)
      guard let last = names.last, names.count > 1 else { return names.joined() }
      return names.dropLast().joined(separator: ", ") + " or " + last
    }

    /// The format named `text` when this menu offers it; nil otherwise.
    package func format(named text: String) -> OutputFormat? {
      OutputFormat(rawValue: text).flatMap { formats.contains($0) ? $0 : nil }
    }
  }
}
