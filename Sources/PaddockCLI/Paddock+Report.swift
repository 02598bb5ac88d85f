import ArgumentParser
import Foundation
import PaddockChange
import PaddockCore
import PaddockGit
import PaddockReports

extension Paddock {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Attribution reports: how much AI wrote, per release and over time, and where the fixes landed.",
      discussion: """
        Reports read history once and keep what they learn (commit classifications and the changes blame is \
        computed from) in <git dir>/paddock/report-cache, so the next report over the same history reads no git \
        objects it has read before. Delete that directory at any time, or pass --no-cache.
        """,
      subcommands: [
        Release.self, Snapshot.self, Trends.self, Failures.self, AgentTrace.self, HTML.self, Merge.self,
      ])
  }
}

/// Options shared by the report commands: file selection, format, cache, evidence and progress.
struct ReportOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Count only files matching this glob (repeatable; adds to report.include in .paddock.yml).", valueName: "glob"))
  var include: [String] = []

  @Option(
    help: ArgumentHelp("Leave out files matching this glob (repeatable; adds to report.exclude).", valueName: "glob"))
  var exclude: [String] = []

  @Option(
    help: ArgumentHelp(
      "Output format: \(OutputFormat.Menu.report.list) (html: one self-contained page with charts).",
      valueName: "format"),
    transform: OutputFormat.Menu.report.parse)
  var format: OutputFormat = .text

  @Option(
    name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of stdout.", valueName: "file"))
  var output: String?

  @Flag(help: "Count lock files, generated and vendored files too (left out by default).")
  var includeGenerated = false

  @Flag(help: "Neither read nor write the report cache.")
  var noCache = false

  @Option(
    help: ArgumentHelp(
      "Read Agent Trace records (JSON Lines) from this file as line-level evidence (repeatable; default: .agent-trace/traces.jsonl in the working tree, else at HEAD).",
      valueName: "file"))
  var agentTrace: [String] = []

  @Flag(help: "Print what came from the cache and what from git to stderr.")
  var cacheStats = false

  @Flag(help: "No progress bar, even on a terminal.")
  var noProgress = false

  /// The files to count; `revision`'s `.gitattributes` says which are generated or vendored.
  func selection(_ config: PaddockConfig, _ repository: Repository, at revision: ObjectID) throws -> FileSelection {
    let attributes = (try? repository.fileContents(path: GitPath(".gitattributes"), at: revision)).map {
      LinguistAttributes(gitattributes: String(decoding: $0, as: UTF8.self))
    }
    do {
      return try FileSelection(
        include: config.report.include + include, exclude: config.report.exclude + exclude,
        includesMachineWritten: includeGenerated, attributes: attributes)
    } catch {
      throw CLIError.badGlob(problem: error.problem)
    }
  }

  /// The engine, with Agent Trace evidence loaded and a progress bar on stderr when it is a terminal.
  func engine(_ repository: Repository, _ config: PaddockConfig) throws -> ReportEngine {
    var traces = AgentTraceIndex()
    var sources: [(name: String, text: String)] = []
    if agentTrace.isEmpty {
      let relative = ".agent-trace/traces.jsonl"
      if let root = repository.workingDirectory,
        let data = FileManager.default.contents(atPath: (root as NSString).appendingPathComponent(relative))
      {
        sources.append((relative, String(decoding: data, as: UTF8.self)))
      } else if let head = try? repository.resolveCommit("HEAD"),
        let bytes = try? repository.fileContents(path: GitPath(relative), at: head)
      {
        sources.append(("HEAD:" + relative, String(decoding: bytes, as: UTF8.self)))
      }
    } else {
      for file in agentTrace {
        guard let data = FileManager.default.contents(atPath: file) else {
          throw CLIError.unreadableAgentTrace(file: file)
        }
        sources.append((file, String(decoding: data, as: UTF8.self)))
      }
    }
    for source in sources {
      let index = AgentTraceIndex(jsonl: source.text)
      if !index.malformed.isEmpty {
        let lines = index.malformed.prefix(5).map(String.init).joined(separator: ", ")
        try writeError(
          "paddock: warning: \(source.name): \(index.malformed.count) line(s) are not Agent Trace records (line \(lines)); they were skipped\n"
        )
      }
      if index.unplaced > 0 {
        try writeError(
          "paddock: warning: \(source.name): \(index.unplaced) record(s) name no git commit in vcs.revision, so no line can be placed; they were skipped\n"
        )
      }
      traces.merge(index)
    }
    let bar = ProgressBar()
    return try ReportEngine(
      repository: repository, config: config, traces: traces, useCache: !noCache,
      progress: showsProgress ? bar.update : { _ in })
  }

  /// A progress bar goes to stderr when it is a terminal, unless `--no-progress`.
  var showsProgress: Bool { !noProgress && isatty(STDERR_FILENO) == 1 }

  /// Saves the cache and prints its statistics when asked.
  func finish(_ engine: ReportEngine) throws {
    if showsProgress { ProgressBar.clear() }
    if let warning = engine.finish() { try writeError("paddock: warning: \(warning)\n") }
    if cacheStats {
      let statistics = engine.cache.statistics
      try writeError(
        "cache: commits \(statistics.commitsFromCache) cached, \(statistics.commitsFromGit) read; changes \(statistics.changesFromCache) cached, \(statistics.changesFromGit) diffed; classifications \(statistics.classificationsFromCache) cached, \(statistics.classificationsComputed) computed; damaged files \(statistics.damagedFiles)\n"
      )
    }
  }

  /// Opens the repository and its configuration, runs `body` with a report engine, saves what the cache
  /// learned, and writes the text `body` returns to stdout.
  func run(
    _ options: RepositoryOptions,
    _ body: (_ repository: Repository, _ config: PaddockConfig, _ engine: ReportEngine) throws -> String
  ) throws {
    try reportingErrors {
      let repository = try options.openRepository()
      let config = try options.loadConfig(for: repository)
      let engine = try engine(repository, config)
      let text = try body(repository, config, engine)
      try finish(engine)
      try writeReport(text, to: output)
    }
  }

  func render(table: ReportTable, json: () throws -> String, html: () -> HTMLReport) throws -> String {
    switch format {
    case .text: table.text
    case .json: try json()
    case .csv: table.csv
    case .markdown: table.markdown
    case .html: HTMLReportRenderer.render(html())
    default:
      throw OutputFormat.Unsupported(format: format, menu: .report)
    }
  }
}

