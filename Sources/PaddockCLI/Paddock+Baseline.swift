import ArgumentParser
import Foundation
import PaddockChange
import PaddockCore

extension Paddock {
  struct Baseline: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "baseline",
      abstract: "Record today's findings so that `paddock review` reports only new ones.",
      discussion: """
        Without a range, every file at HEAD is reviewed with every rule, whoever wrote it, and the \
        fingerprints of the findings are written to the baseline file (.paddock-baseline.json at the \
        repository root, or `baseline:` in .paddock.yml). Commit the file; `paddock review` then lists \
        those findings as suppressed. Fingerprints follow the rule, the path and the line's text, so \
        moving a line keeps it baselined and editing it does not.
        """)

    @Argument(help: "Record the findings of this range instead of the whole tree.")
    var range: String?

    @Option(help: ArgumentHelp("Write to <file> instead of the configured baseline file.", valueName: "file"))
    var output: String?

    @OptionGroup var options: RepositoryOptions

    func run() throws {
      try reportingErrors {
        let repository = try options.openRepository()
        let config = try options.loadConfig(for: repository)
        let pipeline = try ReviewPipeline(repository: repository, config: config)
        let resolved = try range.map { try RangeResolver.resolve(in: repository, range: $0, base: nil, head: nil) }
        let head = try resolved?.head ?? repository.resolveCommit("HEAD")
        let findings: [Finding]
        do {
          findings = try pipeline.baselineFindings(range: resolved, head: head)
        } catch AttributionError.emptyRange(let label) {
          try writeError(
            "paddock: \(Escape.terminal(label)): nothing to record (the range has no commits); the baseline is unchanged\n"
          )
          return
        }
        guard let path = try output ?? pipeline.baselinePath() else {
          throw CLIError.bareRepository(.baseline)
        }
        let baseline = PaddockCore.Baseline(findings: findings)
        try write(try JSONRenderer.render(baseline), to: path)
        try writeError(
          "paddock: recorded \(baseline.entries.count) finding\(baseline.entries.count == 1 ? "" : "s") in \(path)\n")
      }
    }
  }
}
