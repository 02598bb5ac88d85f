import Foundation
import Yams

/// The `report:` section: what a project's published figures count, so anyone can reproduce them.
package struct ReportConfig: Sendable, Hashable {
  /// Globs of files to count (all when empty) and to leave out; the command line adds to these.
  package var include: [String] = []
  package var exclude: [String] = []
  /// The tag pattern `paddock report release` uses when given no range.
  package var tags: String?
  /// Subject-line patterns that mark fix commits; nil keeps the defaults.
  package var fixPatterns: [String]?
  package var period: TrendPeriod = .month
  /// Whether release and snapshot figures follow moved and copied lines (`copies`, `move-threshold`,
  /// `copy-threshold`, as `git blame -M<n> -C<n>`); off by default.
  package var copies = CopyDetection.off

  package init() {}
}
