import PaddockChange
import PaddockGit

/// One added line and who wrote it.
package struct LineAttribution: Sendable, Codable, Hashable {
  package var path: String
  /// The line's number in the new file.
  package var line: Int
  /// The commit that introduced the line (full id), or nil for boundary lines.
  package var commit: ObjectID?
  package var authorship: Authorship
  package var agent: String?
  package var model: String?
  package var source: AttributionSource
  package var text: String
}
