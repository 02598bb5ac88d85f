import Foundation
import Yams

/// The `hooks:` section of `.paddock.yml`.
package struct HooksConfig: Sendable, Hashable {
  /// The pre-push hook blocks when no `paddock` binary is found (the shell script reads this too).
  package var required = false
  /// The trailer `prepare-commit-msg` adds: `<trailer>: <agent name>`.
  package var trailer = "Assisted-by"
  /// Whether the built-in session variables count; the repository's own `sessions` always do.
  package var detectAgents = true
  package var sessions: [SessionVariable] = []

  package init() {}
}
