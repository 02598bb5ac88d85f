import PaddockGit

/// One line of `paddock blame`: `git blame` plus who wrote it.
public struct BlameLine: Sendable, Codable, Hashable {
  public var path: String
  /// The line's number in the blamed file.
  public var line: Int
  public var commit: ObjectID
  public var authorship: Authorship
  public var agent: String?
  public var model: String?
  public var authorName: String
  public var authorEmail: String
  public var time: Int64
  /// The line's number and path in `commit` (they differ after edits above it or a rename).
  public var originalLine: Int
  public var originalPath: String
  /// Whether the line comes from the oldest commit considered rather than a change.
  public var boundary: Bool
  public var text: String

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
