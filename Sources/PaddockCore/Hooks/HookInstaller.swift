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

/// What `paddock hook install` or `uninstall` did to one hook.
package struct HookChange: Sendable, Hashable, CustomStringConvertible {
  package var hook: String
  package var path: String
  package var action: String

  package var description: String { "\(hook): \(action) (\(path))" }
}

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

/// A hook Paddock will not touch without being told to.
package struct HookInstallError: Error, Sendable, Equatable, CustomStringConvertible {
  package var description: String
}

/// Installs, removes and reports Paddock's git hooks. Installing keeps a hook that was already there working by
/// moving it beside Paddock's as `<hook>.pre-paddock` and running it first; uninstalling puts it back, byte for
/// byte. Installing twice changes nothing the second time.
package struct HookInstaller {
  package static let hooks = ["pre-push", "prepare-commit-msg"]
  /// Hooks installed only when asked (`paddock hook install --pre-commit`): the review of the staged changes at
  /// every commit. Uninstalling and the status cover them once installed.
  package static let optionalHooks = ["pre-commit"]
  /// The suffix of a hook that was there before Paddock's and now runs from it.
  package static let chainSuffix = ".pre-paddock"

  package var location: HookLocation
  /// The `paddock` binary doing the install, written into the scripts as the fallback when PATH has none.
  package var paddockPath: String?
  private let files = FileManager.default

  package init(location: HookLocation, paddockPath: String?) {
    self.location = location
    self.paddockPath = paddockPath
  }

  /// The script for a hook, from `hooks/` (compiled in), with the installing binary's path filled in.
  package func script(for hook: String) -> String? {
    guard let text = embeddedHooks.first(where: { $0.name == hook })?.text else { return nil }
    guard let paddockPath else { return text }
    let quoted = "'" + paddockPath.replacingOccurrences(of: "'", with: "'\\''") + "'"
    return text.replacingOccurrences(of: "installed_by=\"\"", with: "installed_by=\(quoted)")
  }

  static func isPaddocks(_ text: String, hook: String) -> Bool { text.contains("# paddock-hook: \(hook)") }

  /// Another hook manager's script, which should take Paddock as one of its commands instead.
  static func manager(of text: String) -> String? {
    if text.contains("File generated by pre-commit") || text.contains("pre-commit.com") { return "pre-commit" }
    if text.contains("lefthook") { return "lefthook" }
    return nil
  }

  /// Installs the default hooks, and the pre-commit hook too with `preCommit`.
  package func install(force: Bool = false, preCommit: Bool = false) throws -> [HookChange] {
    let hooks = Self.hooks + (preCommit ? Self.optionalHooks : [])
    switch location.style {
    case .directory: return try hooks.map { try installDirectly($0, force: force) }
    case .husky(let scripts): return try hooks.map { try installForHusky($0, scripts: scripts) }
    }
  }

  /// The default hooks, and each optional one that is installed.
  private var presentHooks: [String] {
    Self.hooks + Self.optionalHooks.filter { hook in status(of: [hook]).first?.installed ?? false }
  }

  package func uninstall() throws -> [HookChange] {
    let hooks = presentHooks
    switch location.style {
    case .directory: return try hooks.map { try uninstallDirectly($0) }
    case .husky(let scripts): return try hooks.map { try uninstallForHusky($0, scripts: scripts) }
    }
  }

  /// The state of the default hooks, and of each optional one that is installed.
  package func status() -> [HookState] { status(of: presentHooks) }

  private func status(of hooks: [String]) -> [HookState] {
    hooks.map { hook in
      switch location.style {
      case .directory:
        let path = (location.hooksDirectory as NSString).appendingPathComponent(hook)
        let text = read(path)
        let ours = text.map { Self.isPaddocks($0, hook: hook) } ?? false
        let chain = path + Self.chainSuffix
        return HookState(
          hook: hook, path: path, installed: ours, chained: ours && exists(chain) ? chain : nil,
          foreign: text != nil && !ours)
      case .husky(let scripts):
        let path = (scripts as NSString).appendingPathComponent(hook)
        let installed = read(path).map { $0.contains(huskyLine(hook)) } ?? false
        return HookState(hook: hook, path: path, installed: installed, chained: nil, foreign: false)
      }
    }
  }

  // MARK: A plain hooks directory

  private func installDirectly(_ hook: String, force: Bool) throws -> HookChange {
    guard let script = script(for: hook) else { throw HookInstallError(description: "no built-in \(hook) hook") }
    let path = (location.hooksDirectory as NSString).appendingPathComponent(hook)
    let chain = path + Self.chainSuffix
    try createDirectory(location.hooksDirectory)
    var action = "installed"
    if exists(path) {
      let current = read(path)
      if let current, Self.isPaddocks(current, hook: hook) {
        if current == script { return HookChange(hook: hook, path: path, action: "already installed") }
        action = "updated"
      } else {
        if let current, let manager = Self.manager(of: current), !force {
          throw HookInstallError(
            description:
              "\(path) is managed by \(manager): add Paddock to \(manager)'s configuration instead (see the README's Hooks section), or pass --force to chain \(manager)'s hook behind Paddock's"
          )
        }
        if exists(chain) {
          throw HookInstallError(
            description:
              "\(path) is not Paddock's and \(chain) already exists, so the existing hook cannot be kept: move one of them away and run `paddock hook install` again"
          )
        }
        try move(path, to: chain)
        action = "installed; the existing hook is kept as \((chain as NSString).lastPathComponent) and runs first"
      }
    }
    try writeExecutable(script, to: path)
    return HookChange(hook: hook, path: path, action: action)
  }

  private func uninstallDirectly(_ hook: String) throws -> HookChange {
    let path = (location.hooksDirectory as NSString).appendingPathComponent(hook)
    let chain = path + Self.chainSuffix
    guard let current = read(path), Self.isPaddocks(current, hook: hook) else {
      return HookChange(hook: hook, path: path, action: exists(path) ? "not Paddock's: left alone" : "not installed")
    }
    try remove(path)
    if exists(chain) {
      try move(chain, to: path)
      return HookChange(hook: hook, path: path, action: "removed; the earlier hook is back in place")
    }
    return HookChange(hook: hook, path: path, action: "removed")
  }

  // MARK: husky

  /// The line Paddock adds to a husky script: it runs Paddock's script when this clone has it, and is silent
  /// for people who have not installed Paddock.
  func huskyLine(_ hook: String) -> String {
    let script = "\"$(git rev-parse --git-common-dir)/paddock/hooks/\(hook)\""
    return "[ ! -x \(script) ] || \(script) \"$@\" # paddock-hook"
  }

  private func installForHusky(_ hook: String, scripts: String) throws -> HookChange {
    guard let script = script(for: hook) else { throw HookInstallError(description: "no built-in \(hook) hook") }
    try createDirectory(location.scriptDirectory)
    try writeExecutable(script, to: (location.scriptDirectory as NSString).appendingPathComponent(hook))
    let path = (scripts as NSString).appendingPathComponent(hook)
    let line = huskyLine(hook)
    let current = read(path)
    if let current, current.contains(line) { return HookChange(hook: hook, path: path, action: "already installed") }
    var text = current ?? ""
    if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
    text += line + "\n"
    try createDirectory(scripts)
    try writeExecutable(text, to: path)
    return HookChange(hook: hook, path: path, action: current == nil ? "created with Paddock's line" : "line added")
  }

  private func uninstallForHusky(_ hook: String, scripts: String) throws -> HookChange {
    let path = (scripts as NSString).appendingPathComponent(hook)
    let ours = (location.scriptDirectory as NSString).appendingPathComponent(hook)
    if exists(ours) { try remove(ours) }
    guard let current = read(path), current.contains(huskyLine(hook)) else {
      return HookChange(hook: hook, path: path, action: "not installed")
    }
    let remaining = current.replacingOccurrences(of: huskyLine(hook) + "\n", with: "")
      .replacingOccurrences(of: huskyLine(hook), with: "")
    if remaining.isEmpty {
      try remove(path)
      return HookChange(hook: hook, path: path, action: "removed (Paddock had created it)")
    }
    try write(remaining, to: path)
    return HookChange(hook: hook, path: path, action: "line removed")
  }

  // MARK: Files, with errors that name the path

  private func exists(_ path: String) -> Bool {
    (try? files.attributesOfItem(atPath: path)) != nil
  }

  private func read(_ path: String) -> String? {
    files.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  private func createDirectory(_ path: String) throws {
    do {
      try files.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw HookInstallError(description: "cannot create \(path): \(error.localizedDescription)")
    }
  }

  private func write(_ text: String, to path: String) throws {
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    } catch {
      throw HookInstallError(description: "cannot write \(path): \(error.localizedDescription); check permissions")
    }
  }

  private func writeExecutable(_ text: String, to path: String) throws {
    try write(text, to: path)
    do {
      try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    } catch {
      throw HookInstallError(description: "cannot make \(path) executable: \(error.localizedDescription)")
    }
  }

  private func move(_ path: String, to destination: String) throws {
    do {
      try files.moveItem(atPath: path, toPath: destination)
    } catch {
      throw HookInstallError(description: "cannot move \(path) to \(destination): \(error.localizedDescription)")
    }
  }

  private func remove(_ path: String) throws {
    do {
      try files.removeItem(atPath: path)
    } catch {
      throw HookInstallError(description: "cannot remove \(path): \(error.localizedDescription)")
    }
  }
}
