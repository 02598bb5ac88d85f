import PaddockChange

/// What `paddock init` sets up in a repository: a `.paddock.yml` fitted to it (the languages it holds, the sensitive
/// folders it has), the CI file for the host it is on, and the hooks. Pure: paths and remote URLs in, file texts out.
package struct ProjectSetup: Sendable, Equatable {
  /// Where the repository's CI runs.
  package enum Host: String, Sendable, Equatable {
    case github = "GitHub Actions"
    case gitlab = "GitLab CI"
  }

  /// A file `paddock init` writes.
  package struct File: Sendable, Equatable {
    /// Relative to the repository's root.
    package var path: String
    package var text: String
    /// One line saying what it is for.
    package var purpose: String
  }

  /// A language and how many of the repository's files are in it.
  package struct LanguageCount: Sendable, Equatable {
    package var language: Language
    package var files: Int
  }

  package var host: Host?
  /// Why `host` was chosen, in words.
  package var hostReason: String
  package var languages: [LanguageCount]
  /// Globs of sensitive folders and files that exist here and the built-in protected paths do not cover.
  package var protectedPaths: [String]
  package var files: [File]
  /// What to do by hand, such as adding Paddock to an existing `.gitlab-ci.yml`.
  package var notes: [String]

  /// Folders and files whose AI changes a person should review, beyond the built-in protected paths.
  static let sensitive = [
    "infra", "infrastructure", "terraform", "deploy", "deployment", "deployments", "k8s", "kubernetes", "helm",
    "charts", "ansible", "ops", "billing", "payments", "secrets", ".circleci", ".buildkite", "Jenkinsfile",
    "Dockerfile", "docker-compose.yml", "compose.yaml",
  ]

  /// Plans the set-up of a repository whose tracked files are `paths` and whose remotes have `remoteURLs`.
  /// `action` is what the GitHub workflow's `uses:` names (`OWNER/paddock@TAG`).
  package static func plan(paths: [String], remoteURLs: [String], action: String) -> ProjectSetup {
    var counts: [Language: Int] = [:]
    var topLevel = Set<String>()
    for path in paths {
      if let language = Language.of(path: path) { counts[language, default: 0] += 1 }
      if let first = path.split(separator: "/", maxSplits: 1).first { topLevel.insert(String(first)) }
    }
    let languages = counts.map { LanguageCount(language: $0.key, files: $0.value) }
      .sorted { ($0.files, $1.language.rawValue) > ($1.files, $0.language.rawValue) }
    let protected = sensitive.filter { topLevel.contains($0) }.map { name in
      paths.contains(name) ? name : "\(name)/**"
    }

    let host: Host?
    let reason: String
    if paths.contains(where: { $0.hasPrefix(".github/") }) {
      (host, reason) = (.github, "the repository has a .github folder")
    } else if paths.contains(".gitlab-ci.yml") {
      (host, reason) = (.gitlab, "the repository has a .gitlab-ci.yml")
    } else if let url = remoteURLs.first(where: { $0.lowercased().contains("github") }) {
      (host, reason) = (.github, "a remote is on GitHub (\(url))")
    } else if let url = remoteURLs.first(where: { $0.lowercased().contains("gitlab") }) {
      (host, reason) = (.gitlab, "a remote is on GitLab (\(url))")
    } else {
      (host, reason) = (nil, "no .github folder, .gitlab-ci.yml, or GitHub or GitLab remote")
    }

    var files = [
      File(
        path: ".paddock.yml", text: configuration(languages: languages, protected: protected),
        purpose: "Paddock's configuration")
    ]
    var notes: [String] = []
    switch host {
    case .github:
      files.append(
        File(
          path: ".github/workflows/paddock.yml", text: githubWorkflow(action: action),
          purpose: "reviews every pull request with Paddock"))
    case .gitlab:
      let include = gitlabInclude(action: action)
      if paths.contains(".gitlab-ci.yml") {
        notes.append("add Paddock's job to your .gitlab-ci.yml (it is left as it is):\n" + include)
      } else {
        files.append(
          File(
            path: ".gitlab-ci.yml", text: "# GitLab CI: Paddock reviews every merge request.\n" + include,
            purpose: "reviews every merge request with Paddock"))
      }
    case nil:
      notes.append("no CI host found (\(reason)): see the README's CI section for `paddock ci` anywhere")
    }
    if host != nil, action.hasPrefix("OWNER/") {
      notes.append(
        "replace OWNER in `\(action)` with the GitHub account Paddock is installed from (or run `paddock init --action ACCOUNT/paddock@TAG`)"
      )
    }
    return ProjectSetup(
      host: host, hostReason: reason, languages: languages, protectedPaths: protected, files: files, notes: notes)
  }

  static func configuration(languages: [LanguageCount], protected: [String]) -> String {
    var text = """
      # Paddock's configuration, written by `paddock init`. Every key is described in the README's
      # "Configuration" section; `paddock rules list` shows the rules and whether they are on.
      version: 1

      """
    // Data and documentation formats are not what the rules are about.
    let code = languages.filter { ![.yaml, .json, .toml, .markdown].contains($0.language) }
    if code.isEmpty {
      text += "\n# No source files are tracked yet: the rules apply by language once there are.\n"
    } else {
      let shown = code.prefix(8).map { "\($0.language.rawValue) (\($0.files) file\($0.files == 1 ? "" : "s"))" }
      text += "\n# Languages found: \(shown.joined(separator: ", ")).\n"
      text += "# The built-in packs (secrets, security, ai-hygiene, governance) have rules for them; switch one off\n"
      text += "# with its id:\n"
    }
    text += """
      rules:
        disable: []                # for example [duplicate-code]

      # An AI change to a protected path blocks until a person reviews it (a Reviewed-by: trailer, or an approved
      # pull request). The built-in list already has CI files, auth code, migrations and Paddock's own files.

      """
    if protected.isEmpty {
      text += "# protected-paths: ['infra/**']   # none of the usual sensitive folders is here\n"
    } else {
      text += "# These sensitive folders and files exist here:\n"
      text += "protected-paths: [\(protected.map { "'\($0)'" }.joined(separator: ", "))]\n"
    }
    text += """

      # Who blocks: by default an error in an AI's lines blocks and the same error in a person's warns.
      policy:
        ai:    { block: error, warn: warning }
        human: { block: none,  warn: warning }

      hooks:
        required: false            # true: the pre-push hook blocks in a clone that has no paddock binary

      """
    return text
  }

  static func githubWorkflow(action: String) -> String {
    """
    # Paddock reviews every pull request: annotations, a job summary, code scanning and a review with inline
    # comments. Written by `paddock init`; see the README's "GitHub Actions" section.
    name: Paddock
    on:
      pull_request:
    permissions:
      contents: read
      pull-requests: write       # the review and the summary comment
      security-events: write     # the SARIF upload (add `actions: read` in a private repository)
    jobs:
      paddock:
        runs-on: ubuntu-24.04
        steps:
          - uses: actions/checkout@v4
            with:
              fetch-depth: 0
          - uses: \(action)
          - uses: github/codeql-action/upload-sarif@v3
            if: ${{ !cancelled() && hashFiles('paddock.sarif') != '' }}
            with:
              sarif_file: paddock.sarif
              category: paddock

    """
  }

  static func gitlabInclude(action: String) -> String {
    // `OWNER/paddock@v1.2.3` becomes the template at that tag.
    let parts = action.split(separator: "@", maxSplits: 1).map(String.init)
    let repository = parts.first ?? "OWNER/paddock"
    let tag = parts.count > 1 ? parts[1] : "main"
    return """
      include:
        - remote: https://raw.githubusercontent.com/\(repository)/\(tag)/templates/gitlab-ci.yml

      """
  }
}
