import Foundation
import Yams

/// The `hooks:` section of `.paddock.yml`.
public struct HooksConfig: Sendable, Hashable {
  /// The pre-push hook blocks when no `paddock` binary is found (the shell script reads this too).
  public var required = false
  /// The trailer `prepare-commit-msg` adds: `<trailer>: <agent name>`.
  public var trailer = "Assisted-by"
  /// Whether the built-in session variables count; the repository's own `sessions` always do.
  public var detectAgents = true
  public var sessions: [SessionVariable] = []

  public init() {}
}
