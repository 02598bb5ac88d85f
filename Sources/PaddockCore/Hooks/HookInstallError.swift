import Foundation
import PaddockGit

/// A hook Paddock will not touch without being told to.
package struct HookInstallError: Error, Sendable, Equatable, CustomStringConvertible {
  package var description: String
}
