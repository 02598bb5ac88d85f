import Foundation
import PaddockCore
import PaddockGit

/// A run of consecutive lines of one file at a revision, all introduced by one commit and attributed alike.
public struct SurvivingRun: Sendable, Hashable {
  public var path: String
  /// The first line's number at the revision (1-based).
  public var line: Int
  public var count: Int
  /// Index of the introducing commit in the history.
  public var commit: Int32
  public var authorship: Authorship
  public var agent: String?
  public var model: String?
  /// Where the attribution came from: the commit's label, a git-ai note or an Agent Trace record.
  public var source: AttributionSource
}
