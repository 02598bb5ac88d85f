import ArgumentParser
import Foundation
import PaddockCore
import PaddockGit
import PaddockNet

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
      ReviewPipeline.prepare()
      var status: Int32 = 0
      try reportingErrors {
        var input = CIRun.Input(
          environment: ProcessInfo.processInfo.environment,
          modelReview: { [modelOptions] in modelOptions.settings(for: $0) }, version: PaddockVersion.current,
          transport: CurlTransport())
        input.base = base
        input.head = head
        input.configFile = options.config
        input.trustHeadConfig = trustHeadConfig
        input.failOn = failOn.threshold
        input.format = format
        input.sarif = sarif
        input.codequality = codequality
        input.requestChanges = requestChanges
        input.noComment = noComment
        input.pushNotes = pushNotes
        let result = try CIRun(repository: try options.openRepository(), input: input).run()
        try render(result)
        status = result.exitStatus
      }
      if status != 0 { throw ExitCode(status) }
    }

    /// Writes each output (colour only for text on a terminal), then the log lines to stderr.
    func render(_ result: CIRun.Result) throws {
      var log = result.messages.map { "paddock: \($0)\n" }
      for output in result.outputs {
        switch output.destination {
        case .standardOutput:
          let colour = output.format == .text && options.useColour()
          try writeOut(try output.format.render(result.report, colour: colour))
        case .file(let path):
          try write(try output.format.render(result.report), to: path)
          if output.format == .codeclimate { log.append("paddock: Code Quality report written to \(path)\n") }
        case .appending(let path):
          try append(try output.format.render(result.report), to: path)
        }
      }
      // A full stderr is reported where the run's output is written; the verdict stands.
      try writeError(log.joined())
    }
  }
}
