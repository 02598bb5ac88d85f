import Foundation
import Yams

/// `review-notes:` in `.paddock.yml`: where `paddock ci` records merged pull requests' approvals, and where
/// reports read them.
package struct ReviewNotesConfig: Sendable, Hashable {
  /// The notes ref.
  package var reference = ReviewNote.defaultReference
  /// Whether `paddock ci` records approvals after a push to the default branch.
  package var record = true
  /// Whether it then pushes the notes ref (as `--push-notes` does).
  package var push = false
  /// The remote it fetches the notes ref from and pushes it to.
  package var remote = "origin"

  package init() {}
}
