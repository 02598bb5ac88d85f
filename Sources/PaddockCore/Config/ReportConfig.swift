import Foundation
import Yams

/// The `report:` section: what a project's published figures count, so anyone can reproduce them.
public struct ReportConfig: Sendable, Hashable {
  /// Globs of files to count (all when empty) and to leave out; the command line adds to these.
  public var include: [String] = []
  public var exclude: [String] = []
  /// The tag pattern `paddock report release` uses when given no range.
  public var tags: String?
  /// Subject-line patterns that mark fix commits; nil keeps the defaults.
  public var fixPatterns: [String]?
  public var period: TrendPeriod = .month
  /// Whether release and snapshot figures follow moved and copied lines (`copies`, `move-threshold`,
  /// `copy-threshold`, as `git blame -M<n> -C<n>`); off by default.
  public var copies = CopyDetection.off

  public init() {}
}