extension TrendPeriod: ExpressibleByArgument {}

extension Paddock.Report {
  struct Release: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The lines each release added that survive at its end, by authorship.",
      discussion: """
        For RANGE `A..B`: the lines of the selected files at B whose last change (by blame) is a commit in A..B, \
        each counted for that commit's authorship (a git-ai note or Agent Trace record on the line overrides it). \
        With --copies (or report.copies), blame follows moved and copied lines exactly as `git blame -M<n> -C<n>` \
        does (any-commit is `git blame -M<n> -C<n> -C -C`). \
        With --tags PATTERN (or report.tags in .paddock.yml), one row per pair of consecutive tags matching \
        PATTERN, ordered by commit date, e.g. --tags 'v*.*.0'.
        """)

    @Argument(help: "The range `A..B` (or `A`, meaning A..HEAD).")
    var range: String?

    @Option(help: ArgumentHelp("One row per pair of consecutive tags matching this glob.", valueName: "pattern"))
    var tags: String?

    @OptionGroup var copies: CopyOptions

    @OptionGroup var report: ReportOptions

    @OptionGroup var options: RepositoryOptions

    func validate() throws {
      if range != nil, tags != nil { throw ValidationError("give either RANGE or --tags, not both") }
    }

    func run() throws {
      try report.run(options) { repository, config, engine in
        let ranges: [NamedRange]
        if let range {
          ranges = [try NamedRange.range(range, in: repository)]
        } else if let pattern = tags ?? config.report.tags {
          ranges = try NamedRange.consecutiveTags(pattern, in: repository)
        } else {
          throw CLIError.missingReleaseRange
        }
        let last = try ranges.last?.range.head ?? repository.resolveCommit("HEAD")
        let result = try engine.release(
          ranges, selection: try report.selection(config, repository, at: last),
          copies: copies.detection(over: config.report.copies))
        return try report.render(table: result.table, json: { try JSONRenderer.render(result) }) {
          HTMLReport(title: "AI share per release", subtitle: repositoryName(repository), releases: result)
        }
      }
    }
  }

  struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Every line of the selected files at a revision, by authorship, directory, agent, model and author.")

    @Argument(help: "The revision (default HEAD).")
    var revision: String = "HEAD"

    @OptionGroup var copies: CopyOptions

    @OptionGroup var report: ReportOptions

    @OptionGroup var options: RepositoryOptions

    func run() throws {
      try report.run(options) { repository, config, engine in
        let snapshot = try NamedRange.history(revision, in: repository)
        let head = snapshot.range.head
        let result = try engine.release(
          [snapshot], selection: try report.selection(config, repository, at: head),
          copies: copies.detection(over: config.report.copies))
        return try report.render(table: result.table, json: { try JSONRenderer.render(result) }) {
          HTMLReport(
            title: "Who wrote \(revision)", subtitle: "\(repositoryName(repository)) at \(head.abbreviated())",
            releases: result)
        }
      }
    }
  }

  struct Trends: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "AI and human commits, added lines, agents, models and review coverage per week or month.")

    @Argument(help: "A revision (its whole history) or a range `A..B` (default HEAD).")
    var range: String = "HEAD"

    @Option(help: "week or month (default: report.period in .paddock.yml, else month).")
    var period: TrendPeriod?

    @OptionGroup var report: ReportOptions

    @OptionGroup var options: RepositoryOptions

    func run() throws {
      try report.run(options) { repository, config, engine in
        let resolved = try NamedRange.history(range, in: repository).range
        let result = try engine.trends(resolved, period: period ?? config.report.period)
        return try report.render(table: result.table, json: { try JSONRenderer.render(result) }) {
          HTMLReport(title: "AI work over time", subtitle: "\(repositoryName(repository)) \(range)", trends: result)
        }
      }
    }
  }

  struct Failures: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Where later fixes landed: on AI-introduced or human-introduced lines (the SZZ method).",
      discussion: """
        Fix commits are those with a `Fixes: <sha>` trailer and those whose subject matches a pattern \
        (--fix-pattern, else report.fix-patterns in .paddock.yml, else \(FixMatcher.defaultPatterns.joined(separator: " and "))). \
        The lines each fix removes or changes are blamed in its parent to find the commits that introduced them. \
        Where a Fixes: trailer names the culprit, the report measures how often the blamed commits include it.
        """)

    @Argument(help: "A revision (its whole history) or a range `A..B` whose fixes to analyse (default HEAD).")
    var range: String = "HEAD"

    @Option(
      name: .customLong("fix-pattern"),
      help: ArgumentHelp(
        "A regular expression for fix subjects (repeatable; replaces the defaults).", valueName: "regex"))
    var fixPatterns: [String] = []

    @OptionGroup var report: ReportOptions

    @OptionGroup var options: RepositoryOptions

    func run() throws {
      try report.run(options) { repository, config, engine in
        let resolved = try NamedRange.history(range, in: repository).range
        let matcher = try FixMatcher(
          patterns: fixPatterns.isEmpty ? config.report.fixPatterns ?? FixMatcher.defaultPatterns : fixPatterns)
        let result = try engine.failures(resolved, matcher: matcher)
        return try report.render(table: result.table, json: { try JSONRenderer.render(result) }) {
          HTMLReport(
            title: "Where the fixes landed", subtitle: "\(repositoryName(repository)) \(range)", failures: result)
        }
      }
    }
  }

  struct AgentTrace: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "agent-trace",
      abstract: "Export a range's line attribution as an Agent Trace record (v0.1.0), one JSON line.",
      discussion: """
        The record names the surviving lines the range's commits introduced, numbered as at the range's end \
        (vcs.revision), grouped by file and contributor. Append it to .agent-trace/traces.jsonl to share it; \
        Paddock reads such records back as line-level evidence.
        """)

    @Argument(help: "The range `A..B`, or a revision for all its lines (default HEAD).")
    var range: String = "HEAD"

    @OptionGroup var report: ReportOptions

    @OptionGroup var options: RepositoryOptions

    func run() throws {
      try report.run(options) { repository, config, engine in
        let named = try NamedRange.history(range, in: repository)
        let record = try engine.agentTrace(
          named, selection: try report.selection(config, repository, at: named.range.head),
          toolVersion: PaddockVersion.current)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(record), as: UTF8.self) + "\n"
      }
    }
  }

  struct HTML: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "html",
      abstract: "One self-contained HTML page: who wrote the tree, AI share over time, per release, and fixes.")

    @Argument(help: "The revision to report on (default HEAD).")
    var revision: String = "HEAD"

    @Option(
      help: ArgumentHelp("Add a per-release chart for consecutive tags matching this glob.", valueName: "pattern"))
    var tags: String?

    @Option(help: "week or month for the chart over time (default: report.period, else month).")
    var period: TrendPeriod?

    @OptionGroup var report: ReportOptions

    @OptionGroup var options: RepositoryOptions

    func validate() throws {
      guard report.format == .text || report.format == .html else {
        throw ValidationError(
          "`report html` writes one HTML page only; for \(report.format.rawValue) use `paddock report snapshot --format \(report.format.rawValue)` (or release, trends, failures)"
        )
      }
    }

    func run() throws {
      try report.run(options) { repository, config, engine in
        let head = try repository.resolveCommit(revision)
        let whole = ResolvedRange(base: nil, head: head, label: revision)
        let selection = try report.selection(config, repository, at: head)
        // Releases first (when asked), the whole tree last: its row feeds the charts by directory and agent.
        let ranges =
          try (tags ?? config.report.tags).map { try NamedRange.consecutiveTags($0, in: repository) } ?? []
        let releases = try engine.release(
          ranges + [NamedRange(start: nil, end: revision, range: whole)], selection: selection,
          copies: config.report.copies)
        let trends = try engine.trends(whole, period: period ?? config.report.period)
        let failures = try engine.failures(
          whole, matcher: try FixMatcher(patterns: config.report.fixPatterns ?? FixMatcher.defaultPatterns))
        return HTMLReportRenderer.render(
          HTMLReport(
            title: "Who wrote \(repositoryName(repository))", subtitle: "at \(revision) (\(head.abbreviated()))",
            releases: releases, trends: trends, failures: failures))
      }
    }
  }
}

