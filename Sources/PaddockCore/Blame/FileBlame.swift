import PaddockGit

/// The result of `paddock blame`.
public struct FileBlame: Sendable, Codable, Hashable {
  public static let schemaID = "paddock.blame/1"
  public var schema: String = FileBlame.schemaID
  public var path: String
  public var revision: String
  public var lines: [BlameLine]
}
