import Foundation
import PaddockGit

/// Where a repository's git hooks live, and how Paddock's hooks go there.
package struct HookLocation: Sendable, Hashable {
  package enum Style: Sendable, Hashable {
    /// Scripts in the hooks directory itself: `.git/hooks` (shared by every worktree) or `core.hooksPath`.
    case directory
    /// husky: `core.hooksPath` is husky's own folder, and the scripts people edit are `.husky/<hook>`; Paddock adds
    /// one line to those and keeps its scripts in `<git-common-dir>/paddock/hooks`.
    case husky(scripts: String)
  }

  /// The directory git runs hooks from.
  package var hooksDirectory: String
  package var style: Style
  /// Where Paddock's own scripts are written: the hooks directory, or a private folder under husky.
  package var scriptDirectory: String

  /// Finds the hooks directory as git does: `core.hooksPath` (relative to the working tree), else the common
  /// git directory's `hooks`, so every worktree shares one set.
  package static func of(_ repository: Repository) -> HookLocation {
    let root = repository.workingDirectory ?? repository.commonDirectory
    let common = repository.commonDirectory
    if let configured = repository.configString("core.hooksPath"), !configured.isEmpty {
      let expanded = configured.hasPrefix("~/") ? NSHomeDirectory() + configured.dropFirst() : configured
      let path = standardised(expanded.hasPrefix("/") ? expanded : (root as NSString).appendingPathComponent(expanded))
      let huskyRoot = (root as NSString).appendingPathComponent(".husky")
      if path == huskyRoot || path == (huskyRoot as NSString).appendingPathComponent("_") {
        return HookLocation(
          hooksDirectory: path, style: .husky(scripts: huskyRoot),
          scriptDirectory: standardised((common as NSString).appendingPathComponent("paddock/hooks")))
      }
      return HookLocation(hooksDirectory: path, style: .directory, scriptDirectory: path)
    }
    let path = standardised((common as NSString).appendingPathComponent("hooks"))
    return HookLocation(hooksDirectory: path, style: .directory, scriptDirectory: path)
  }

  private static func standardised(_ path: String) -> String {
    var result = (path as NSString).standardizingPath
    while result.count > 1, result.hasSuffix("/") { result.removeLast() }
    return result
  }
}
