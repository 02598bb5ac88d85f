import Foundation
import PaddockChange
import PaddockCore
import PaddockGit

/// A run of consecutive lines of one file at a revision, all introduced by one commit and attributed alike.
package struct SurvivingRun: Sendable, Hashable {
  package var path: String
  /// The first line's number at the revision (1-based).
  package var line: Int
  package var count: Int
  /// Index of the introducing commit in the history.
  package var commit: Int32
  package var authorship: Authorship
  package var agent: String?
  package var model: String?
  /// Where the attribution came from: the commit's label, a git-ai note or an Agent Trace record.
  package var source: AttributionSource
}
