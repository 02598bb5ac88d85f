import PaddockGit

/// Lines per agent and model.
package struct AgentTally: Sendable, Codable, Hashable {
  package var agent: String
  package var name: String
  package var model: String?
  package var lines: Int
  package var commits: Int
}
