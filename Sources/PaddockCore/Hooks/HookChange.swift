import Foundation
import PaddockGit

/// What `paddock hook install` or `uninstall` did to one hook.
package struct HookChange: Sendable, Hashable, CustomStringConvertible {
  package var hook: String
  package var path: String
  package var action: String

  package var description: String { "\(hook): \(action) (\(path))" }
}
