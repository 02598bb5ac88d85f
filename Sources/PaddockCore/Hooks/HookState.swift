import Foundation
import PaddockGit

/// One hook's state, for `paddock hook status`.
package struct HookState: Sendable, Hashable {
  package var hook: String
  package var path: String
  package var installed: Bool
  /// The hook Paddock runs first, when it kept one that was there before.
  package var chained: String?
  /// A hook that is there but is not Paddock's.
  package var foreign: Bool
}
