/// A programming or configuration language, told from a file's name or first line.
package enum Language: String, Sendable, Codable, Hashable, CaseIterable {
  case swift, python, javascript, typescript, go, java, kotlin, rust, shell, ruby, php, c, cpp, csharp, sql, yaml, toml
  case json, dockerfile, terraform, markdown

  /// File extensions, without the dot.
  package var extensions: [String] {
    switch self {
    case .swift: ["swift"]
    case .python: ["py", "pyi", "pyw"]
    case .javascript: ["js", "mjs", "cjs", "jsx"]
    case .typescript: ["ts", "tsx", "mts", "cts"]
    case .go: ["go"]
    case .java: ["java"]
    case .kotlin: ["kt", "kts"]
    case .rust: ["rs"]
    case .shell: ["sh", "bash", "zsh", "ksh"]
    case .ruby: ["rb", "rake", "gemspec"]
    case .php: ["php"]
    case .c: ["c", "h"]
    case .cpp: ["cc", "cpp", "cxx", "hpp", "hh", "hxx", "m", "mm"]
    case .csharp: ["cs"]
    case .sql: ["sql"]
    case .yaml: ["yml", "yaml"]
    case .toml: ["toml"]
    case .json: ["json"]
    case .dockerfile: []
    case .terraform: ["tf", "tfvars", "hcl"]
    case .markdown: ["md", "markdown"]
    }
  }

  /// The language of a path; `firstLine` settles scripts without an extension.
  package static func of(path: String, firstLine: String? = nil) -> Language? {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    if name == "Dockerfile" || name.hasPrefix("Dockerfile.") || name.hasSuffix(".dockerfile") { return .dockerfile }
    if let dot = name.lastIndex(of: "."), dot != name.startIndex {
      let ext = name[name.index(after: dot)...].lowercased()
      if let language = byExtension[ext] { return language }
    }
    if let firstLine, firstLine.hasPrefix("#!") {
      if firstLine.contains("python") { return .python }
      if firstLine.contains("node") { return .javascript }
      if firstLine.contains("ruby") { return .ruby }
      if ["sh", "bash", "zsh", "ksh", "dash"].contains(where: {
        firstLine.hasSuffix("/" + $0) || firstLine.contains("/" + $0 + " ") || firstLine.hasSuffix(" " + $0)
      }) {
        return .shell
      }
    }
    return nil
  }

  private static let byExtension: [String: Language] = {
    var map: [String: Language] = [:]
    for language in allCases {
      for ext in language.extensions { map[ext] = language }
    }
    return map
  }()

  /// A file name to use for an example of this language.
  package var exampleFileName: String {
    switch self {
    case .dockerfile: "Dockerfile"
    default: "example." + (extensions.first ?? "txt")
    }
  }

  /// How the language writes comments.
  package var commentSyntax: CommentSyntax {
    switch self {
    case .swift, .javascript, .typescript, .go, .java, .kotlin, .rust, .c, .cpp, .csharp:
      CommentSyntax(line: ["//"], block: ("/*", "*/"), quotes: self == .rust ? ["\""] : ["\"", "'", "`"])
    case .php: CommentSyntax(line: ["//", "#"], block: ("/*", "*/"), quotes: ["\"", "'"])
    case .python, .ruby, .yaml, .toml, .dockerfile, .terraform:
      CommentSyntax(line: ["#"], block: nil, quotes: ["\"", "'"])
    case .shell: CommentSyntax(line: ["#"], block: nil, quotes: ["\"", "'", "`"])
    case .sql: CommentSyntax(line: ["--"], block: ("/*", "*/"), quotes: ["'", "\""])
    case .json, .markdown: CommentSyntax(line: [], block: nil, quotes: ["\""])
    }
  }
}

/// Comment and string delimiters of a language.
package struct CommentSyntax: Sendable {
  package var line: [String]
  package var block: (open: String, close: String)?
  package var quotes: [Character]
}
