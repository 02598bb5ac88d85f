import ArgumentParser
import PaddockCore

extension Paddock {
  struct Attribute: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show who wrote every line a range adds: an AI agent or a person.",
      discussion: """
        RANGE is `A..B`, `A...B`, or `A` (meaning `A..HEAD`). Without a range, Paddock uses the \
        current branch's upstream, else the default branch, up to HEAD. The added lines are those \
        of `git diff $(git merge-base A B) B`; each is traced to the commit in A..B that introduced it.
        """)

    @OptionGroup var rangeOptions: RangeOptions

    @Option(help: OutputFormat.Menu.attribution.help, transform: OutputFormat.Menu.attribution.parse)
    var format: OutputFormat = .text

    @OptionGroup var copies: CopyOptions

    @OptionGroup var output: OutputFileOption

    @OptionGroup var options: RepositoryOptions

    func run() throws {
      try reportingErrors {
        let repository = try options.openRepository()
        let config = try options.loadConfig(for: repository)
        let resolved = try rangeOptions.resolve(in: repository)
        var attributor = try Attributor(repository: repository, config: config)
        attributor.copies = copies.detection()
        // The files are written as they are worked out: a whole history's lines are never all in memory.
        do {
          try OutputChannel.writing(to: output.output) { channel in
            switch format {
            case .text:
              var stream: AttributionTextRenderer.Stream?
              try attributor.attribute(resolved) { summary in
                let renderer = AttributionTextRenderer.Stream(
                  AttributionTextRenderer(colour: output.output == nil && options.useColour()), summary: summary,
                  label: resolved.label)
                stream = renderer
                try channel.write(renderer.header())
              } file: { file in
                if let stream { try channel.write(stream.file(file)) }
              }
              if let stream { try channel.write(stream.footer()) }
            case .json:
              var stream: AttributionJSONStream?
              try attributor.attribute(resolved) { summary in
                let renderer = try AttributionJSONStream(summary: summary)
                stream = renderer
                try channel.write(renderer.prefix)
              } file: { file in
                try channel.write(try stream?.file(file) ?? "")
              }
              if let stream { try channel.write(stream.suffix()) }
            default:
              throw OutputFormat.Unsupported(format: format, menu: .attribution)
            }
          }
        } catch AttributionError.emptyRange(let label) {
          // Not an error: say so, on standard error for JSON so that standard output holds only JSON.
          let message = "\(Escape.terminal(label)): nothing to attribute (the range has no commits)\n"
          try format == .text ? writeOut(message) : writeError("paddock: " + message)
          return
        }
      }
    }
  }
}
