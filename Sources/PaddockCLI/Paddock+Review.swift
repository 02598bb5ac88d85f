import ArgumentParser
import Foundation
import PaddockChange
import PaddockCore

extension Paddock {
  struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Review the lines a range adds: rules, authorship-aware policy, one verdict.",
      discussion: """
        Runs every enabled rule over the added lines of RANGE (as `paddock attribute` picks it), applies \
        suppressions, the baseline and the policy of .paddock.yml, and gives one verdict. By default an \
        error in AI-written lines blocks, the same error in a person's lines warns.

        Exit codes: 0 pass or warn, 1 block, 2 could not evaluate, 64 usage error.
        """)

    @OptionGroup var rangeOptions: RangeOptions

    @Flag(
      help: ArgumentHelp(
        "Review the index against HEAD: what `git commit` would record now (for a pre-commit hook).",
        discussion: """
          The staged lines take the authorship of the agent session the commit is made in, decided as the \
          prepare-commit-msg hook decides it, else the person's. Works on a branch with no commits yet.
          """))
    var staged = false

    @Option(help: OutputFormat.Menu.review.help, transform: OutputFormat.Menu.review.parse)
    var format: OutputFormat = .text

    @Option(
      name: .shortAndLong,
      help: ArgumentHelp("Write the report to <file> instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var failOn: FailOnOption

    @OptionGroup(title: "Model review") var modelOptions: ModelOptions

    @Flag(help: "Print how long each phase took to standard error.")
    var timings = false

    @OptionGroup var options: RepositoryOptions

    func validate() throws {
      if staged, rangeOptions.range != nil || rangeOptions.base != nil || rangeOptions.head != nil {
        throw ValidationError("--staged reviews the index against HEAD: give no RANGE, --base or --head with it")
      }
    }

    func run() throws {
      ReviewPipeline.prepare()
      var verdict = Verdict.pass
      try reportingErrors {
        var clock = PhaseTimings()
        let (repository, pipeline) = try clock.measure("load configuration and rules") {
          let repository = try options.openRepository()
          let config = try options.loadConfig(for: repository)
          return (repository, try ReviewPipeline(repository: repository, config: config))
        }
        let resolved: ResolvedRange
        var nothingStaged = false
        if staged {
          let change = try StagedChange.load(
            repository: repository, config: pipeline.config, environment: ProcessInfo.processInfo.environment,
            now: Int64(Date().timeIntervalSince1970))
          resolved = change.range
          nothingStaged = change.isEmpty
        } else {
          resolved = try rangeOptions.resolve(in: repository)
        }
        let model = modelOptions.settings(for: pipeline.config)
        let report: ReviewReport
        var nothing = nothingStaged
        if nothingStaged {
          report = pipeline.emptyReview(resolved, failOn: failOn.threshold, version: PaddockVersion.current)
        } else {
          do {
            report = try pipeline.review(
              resolved, failOn: failOn.threshold, version: PaddockVersion.current, model: model, timings: &clock)
          } catch AttributionError.emptyRange {
            report = pipeline.emptyReview(resolved, failOn: failOn.threshold, version: PaddockVersion.current)
            nothing = true
          }
        }
        let colour = output == nil && format == .text && options.useColour()
        let text = try clock.measure("render \(format.rawValue)") {
          // An empty range is not an error: there is nothing to review, and the text says so in words.
          nothing && format == .text
            ? "paddock review \(Escape.terminal(resolved.label)): nothing to review "
              + (staged ? "(nothing is staged)\n" : "(the range has no commits)\n")
            : try format.render(report, colour: colour)
        }
        if timings { try writeError(clock.rendered()) }
        if let output {
          try write(text, to: output)
        } else {
          try writeOut(text)
        }
        if format == .github, let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty
        {
          try append(MarkdownRenderer.render(report), to: summary)
        }
        verdict = report.verdict
      }
      if verdict == .block { throw ExitCode(1) }
    }
  }
}

/// Writes a whole file, with an error that names it.
func write(_ text: String, to path: String) throws {
  do {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  } catch {
    throw CLIError.cannotWrite(path: path, reason: error.localizedDescription)
  }
}

/// Appends to a file (such as `$GITHUB_STEP_SUMMARY`), creating it when missing; a full disk is an error, not a crash.
func append(_ text: String, to path: String) throws {
  try OutputChannel.append(text, to: path)
}