extension Paddock.Report {
  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "merge",
      abstract: "Combine the JSON reports of many repositories into one organisation report.",
      discussion: """
        Reads the JSON of `paddock report snapshot` or of `paddock report release A..B` (schema \
        paddock.release/1), one file per repository and one range per file, all snapshots or all releases, made \
        with the same options. Each repository is a row named after its file (app.json: app); the totals add \
        the lines, so the AI share is weighted by lines; reviewed AI commits and agents are summed across \
        repositories. JSON output has schema paddock.organisation/1.

        Example: paddock report merge reports/*.json --format html -o organisation.html
        """)

    @Argument(help: ArgumentHelp("The reports to merge (JSON of report snapshot or release).", valueName: "file"))
    var files: [String] = []

    @Option(help: OutputFormat.Menu.report.help, transform: OutputFormat.Menu.report.parse)
    var format: OutputFormat = .text

    @Option(
      name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of stdout.", valueName: "file"))
    var output: String?

    func validate() throws {
      guard !files.isEmpty else {
        throw ValidationError(
          "give the JSON reports to merge, e.g. `paddock report merge app.json api.json` (each from `paddock report snapshot --format json -o app.json`)"
        )
      }
    }

    func run() throws {
      try reportingErrors {
        var inputs: [(file: String, data: Data)] = []
        for file in files {
          var isDirectory: ObjCBool = false
          guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
            let data = FileManager.default.contents(atPath: file)
          else { throw ReportMergeError.unreadable(file: file) }
          inputs.append((file, data))
        }
        let report = try OrganisationReport.merge(inputs)
        let text: String
        switch format {
        case .text: text = report.table.text
        case .json: text = try JSONRenderer.render(report)
        case .csv: text = report.table.csv
        case .markdown: text = report.table.markdown
        case .html: text = HTMLReportRenderer.render(report)
        default:
          throw OutputFormat.Unsupported(format: format, menu: .report)
        }
        try writeReport(text, to: output)
      }
    }
  }
}

/// The repository's directory name, for report titles.
func repositoryName(_ repository: Repository) -> String {
  let path = repository.workingDirectory ?? repository.commonDirectory
  return URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
}

/// A one-line progress bar on stderr, redrawn at most every 100 ms.
final class ProgressBar {
  private var last = ContinuousClock.now - .seconds(1)

  func update(_ progress: ReportProgress) {
    guard progress.total > 0 else { return }
    let now = ContinuousClock.now
    guard progress.done == progress.total || now - last >= .milliseconds(100) else { return }
    last = now
    let width = 30
    let filled = progress.done * width / progress.total
    let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
    try? writeError("\r\u{1B}[2K\(progress.phase) [\(bar)] \(progress.done)/\(progress.total)")
  }

  static func clear() { try? writeError("\r\u{1B}[2K") }
}
