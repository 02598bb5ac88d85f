import ArgumentParser
import PaddockCore

extension Paddock {
  struct Agents: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the agents and markers Paddock recognises, with .paddock.yml applied.")

    @OptionGroup var options: RepositoryOptions

    func run() async throws {
      try reportingErrors {
        var catalogue = AgentCatalogue.builtin
        if let repository = try? options.openRepository() {
          catalogue = try options.loadConfig(for: repository).catalogue()
        }
        var out = ""
        for agent in catalogue.agents {
          out += "\(agent.id)  \(agent.name)\(catalogue.disabled.contains(agent.id) ? "  (disabled)" : "")\n"
          for marker in agent.markers {
            let state = catalogue.isEnabled(marker, of: agent) ? "" : "  (disabled)"
            let keys = marker.keys.isEmpty ? "" : " [\(marker.keys.joined(separator: ", "))]"
            out += "  \(marker.id)  \(marker.kind.rawValue)\(keys) \(marker.pattern)\(state)\n"
          }
        }
        out += "\nhuman review trailers: \(catalogue.reviewTrailers.joined(separator: ", "))\n"
        try writeOut(out)
      }
    }
  }
}
