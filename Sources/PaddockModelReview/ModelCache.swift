import Foundation
import PaddockCore
import PaddockSupport

/// Model answers per hunk, kept as small JSON files under the repository's git directory
/// (`paddock/model-cache/`), keyed by provider, model, prompt version, settings and the hunk's text, so the same
/// review twice sends nothing the second time. Unreadable entries count as missing; writes are atomic.
package struct ModelCache: Sendable {
  package let directory: String

  package init(directory: String) {
    self.directory = directory
  }

  /// The cache of a repository whose (common) git directory is `gitDirectory`.
  package init(gitDirectory: String) {
    self.init(directory: (gitDirectory as NSString).appendingPathComponent("paddock/model-cache"))
  }

  private struct Entry: Codable {
    var version: Int
    var findings: [ModelAnswer.Item]
  }

  /// The key of one hunk's answer: everything that shapes the request for it.
  package static func key(config: ModelConfig, instructions: String?, hunk: String) -> String {
    let parts = [
      ModelPrompt.version, config.provider.rawValue, config.displayName, config.command.joined(separator: "\u{1}"),
      "\(config.temperature)", "\(config.jsonSchema)", instructions ?? "", hunk,
    ]
    return SHA256.hex(parts.joined(separator: "\u{0}"))
  }

  private func path(_ key: String) -> String {
    (directory as NSString).appendingPathComponent("\(key.prefix(2))/\(key).json")
  }

  package func read(_ key: String) -> [ModelAnswer.Item]? {
    guard let data = FileManager.default.contents(atPath: path(key)),
      let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.version == 1
    else { return nil }
    return entry.findings
  }

  /// Stores an answer; a cache that cannot be written only costs a request next time.
  package func write(_ key: String, findings: [ModelAnswer.Item]) {
    let target = path(key)
    let folder = (target as NSString).deletingLastPathComponent
    guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil,
      let data = try? JSONEncoder().encode(Entry(version: 1, findings: findings))
    else { return }
    let temporary = target + ".\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
    // Ctrl-C waits for the rename: no entry is left half-written, and no temporary file behind.
    Interruption.deferring {
      guard FileManager.default.createFile(atPath: temporary, contents: data) else {
        try? FileManager.default.removeItem(atPath: temporary)
        return
      }
      if rename(temporary, target) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
    }
  }
}
