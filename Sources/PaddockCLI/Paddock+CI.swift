import ArgumentParser
import Foundation
import PaddockCore
import PaddockGit

extension Paddock {
  struct CI: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "ci",
      abstract: "Review a pull request, merge request or push in CI, and report where the CI system shows it.",
      discussion: """
        Detects GitHub Actions (GITHUB_ACTIONS) and GitLab CI (GITLAB_CI) and reads the base and head from their \
        environment and event payload; elsewhere give --base and --head (or PADDOCK_BASE and PADDOCK_HEAD).

        Security: .paddock.yml, the repository's rule files and the baseline are read from the base commit, not \
        from the change under review, so a pull request cannot switch off the checks that judge it. \
        --trust-head-config reads them from the checkout instead.

        On GitHub, findings become annotations and a job summary; with GITHUB_TOKEN (or PADDOCK_GITHUB_TOKEN) \
        set in a pull request, a review with inline comments on added lines and one summary comment are posted \
        (again on later runs only for new findings). On GitLab, a Code Quality report is written.

        On a push to the default branch, the approvals of the pull or merge request that merged each new \
        first-parent commit are written as a git note (refs/notes/paddock-reviews, JSON schema \
        paddock.review-note/1), which reports count as reviews; --push-notes pushes that ref. A refused push is \
        a warning: the verdict stands.

        Exit codes: 0 pass or warn, 1 block, 2 could not evaluate, 64 usage error.
        """)

    @Option(help: "The base commit or ref; default: from the CI environment.")
    var base: String?

    @Option(help: "The head commit or ref; default: from the CI environment, else HEAD.")
    var head: String?

    @Option(help: ArgumentHelp("Also write SARIF 2.1.0 (for code scanning) to <file>.", valueName: "file"))
    var sarif: String?

    @Option(
      help: ArgumentHelp(
        "Also write a GitLab Code Quality report to <file> (default on GitLab: gl-code-quality-report.json).",
        valueName: "file"))
    var codequality: String?

    @Option(
      help: ArgumentHelp(
        "Format for standard output (\(OutputFormat.Menu.review.list)); default: github on GitHub Actions, text "
          + "elsewhere."),
      transform: OutputFormat.Menu.review.parse)
    var format: OutputFormat?

    @OptionGroup var failOn: FailOnOption

    @OptionGroup(title: "Model review") var modelOptions: ModelOptions

    @Flag(help: "Read .paddock.yml, rule files and the baseline from the checkout (the head) instead of the base.")
    var trustHeadConfig = false

    @Flag(
      help:
        "On GitHub, submit the review as REQUEST_CHANGES when the verdict is block, and dismiss it when a later run passes."
    )
    var requestChanges = false

    @Flag(help: "Do not post a review or summary comment to the pull request.")
    var noComment = false

    @Flag(
      help:
        "After recording merged pull requests' approvals as git notes (on a push to the default branch), push the notes ref (also `review-notes.push` in .paddock.yml)."
    )
    var pushNotes = false

    @OptionGroup var options: RepositoryOptions

    func run() throws {
      var verdict = Verdict.pass
      try reportingErrors {
        let environment = ProcessInfo.processInfo.environment
        let context = try CIContext.detect(environment: environment)
        guard let baseRevision = base ?? context.base else {
          throw CIError(
            "no base to compare with: outside a pull request or merge request pipeline, pass --base REF (or set PADDOCK_BASE)"
          )
        }
        let repository = try options.openRepository()
        let range = try context.range(base: baseRevision, head: head ?? context.head ?? "HEAD", in: repository)

        let config: PaddockConfig
        let files: ConfigFiles?
        if options.config != nil || trustHeadConfig {
          config = try options.loadConfig(for: repository)
          files = nil
          try writeError("paddock: configuration from the checkout (\(options.config ?? "--trust-head-config"))\n")
        } else if let baseID = range.base {
          let source = ConfigFiles.commit(baseID, in: repository, label: "base")
          config = try source.config()
          files = source
          try writeError(
            "paddock: configuration, rule files and baseline from the base commit \(baseID.abbreviated()), not from the change under review\n"
          )
        } else {
          config = PaddockConfig()
          files = nil
        }
        let pipeline = try ReviewPipeline(repository: repository, config: config, files: files)
        let token = environment["PADDOCK_GITHUB_TOKEN"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["GITHUB_TOKEN"]
        let approvals = Self.approvals(context: context, head: range.head.hex, token: token, environment: environment)
        let report: ReviewReport
        do {
          report = try pipeline.review(
            range, failOn: failOn.threshold, version: PaddockVersion.current, model: modelOptions.settings(for: config),
            approvals: approvals)
        } catch let error as GitError where error.code == .missingObject {
          throw CIError("\(error): \(context.shallowCloneFix(missing: baseRevision))")
        }

        let stdoutFormat = format ?? (context.provider == .github ? .github : .text)
        try writeOut(try stdoutFormat.render(report, colour: stdoutFormat == .text && options.useColour()))
        if let sarif { try write(try OutputFormat.sarif.render(report, colour: false), to: sarif) }
        if let path = codequality ?? (context.provider == .gitlab ? "gl-code-quality-report.json" : nil) {
          try write(try OutputFormat.codeclimate.render(report, colour: false), to: path)
          try writeError("paddock: Code Quality report written to \(path)\n")
        }
        if context.provider == .github, let summary = environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
          try append(MarkdownRenderer.render(report), to: summary)
        }
        if context.provider == .github {
          try publish(report, context: context, head: range.head.hex, token: token)
        }
        verdict = report.verdict
        if context.isDefaultBranchPush, config.reviewNotes.record, let baseID = range.base {
          try recordApprovals(
            base: baseID, head: range.head, repository: repository, context: context, config: config.reviewNotes,
            token: token, environment: environment)
        }
      }
      if verdict == .block { throw ExitCode(1) }
    }

    /// Posts the review to the GitHub pull request, or says plainly why nothing was posted: not a pull request,
    /// `--no-comment`, no token, a fork's read-only token, a token without permission (GitHub's 403 or 404).
    func publish(_ report: ReviewReport, context: CIContext, head: String, token: String?) throws {
      guard let number = context.pullRequest else {
        try writeError(
          "paddock: nothing posted: this run is for a \(context.event ?? "push"), not a pull request (annotations and the job summary carry the findings)\n"
        )
        return
      }
      guard !noComment else {
        try writeError("paddock: nothing posted to pull request #\(number): --no-comment\n")
        return
      }
      guard let token, !token.isEmpty else {
        try writeError(
          "paddock: nothing posted to pull request #\(number): no token; pass `env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}` (or PADDOCK_GITHUB_TOKEN) to the step, with `permissions: pull-requests: write`\n"
        )
        return
      }
      guard let repositoryName = context.repository, let api = context.apiURL.flatMap(URL.init(string:)) else {
        try writeError(
          "paddock: nothing posted to pull request #\(number): GITHUB_REPOSITORY or GITHUB_API_URL is not set\n")
        return
      }
      var publisher = GitHubReviewPublisher(
        apiURL: api, repository: repositoryName, pullRequest: number, head: head, token: token,
        transport: CurlTransport())
      publisher.requestChanges = requestChanges
      // The verdict stands whether or not the comments could be posted (a fork's read-only token, an outage).
      do {
        let result = try publisher.publish(report)
        try writeError("paddock: pull request #\(number): \(result)\n")
      } catch {
        try writeError("paddock: warning: could not comment on pull request #\(number): \(error)\n")
        let status = (error as? CIError)?.status
        if context.isFork, status == 403 || status == 404 || status == 401 {
          try writeError(
            "paddock: nothing more was posted to pull request #\(number): it comes from a fork, and GitHub gives a fork's pull_request run a read-only token; the annotations and the job summary carry the findings\n"
          )
        } else if status == 403 || status == 404 {
          try writeError(
            "paddock: nothing more was posted to pull request #\(number): GitHub answered \(status ?? 0), so the token may not write to it; give the job `permissions: pull-requests: write`\n"
          )
        }
      }
    }

    /// Writes the approvals of the requests that merged `base..head`'s first-parent commits as review notes, and
    /// pushes them when asked. Every problem is a warning: the verdict stands.
    func recordApprovals(
      base: ObjectID, head: ObjectID, repository: Repository, context: CIContext, config: ReviewNotesConfig,
      token: String?, environment: [String: String]
    ) throws {
      let lookup: (ObjectID) throws -> ReviewNote?
      switch context.provider {
      case .github:
        guard let token, !token.isEmpty, let name = context.repository,
          let api = context.apiURL.flatMap(URL.init(string:))
        else {
          try writeError(
            "paddock: approvals not recorded: no token (GITHUB_TOKEN or PADDOCK_GITHUB_TOKEN) or GITHUB_REPOSITORY\n")
          return
        }
        lookup = { commit in
          try PullRequestApprovals.githubMerged(
            apiURL: api, repository: name, commit: commit.hex, token: token, transport: CurlTransport())
        }
      case .gitlab:
        guard let token = Self.gitlabToken(environment),
          let project = environment["CI_PROJECT_ID"] ?? context.repository,
          let api = context.apiURL.flatMap(URL.init(string:))
        else {
          try writeError("paddock: approvals not recorded: no token (PADDOCK_GITLAB_TOKEN or GITLAB_TOKEN)\n")
          return
        }
        lookup = { commit in
          try PullRequestApprovals.gitlabMerged(
            apiURL: api, project: project, commit: commit.hex, token: token, transport: CurlTransport())
        }
      case .generic:
        return
      }
      let recorder = ApprovalRecorder(
        reference: config.reference, pushRemote: pushNotes || config.push ? config.remote : nil)
      do {
        let outcome = try recorder.record(base: base, head: head, in: repository, lookup: lookup)
        for line in outcome.lines { try writeError("paddock: \(line)\n") }
      } catch {
        try writeError("paddock: warning: approvals not recorded: \(error)\n")
      }
    }

    /// Who approved the pull or merge request, read with the CI system's token: each approval counts as a
    /// person's review of every commit. Without a token, or when the API cannot be read, none count (with a
    /// warning), so protected paths stay blocked.
    static func approvals(context: CIContext, head: String, token: String?, environment: [String: String])
      -> [String]
    {
      guard let number = context.pullRequest else { return [] }
      let what = context.provider == .gitlab ? "merge request !\(number)" : "pull request #\(number)"
      do {
        var approvals: [String] = []
        switch context.provider {
        case .github:
          guard let token, !token.isEmpty, let repository = context.repository,
            let api = context.apiURL.flatMap(URL.init(string:))
          else { return [] }
          approvals = try PullRequestApprovals.github(
            apiURL: api, repository: repository, pullRequest: number, head: head, token: token,
            transport: CurlTransport())
        case .gitlab:
          guard let token = gitlabToken(environment), let project = environment["CI_PROJECT_ID"] ?? context.repository,
            let api = context.apiURL.flatMap(URL.init(string:))
          else { return [] }
          approvals = try PullRequestApprovals.gitlab(
            apiURL: api, project: project, mergeRequest: number, token: token, transport: CurlTransport())
        case .generic:
          return []
        }
        if !approvals.isEmpty {
          // A note on stderr; a full stderr is reported where the run's output is written.
          try? writeError("paddock: \(what): \(approvals.joined(separator: ", ")) counts as a person's review\n")
        }
        return approvals
      } catch {
        try? writeError(
          "paddock: warning: could not read the approvals of \(what), so none counts as a review: \(error)\n")
        return []
      }
    }
  }
}

extension Paddock.CI {
  /// The GitLab API token: `PADDOCK_GITLAB_TOKEN`, else `GITLAB_TOKEN`; an empty variable counts as unset.
  static func gitlabToken(_ environment: [String: String]) -> String? {
    environment["PADDOCK_GITLAB_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
      ?? environment["GITLAB_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
  }
}
