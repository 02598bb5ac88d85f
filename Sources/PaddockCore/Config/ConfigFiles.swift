import Foundation
import PaddockGit

/// Where `.paddock.yml`, the repository's rule files and the baseline are read from: the working tree, or the
/// tree of a commit. CI reads them from the base of a pull request, so the change under review cannot switch
/// off the checks that judge it.
public struct ConfigFiles {
  /// Reads a path relative to the repository root; nil when there is no such file.
  private let readRelative: (String) throws -> Data?
  /// How a path is named in messages (`.paddock.yml`, `base 1a2b3c4d5e6f:.paddock.yml`).
  public let describe: (String) -> String

  /// Files in a directory (the working tree's root).
  public static func directory(_ root: String) -> ConfigFiles {
    ConfigFiles(
      readRelative: { FileManager.default.contents(atPath: (root as NSString).appendingPathComponent($0)) },
      describe: { (root as NSString).appendingPathComponent($0) })
  }

  /// Files as they are in a commit's tree.
  public static func commit(_ id: ObjectID, in repository: Repository, label: String) -> ConfigFiles {
    ConfigFiles(
      readRelative: { path in
        try repository.fileContents(path: GitPath(bytes: Array(path.utf8)), at: id).map { Data($0) }
      },
      describe: { "\(label) \(id.abbreviated()):\($0)" })
  }

  /// Reads `path`: relative paths through this source, absolute ones from the file system.
  public func read(_ path: String) throws -> Data? {
    if path.hasPrefix("/") { return FileManager.default.contents(atPath: path) }
    var relative = path
    while relative.hasPrefix("./") { relative.removeFirst(2) }
    return try readRelative(relative)
  }

  public func name(_ path: String) -> String { path.hasPrefix("/") ? path : describe(path) }

  /// Reads UTF-8 text, with an error naming the file when it is not text.
  public func text(_ path: String) throws -> String? {
    guard let data = try read(path) else { return nil }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ConfigError(file: name(path), line: nil, message: "is not UTF-8 text", fix: "save the file as UTF-8")
    }
    return text
  }

  /// `.paddock.yml` from this source; a missing file gives the defaults.
  public func config() throws -> PaddockConfig {
    guard let text = try text(PaddockConfig.fileName) else { return PaddockConfig() }
    return try PaddockConfig.parse(text, file: name(PaddockConfig.fileName))
  }
}
