import ArgumentParser
import PaddockCore
import PaddockGit

extension Paddock {
  struct Agents: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the agents and markers Paddock recognises, with .paddock.yml applied.",
      subcommands: [List.self, Audit.self], defaultSubcommand: List.self)
  }
}

extension Paddock.Agents {
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the agents, bots and markers Paddock recognises, with .paddock.yml applied.")

    @OptionGroup var options: RepositoryOptions

    func run() throws {
      try reportingErrors {
        var catalogue = AgentCatalogue.builtin
        if let repository = try? options.openRepository() {
          catalogue = try options.loadConfig(for: repository).catalogue()
        }
        var out = ""
        func list(_ agents: [AgentDefinition]) {
          for agent in agents {
            out += "\(agent.id)  \(agent.name)\(catalogue.disabled.contains(agent.id) ? "  (disabled)" : "")\n"
            for marker in agent.markers {
              let state = catalogue.isEnabled(marker, of: agent) ? "" : "  (disabled)"
              let keys = marker.keys.isEmpty ? "" : " [\(marker.keys.joined(separator: ", "))]"
              out += "  \(marker.id)  \(marker.kind.rawValue)\(keys) \(marker.pattern)\(state)\n"
            }
          }
        }
        list(catalogue.agents.filter { !$0.isBot })
        out += "\nbots (automation, not AI agents; their commits are `bot`):\n"
        list(catalogue.agents.filter(\.isBot))
        out += "\nhuman review trailers: \(catalogue.reviewTrailers.joined(separator: ", "))"
        out += catalogue.independentReview ? " (not by the commit's author or committer)\n" : "\n"
        try writeOut(out)
      }
    }
  }
}

extension Paddock.Agents {
  struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Check Paddock on a history before trusting it: commits per agent and bot, the evidence behind them, and identities, trailers and lines that look like an agent or a bot but matched nothing.",
      discussion: "RANGE defaults to HEAD's whole history.")

    @OptionGroup var options: RepositoryOptions

    @Argument(help: "The commits to audit (`A..B`, or a revision for its whole history); default HEAD.")
    var range: String = "HEAD"

    @Option(help: OutputFormat.Menu.attribution.help, transform: OutputFormat.Menu.attribution.parse)
    var format: OutputFormat = .text

    func run() throws {
      try reportingErrors {
        let repository = try options.openRepository()
        let classifier = try CommitClassifier(catalogue: try options.loadConfig(for: repository).catalogue())
        let ids: [ObjectID]
        if range.contains("..") {
          let resolved = try RangeResolver.resolve(in: repository, range: range, base: nil, head: nil)
          ids = try repository.walk(include: [resolved.head], exclude: resolved.base.map { [$0] } ?? [])
        } else {
          ids = try repository.walk(include: [try repository.resolveCommit(range)])
        }
        var audit = AgentAudit()
        for id in ids {
          let commit = try repository.commit(id)
          audit.add(commit, classifier.classify(commit))
        }
        switch format {
        case .text: try writeOut(audit.text)
        case .json: try writeOut(try JSONRenderer.render(audit))
        default:
          throw OutputFormat.Unsupported(format: format, menu: .attribution)
        }
      }
    }
  }
}
