/// A mapping of one exact identity to an agent, for bot accounts and people's AI aliases.
package struct IdentityAlias: Sendable, Hashable {
  /// `Name <email>`; the name compares exactly, the e-mail case-insensitively.
  package var identity: String
  /// The agent id this identity stands for.
  package var agent: String
  package var model: String?

  package init(identity: String, agent: String, model: String? = nil) {
    self.identity = identity
    self.agent = agent
    self.model = model
  }
}

/// The agents to recognise, with a repository's additions and switches applied.
package struct AgentCatalogue: Sendable, Hashable {
  package var agents: [AgentDefinition]
  package var aliases: [IdentityAlias]
  /// Marker ids (`claude-code/generated-with`) or whole agent ids (`aider`) that are off.
  package var disabled: Set<String>
  /// Trailer keys that mean a person reviewed the change (compared case-insensitively).
  package var reviewTrailers: [String]
  /// Whether a review must come from someone other than the commit's author and committer
  /// (`policy.review.independent`, on by default).
  package var independentReview = true

  package init(
    agents: [AgentDefinition], aliases: [IdentityAlias] = [], disabled: Set<String> = [], reviewTrailers: [String]
  ) {
    self.agents = agents
    self.aliases = aliases
    self.disabled = disabled
    self.reviewTrailers = reviewTrailers
  }

  /// The built-in catalogue with `Reviewed-by:` and `Acked-by:` as human review.
  package static let builtin = AgentCatalogue(
    agents: BuiltinAgents.all + BuiltinBots.all, reviewTrailers: ["Reviewed-by", "Acked-by"])

  /// Adds agents, replacing built-in ones with the same id.
  package mutating func add(_ definitions: [AgentDefinition]) {
    for definition in definitions {
      if let index = agents.firstIndex(where: { $0.id == definition.id }) {
        agents[index] = definition
      } else {
        // New agents go before the policy pseudo-agent so they win ties.
        let policyIndex = agents.firstIndex(where: { $0.id == "declared" }) ?? agents.endIndex
        agents.insert(definition, at: policyIndex)
      }
    }
  }

  /// Whether a marker is switched on (neither it nor its agent is disabled).
  package func isEnabled(_ marker: AgentMarker, of agent: AgentDefinition) -> Bool {
    !disabled.contains(marker.id) && !disabled.contains(agent.id)
  }

  /// The agent with this id, if catalogued.
  package func agent(id: String) -> AgentDefinition? { agents.first { $0.id == id } }

  /// Every marker id, for validating configuration.
  package var markerIDs: Set<String> { Set(agents.flatMap { $0.markers.map(\.id) }) }
}
