import ArgumentParser
import PaddockCore

extension Paddock {
  struct Attribute: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show who wrote every line a range adds: an AI agent or a person.",
      discussion: """
        RANGE is `A..B`, `A...B`, or `A` (meaning `A..HEAD`). Without a range, Paddock uses the \
        current branch's upstream, else the default branch, up to HEAD. The added lines are those \
        of `git diff $(git merge-base A B) B`; each is traced to the commit in A..B that introduced it.
        """)

    @OptionGroup var rangeOptions: RangeOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var copies: CopyOptions

    @OptionGroup var output: OutputFileOption

    @OptionGroup var options: RepositoryOptions

    func run() async throws {
      try reportingErrors {
        let repository = try options.openRepository()
        let config = try options.loadConfig(for: repository)
        let resolved = try rangeOptions.resolve(in: repository)
        var attributor = try Attributor(repository: repository, config: config)
        attributor.copies = copies.detection()
        let report: RangeAttribution
        do {
          report = try attributor.attribute(resolved)
        } catch AttributionError.emptyRange(let label) {
          // Not an error: say so, on standard error for JSON so that standard output holds only JSON.
          let message = "\(Escape.terminal(label)): nothing to attribute (the range has no commits)\n"
          try format == .text ? writeOut(message) : writeError("paddock: " + message)
          return
        }
        let text =
          switch format {
          case .text:
            AttributionTextRenderer(colour: output.output == nil && options.useColour()).render(
              report, label: resolved.label)
          case .json: try JSONRenderer.render(report)
          }
        try writeReport(text, to: output.output)
      }
    }
  }
}
