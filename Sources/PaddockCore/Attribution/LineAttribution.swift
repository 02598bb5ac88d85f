import PaddockGit

/// One added line and who wrote it.
public struct LineAttribution: Sendable, Codable, Hashable {
  public var path: String
  /// The line's number in the new file.
  public var line: Int
  /// The commit that introduced the line (full id), or nil for boundary lines.
  public var commit: ObjectID?
  public var authorship: Authorship
  public var agent: String?
  public var model: String?
  public var source: AttributionSource
  public var text: String
}
