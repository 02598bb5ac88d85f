import PaddockChange
import PaddockGit

/// One line of `paddock blame`: `git blame` plus who wrote it.
package struct BlameLine: Sendable, Codable, Hashable {
  package var path: String
  /// The line's number in the blamed file.
  package var line: Int
  package var commit: ObjectID
  package var authorship: Authorship
  package var agent: String?
  package var model: String?
  package var authorName: String
  package var authorEmail: String
  package var time: Int64
  /// The line's number and path in `commit` (they differ after edits above it or a rename).
  package var originalLine: Int
  package var originalPath: String
  /// Whether the line comes from the oldest commit considered rather than a change.
  package var boundary: Bool
  package var text: String

  enum CodingKeys: String, CodingKey {
    case path
    case line
    case commit
    case authorship
    case agent
    case model
    case authorName = "author_name"
    case authorEmail = "author_email"
    case time
    case originalLine = "original_line"
    case originalPath = "original_path"
    case boundary
    case text
  }
}
