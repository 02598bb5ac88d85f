import PaddockGit

/// The result of `paddock blame`.
package struct FileBlame: Sendable, Codable, Hashable {
  package static let schemaID = "paddock.blame/1"
  package var schema: String = FileBlame.schemaID
  package var path: String
  package var revision: String
  package var lines: [BlameLine]
}
