import ArgumentParser
import Foundation
import PaddockCore
import PaddockGit

extension Paddock {
  struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Attribution reports: how much of a release, or of the tree, an AI wrote.",
      subcommands: [Release.self, Snapshot.self])
  }
}

/// `--include`, `--exclude` and `--format`, shared by the report commands.
struct ReportOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp("Count only files matching this glob (repeatable; default: every file).", valueName: "glob"))
  var include: [String] = []

  @Option(help: ArgumentHelp("Leave out files matching this glob (repeatable).", valueName: "glob"))
  var exclude: [String] = []

  @Option(help: "Output format: text, json, csv or markdown.")
  var format: ReportFormat = .text

  func selection() throws -> FileSelection {
    do {
      return try FileSelection(include: include, exclude: exclude)
    } catch {
      throw CLIError("bad glob in --include or --exclude: \(error.problem); close every `[` and `{`")
    }
  }

  func render(_ report: ReleaseReport) throws -> String {
    switch format {
    case .text: ReleaseRenderer.text(report)
    case .json: try JSONRenderer.render(report)
    case .csv: ReleaseRenderer.csv(report)
    case .markdown: ReleaseRenderer.markdown(report)
    }
  }
}

enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
  case text, json, csv, markdown
}

extension Paddock.Report {
  struct Release: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The lines each release added that survive at its end, by authorship.",
      discussion: """
        For RANGE `A..B`: the lines of the selected files at B whose last change (by blame) is a commit in A..B, \
        each counted for that commit's authorship (a git-ai note on the line overrides it). With --tags PATTERN, \
        one row per pair of consecutive tags matching PATTERN (ordered by commit date), e.g. --tags 'v*.*.0'.
        """)

    @Argument(help: "The range `A..B` (or `A`, meaning A..HEAD).")
    var range: String?

    @Option(help: ArgumentHelp("One row per pair of consecutive tags matching this glob.", valueName: "pattern"))
    var tags: String?

    @OptionGroup var report: ReportOptions

    @OptionGroup var options: RepositoryOptions

    func validate() throws {
      if range != nil, tags != nil { throw ValidationError("give either RANGE or --tags, not both") }
      if range == nil, tags == nil { throw ValidationError("give a RANGE such as v1.0..v1.1, or --tags 'v*'") }
    }

    func run() async throws {
      try reportingErrors {
        let repository = try options.openRepository()
        let config = try options.loadConfig(for: repository)
        let attributor = try Attributor(repository: repository, config: config)
        let selection = try report.selection()
        var ranges: [(start: String, end: String, range: ResolvedRange)] = []
        if let tags {
          var found: [(name: String, commit: ObjectID, time: Int64)] = []
          for reference in try repository.references(matching: "refs/tags/\(tags)") {
            let commit = try repository.commit(reference.commit)
            found.append(
              (String(reference.name.dropFirst("refs/tags/".count)), reference.commit, commit.committer.time))
          }
          found.sort { ($0.time, $0.name) < ($1.time, $1.name) }
          guard found.count >= 2 else {
            throw CLIError(
              "--tags '\(tags)' matches \(found.count) tag\(found.count == 1 ? "" : "s"); a release needs two (check `git tag -l '\(tags)'`)"
            )
          }
          for (from, to) in zip(found, found.dropFirst()) {
            ranges.append(
              (from.name, to.name, ResolvedRange(base: from.commit, head: to.commit, label: "\(from.name)..\(to.name)"))
            )
          }
        } else if let range {
          let resolved = try RangeResolver.resolve(in: repository, range: range, base: nil, head: nil)
          // The label is always `A..B` or `A...B`.
          let parts = resolved.label.components(separatedBy: resolved.label.contains("...") ? "..." : "..")
          ranges.append((parts.first ?? range, parts.last ?? "HEAD", resolved))
        }
        let rows = try ranges.map { item in
          ReleaseRow(
            attribution: try attributor.attribute(item.range), start: item.start, end: item.end, selection: selection)
        }
        writeOut(try report.render(ReleaseReport(include: report.include, exclude: report.exclude, releases: rows)))
      }
    }
  }

  struct Snapshot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Every line of the selected files at a revision, by authorship, directory, agent, model and author.")

    @Argument(help: "The revision (default HEAD).")
    var revision: String = "HEAD"

    @OptionGroup var report: ReportOptions

    @OptionGroup var options: RepositoryOptions

    func run() async throws {
      try reportingErrors {
        let repository = try options.openRepository()
        let config = try options.loadConfig(for: repository)
        let attributor = try Attributor(repository: repository, config: config)
        let head = try repository.resolveCommit(revision)
        let attribution = try attributor.attribute(ResolvedRange(base: nil, head: head, label: revision))
        let row = ReleaseRow(attribution: attribution, start: nil, end: revision, selection: try report.selection())
        writeOut(try report.render(ReleaseReport(include: report.include, exclude: report.exclude, releases: [row])))
      }
    }
  }
}
