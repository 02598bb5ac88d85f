import Foundation
import PaddockChange
import PaddockGit
import PaddockNet

/// `paddock ci` as one call: which change (the CI context, or `--base`/`--head`), which configuration judges it
/// (the base commit's unless the run trusts the head), the pull or merge request's approvals, the review, the
/// outputs the CI system reads, the review posted to a GitHub pull request (or why not), and the approvals of
/// merged requests recorded as notes. The CLI renders the outputs and the messages and exits with the status.
package struct CIRun {
  /// What the run was given.
  package struct Input {
    /// The process environment: the CI system's variables and tokens.
    package var environment: [String: String]
    /// Reads the GitHub event payload; tests hand over their own.
    package var readFile: (String) -> Data?
    /// `--base`, over the CI context's.
    package var base: String?
    /// `--head`, over the CI context's (else `HEAD`).
    package var head: String?
    /// `--config`: read this file (trusting the checkout) instead of the base commit's `.paddock.yml`.
    package var configFile: String?
    /// `--trust-head-config`: read the configuration, rule files and baseline from the working tree.
    package var trustHeadConfig = false
    package var failOn: FailThreshold = .policy
    /// The model review the configuration and the command line ask for (nil: none).
    package var modelReview: (PaddockConfig) -> (any ModelReviewStep)?
    /// `--format` for standard output; nil: `github` on GitHub Actions, `text` elsewhere.
    package var format: OutputFormat?
    /// `--sarif`: also write SARIF to this file.
    package var sarif: String?
    /// `--codequality`: also write a Code Quality report here (default on GitLab).
    package var codequality: String?
    /// `--request-changes`.
    package var requestChanges = false
    /// `--no-comment`.
    package var noComment = false
    /// `--push-notes`, over `review-notes.push`.
    package var pushNotes = false
    /// Recorded in the report.
    package var version: String
    /// Carries every API request (GitHub, GitLab).
    package var transport: any HTTPTransport

    package init(
      environment: [String: String],
      readFile: @escaping (String) -> Data? = { FileManager.default.contents(atPath: $0) },
      modelReview: @escaping (PaddockConfig) -> (any ModelReviewStep)? = { _ in nil }, version: String,
      transport: any HTTPTransport
    ) {
      self.environment = environment
      self.readFile = readFile
      self.modelReview = modelReview
      self.version = version
      self.transport = transport
    }
  }

  /// A report the CI system reads, for the CLI to render and write.
  package struct Output: Sendable, Hashable {
    package enum Destination: Sendable, Hashable {
      case standardOutput
      /// A file, replaced.
      case file(String)
      /// A file appended to (GitHub's job summary, `GITHUB_STEP_SUMMARY`).
      case appending(String)
    }
    package var format: OutputFormat
    package var destination: Destination

    package init(format: OutputFormat, destination: Destination) {
      self.format = format
      self.destination = destination
    }
  }

  /// What happened to the pull request's review comments.
  package enum Publication: Sendable, CustomStringConvertible {
    /// Not on GitHub: nothing is posted anywhere but the outputs.
    case notGitHub
    /// The run is not for a pull request (a push, a schedule).
    case notAPullRequest(event: String)
    /// `--no-comment`.
    case switchedOff(pullRequest: Int)
    /// No `GITHUB_TOKEN` or `PADDOCK_GITHUB_TOKEN`.
    case noToken(pullRequest: Int)
    /// `GITHUB_REPOSITORY` or `GITHUB_API_URL` is missing.
    case noRepository(pullRequest: Int)
    case posted(pullRequest: Int, GitHubReviewPublisher.Result)
    /// GitHub refused or could not be reached; the verdict stands. `fromFork` when the pull request comes from a
    /// fork, whose runs get a read-only token.
    case failed(pullRequest: Int, CIError, fromFork: Bool)

    /// What the log says (one or more lines), or nil when there is nothing to say.
    package var description: String {
      switch self {
      case .notGitHub:
        return ""
      case .notAPullRequest(let event):
        return
          "nothing posted: this run is for a \(event), not a pull request (annotations and the job summary carry the findings)"
      case .switchedOff(let number):
        return "nothing posted to pull request #\(number): --no-comment"
      case .noToken(let number):
        return
          "nothing posted to pull request #\(number): no token; pass `env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}` (or PADDOCK_GITHUB_TOKEN) to the step, with `permissions: pull-requests: write`"
      case .noRepository(let number):
        return "nothing posted to pull request #\(number): GITHUB_REPOSITORY or GITHUB_API_URL is not set"
      case .posted(let number, let result):
        return "pull request #\(number): \(result)"
      case .failed(let number, let error, let fromFork):
        var text = "warning: could not comment on pull request #\(number): \(error)"
        let status = error.status
        if fromFork, status == 403 || status == 404 || status == 401 {
          text +=
            "\nnothing more was posted to pull request #\(number): it comes from a fork, and GitHub gives a fork's pull_request run a read-only token; the annotations and the job summary carry the findings"
        } else if status == 403 || status == 404 {
          text +=
            "\nnothing more was posted to pull request #\(number): GitHub answered \(status ?? 0), so the token may not write to it; give the job `permissions: pull-requests: write`"
        }
        return text
      }
    }
  }

  /// What the run found and did.
  package struct Result {
    package var context: CIContext
    package var report: ReviewReport
    /// Where the configuration came from, as the log says it; nil when there was none (a new branch).
    package var configurationSource: String?
    /// Who approved the request and counts as a person's review (`@grace (approved pull request #7)`).
    package var approvals: [String]
    /// The outputs to render, standard output first.
    package var outputs: [Output]
    package var publication: Publication
    /// Log lines (without the `paddock: ` prefix) in order: configuration, approvals, publication, notes.
    package var messages: [String]
    /// 1 when the verdict blocks, else 0.
    package var exitStatus: Int32 { report.verdict == .block ? 1 : 0 }
  }

  package let repository: Repository
  package let input: Input

  package init(repository: Repository, input: Input) {
    self.repository = repository
    self.input = input
  }

  /// The GitHub API token: `PADDOCK_GITHUB_TOKEN`, else `GITHUB_TOKEN`.
  var githubToken: String? {
    input.environment["PADDOCK_GITHUB_TOKEN"].flatMap { $0.isEmpty ? nil : $0 } ?? input.environment["GITHUB_TOKEN"]
  }

  /// The GitLab API token: `PADDOCK_GITLAB_TOKEN`, else `GITLAB_TOKEN`; an empty variable counts as unset.
  var gitlabToken: String? {
    input.environment["PADDOCK_GITLAB_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
      ?? input.environment["GITLAB_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// Reviews the change and publishes what the CI system shows. Set-up problems (no base, a shallow clone, a bad
  /// configuration) are thrown; a failure to post or to record notes is a message, and the verdict stands.
  package func run() throws -> Result {
    let context = try CIContext.detect(environment: input.environment, readFile: input.readFile)
    guard let baseRevision = input.base ?? context.base else { throw CIError.noBase }
    let range = try context.range(base: baseRevision, head: input.head ?? context.head ?? "HEAD", in: repository)
    var messages: [String] = []

    let config: PaddockConfig
    let files: ConfigFiles?
    var source: String?
    if input.configFile != nil || input.trustHeadConfig {
      config = try checkoutConfiguration()
      files = nil
      source = "configuration from the checkout (\(input.configFile ?? "--trust-head-config"))"
    } else if let baseID = range.base {
      let commit = ConfigFiles.commit(baseID, in: repository, label: "base")
      config = try commit.config()
      files = commit
      source =
        "configuration, rule files and baseline from the base commit \(baseID.abbreviated()), not from the change under review"
    } else {
      config = PaddockConfig()
      files = nil
    }
    if let source { messages.append(source) }
    let pipeline = try ReviewPipeline(repository: repository, config: config, files: files)
    let (approvals, approvalMessages) = readApprovals(context: context, head: range.head.hex)
    messages += approvalMessages
    let report: ReviewReport
    do {
      report = try pipeline.review(
        range, failOn: input.failOn, version: input.version, model: input.modelReview(config),
        approvals: approvals)
    } catch let error as GitError where error.code == .missingObject {
      throw CIError.objectMissing(detail: "\(error)", fix: context.shallowCloneFix(missing: baseRevision))
    }

    var outputs = [
      Output(format: input.format ?? (context.provider == .github ? .github : .text), destination: .standardOutput)
    ]
    if let sarif = input.sarif { outputs.append(Output(format: .sarif, destination: .file(sarif))) }
    if let path = input.codequality ?? (context.provider == .gitlab ? "gl-code-quality-report.json" : nil) {
      outputs.append(Output(format: .codeclimate, destination: .file(path)))
    }
    if context.provider == .github, let summary = input.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
      outputs.append(Output(format: .markdown, destination: .appending(summary)))
    }

    let publication = context.provider == .github ? publish(report, context: context, head: range.head.hex) : .notGitHub
    if case .notGitHub = publication {} else { messages.append(publication.description) }
    if context.isDefaultBranchPush, config.reviewNotes.record, let baseID = range.base {
      messages += recordApprovals(base: baseID, head: range.head, context: context, config: config.reviewNotes)
    }
    return Result(
      context: context, report: report, configurationSource: source, approvals: approvals, outputs: outputs,
      publication: publication, messages: messages)
  }

  /// `--config`'s file, or the working tree's `.paddock.yml`.
  func checkoutConfiguration() throws -> PaddockConfig {
    if let file = input.configFile { return try PaddockConfig.load(file: file, required: true) }
    guard let root = repository.workingDirectory else { return PaddockConfig() }
    return try PaddockConfig.load(directory: root)
  }

  /// Posts the review to the GitHub pull request, or says why nothing was posted: not a pull request,
  /// `--no-comment`, no token, a fork's read-only token, a token without permission (GitHub's 403 or 404).
  func publish(_ report: ReviewReport, context: CIContext, head: String) -> Publication {
    guard let number = context.pullRequest else { return .notAPullRequest(event: context.event ?? "push") }
    guard !input.noComment else { return .switchedOff(pullRequest: number) }
    guard let token = githubToken, !token.isEmpty else { return .noToken(pullRequest: number) }
    guard let name = context.repository, let api = context.apiURL.flatMap(URL.init(string:)) else {
      return .noRepository(pullRequest: number)
    }
    var publisher = GitHubReviewPublisher(
      apiURL: api, repository: name, pullRequest: number, head: head, token: token, transport: input.transport)
    publisher.requestChanges = input.requestChanges
    do {
      return .posted(pullRequest: number, try publisher.publish(report))
    } catch let error as CIError {
      return .failed(pullRequest: number, error, fromFork: context.isFork)
    } catch {
      let reason = token.isEmpty ? "\(error)" : "\(error)".replacingOccurrences(of: token, with: "***")
      return .failed(
        pullRequest: number, .apiUnreachable(.github, method: "POST", path: "/", reason: reason),
        fromFork: context.isFork)
    }
  }

  /// Who approved the pull or merge request, read with the CI system's token: each approval counts as a person's
  /// review of every commit. Without a token, or when the API cannot be read, none count (with a warning), so
  /// protected paths stay blocked.
  func readApprovals(context: CIContext, head: String) -> (approvals: [String], messages: [String]) {
    guard let number = context.pullRequest else { return ([], []) }
    let what = context.provider == .gitlab ? "merge request !\(number)" : "pull request #\(number)"
    do {
      let approvals: [String]
      switch context.provider {
      case .github:
        guard let token = githubToken, !token.isEmpty, let repository = context.repository,
          let api = context.apiURL.flatMap(URL.init(string:))
        else { return ([], []) }
        approvals = try PullRequestApprovals.github(
          apiURL: api, repository: repository, pullRequest: number, head: head, token: token,
          transport: input.transport)
      case .gitlab:
        guard let token = gitlabToken,
          let project = input.environment["CI_PROJECT_ID"] ?? context.repository,
          let api = context.apiURL.flatMap(URL.init(string:))
        else { return ([], []) }
        approvals = try PullRequestApprovals.gitlab(
          apiURL: api, project: project, mergeRequest: number, token: token, transport: input.transport)
      case .generic:
        return ([], [])
      }
      return (
        approvals,
        approvals.isEmpty ? [] : ["\(what): \(approvals.joined(separator: ", ")) counts as a person's review"]
      )
    } catch {
      return ([], ["warning: could not read the approvals of \(what), so none counts as a review: \(error)"])
    }
  }

  /// Writes the approvals of the requests that merged `base..head`'s first-parent commits as review notes, and
  /// pushes them when asked. Every problem is a warning: the verdict stands.
  func recordApprovals(base: ObjectID, head: ObjectID, context: CIContext, config: ReviewNotesConfig) -> [String] {
    let lookup: (ObjectID) throws -> ReviewNote?
    let transport = input.transport
    switch context.provider {
    case .github:
      guard let token = githubToken, !token.isEmpty, let name = context.repository,
        let api = context.apiURL.flatMap(URL.init(string:))
      else {
        return ["approvals not recorded: no token (GITHUB_TOKEN or PADDOCK_GITHUB_TOKEN) or GITHUB_REPOSITORY"]
      }
      lookup = { commit in
        try PullRequestApprovals.githubMerged(
          apiURL: api, repository: name, commit: commit.hex, token: token, transport: transport)
      }
    case .gitlab:
      guard let token = gitlabToken, let project = input.environment["CI_PROJECT_ID"] ?? context.repository,
        let api = context.apiURL.flatMap(URL.init(string:))
      else {
        return ["approvals not recorded: no token (PADDOCK_GITLAB_TOKEN or GITLAB_TOKEN)"]
      }
      lookup = { commit in
        try PullRequestApprovals.gitlabMerged(
          apiURL: api, project: project, commit: commit.hex, token: token, transport: transport)
      }
    case .generic:
      return []
    }
    let recorder = ApprovalRecorder(
      reference: config.reference, pushRemote: input.pushNotes || config.push ? config.remote : nil)
    do {
      return try recorder.record(base: base, head: head, in: repository, lookup: lookup).lines
    } catch {
      return ["warning: approvals not recorded: \(error)"]
    }
  }
}
