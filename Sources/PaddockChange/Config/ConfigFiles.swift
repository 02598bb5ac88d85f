import Foundation
import PaddockGit

/// Where `.paddock.yml`, the repository's rule files and the baseline are read from: the working tree, or the
/// tree of a commit. CI reads them from the base of a pull request, so the change under review cannot switch
/// off the checks that judge it.
package struct ConfigFiles {
  /// Reads a path relative to the repository root; nil when there is no such file.
  private let readRelative: (String) throws -> Data?
  /// How a path is named in messages (`.paddock.yml`, `base 1a2b3c4d5e6f:.paddock.yml`).
  package let describe: (String) -> String

  /// Files in a directory (the working tree's root). A directory where a file should be, a file that cannot be
  /// read, and a symbolic link that leads out of `root` are errors, not missing files.
  package static func directory(_ root: String) -> ConfigFiles {
    ConfigFiles(
      readRelative: { relative in try readFile(atPath: try staysInside(root, relative)) },
      describe: { (root as NSString).appendingPathComponent($0) })
  }

  /// The full path of `relative` under `root`, or an error when a symbolic link on the way leads out of `root`.
  /// `relative` has passed `inside(_:describe:)`.
  package static func staysInside(_ root: String, _ relative: String) throws(ConfigError) -> String {
    let full = (root as NSString).appendingPathComponent(relative)
    let resolved = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
    let top = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
    guard resolved.hasPrefix(top.hasSuffix("/") ? top : top + "/") else {
      throw ConfigError(
        file: full, line: nil, message: "is a symbolic link that leads out of the repository (to \(resolved))",
        fix: "keep configuration, rule files, review instructions and the baseline inside the repository")
    }
    return full
  }

  /// Where `path` (as `.paddock.yml` names it) is in the working tree `root`, for writing: refused, as for
  /// reading, when it leaves the repository by an absolute, `~` or `../` path or through a symbolic link.
  package static func pathInside(_ root: String, _ path: String) throws -> String {
    let describe = { (relative: String) in (root as NSString).appendingPathComponent(relative) }
    return try staysInside(root, try inside(path, describe: describe))
  }

  /// Files as they are in a commit's tree.
  package static func commit(_ id: ObjectID, in repository: Repository, label: String) -> ConfigFiles {
    ConfigFiles(
      readRelative: { path in
        try repository.fileContents(path: GitPath(bytes: Array(path.utf8)), at: id).map { Data($0) }
      },
      describe: { "\(label) \(id.abbreviated()):\($0)" })
  }

  /// Reads `path`, relative to the repository's root. Paths that leave the repository (absolute, `~`, or climbing
  /// out with `..`) are refused: a `.paddock.yml` from a checkout must not make Paddock read, or send to a model,
  /// files such as `~/.ssh/id_rsa`.
  package func read(_ path: String) throws -> Data? {
    try readRelative(try Self.inside(path, describe: describe))
  }

  package func name(_ path: String) -> String { describe(path) }

  /// `path` as a plain relative path inside the repository, or an error saying why it is not one.
  package static func inside(_ path: String, describe: (String) -> String) throws(ConfigError) -> String {
    func refuse(_ why: String) -> ConfigError {
      ConfigError(
        file: describe(".paddock.yml"), line: nil, message: "names `\(path)`, \(why)",
        fix: "name rule files, review instructions and the baseline by paths inside the repository")
    }
    if path.hasPrefix("/") || path.hasPrefix("~") { throw refuse("which is outside the repository") }
    var parts: [Substring] = []
    for component in path.split(separator: "/") where component != "." {
      if component == ".." {
        guard !parts.isEmpty else { throw refuse("which climbs out of the repository") }
        parts.removeLast()
      } else {
        parts.append(component)
      }
    }
    guard !parts.isEmpty else { throw refuse("which is not a file") }
    return parts.joined(separator: "/")
  }

  /// Reads UTF-8 text, with an error naming the file when it is not text.
  package func text(_ path: String) throws -> String? {
    try read(path).map { data throws(ConfigError) in try Self.utf8(data, file: name(path)) }
  }

  /// The bytes of the file at `path`, nil when nothing is there. A directory, or a file that cannot be read, is an
  /// error rather than a missing file: ignoring a configuration that is there would drop its policy without a word.
  package static func readFile(atPath path: String) throws(ConfigError) -> Data? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
    if isDirectory.boolValue {
      throw ConfigError(
        file: path, line: nil, message: "is a directory, not a file",
        fix: "move the directory away, or name a file in its place")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigError(file: path, line: nil, message: "exists but cannot be read", fix: "check its permissions")
    }
    return data
  }

  /// `data` as UTF-8 text, or an error naming `file`.
  package static func utf8(_ data: Data, file: String) throws(ConfigError) -> String {
    guard let text = String(data: data, encoding: .utf8) else {
      throw ConfigError(file: file, line: nil, message: "is not UTF-8 text", fix: "save the file as UTF-8")
    }
    return text
  }
}
