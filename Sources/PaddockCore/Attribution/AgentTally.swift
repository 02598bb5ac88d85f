import PaddockGit

/// Lines per agent and model.
public struct AgentTally: Sendable, Codable, Hashable {
  public var agent: String
  public var name: String
  public var model: String?
  public var lines: Int
  public var commits: Int
}
