import Foundation
import Yams

/// `review-notes:` in `.paddock.yml`: where `paddock ci` records merged pull requests' approvals, and where
/// reports read them.
public struct ReviewNotesConfig: Sendable, Hashable {
  /// The notes ref.
  public var reference = ReviewNote.defaultReference
  /// Whether `paddock ci` records approvals after a push to the default branch.
  public var record = true
  /// Whether it then pushes the notes ref (as `--push-notes` does).
  public var push = false
  /// The remote it fetches the notes ref from and pushes it to.
  public var remote = "origin"

  public init() {}
}
