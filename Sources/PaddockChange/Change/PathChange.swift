import PaddockGit

/// One path of the change as a whole, however it changed.
package struct PathChange: Sendable, Hashable {
  /// The path at head, or the old path of a deleted file.
  package var path: String
  /// The path before a rename.
  package var oldPath: String?
  package var status: DeltaStatus
  package var oldMode: FileMode?
  package var newMode: FileMode?
  package var isBinary: Bool
  package var addedLines: Int
  package var removedLines: Int
  /// Indices into `ReviewChange.commits` of the commits that changed the file (lines, name, mode or content).
  package var commits: [Int]

  package init(
    path: String, oldPath: String? = nil, status: DeltaStatus, oldMode: FileMode? = nil, newMode: FileMode? = nil,
    isBinary: Bool = false, addedLines: Int = 0, removedLines: Int = 0, commits: [Int] = []
  ) {
    self.path = path
    self.oldPath = oldPath
    self.status = status
    self.oldMode = oldMode
    self.newMode = newMode
    self.isBinary = isBinary
    self.addedLines = addedLines
    self.removedLines = removedLines
    self.commits = commits
  }

  /// What happened to the file overall, in words: `deleted`, `renamed to x`, `mode changed`, `3 lines removed`.
  package var summary: String {
    var parts: [String] = []
    switch status {
    case .added: parts.append("added")
    case .deleted: parts.append("deleted")
    case .renamed: if let oldPath { parts.append("renamed from \(oldPath) to \(path)") }
    case .typeChanged: parts.append("changed type")
    default: break
    }
    if let oldMode, let newMode, oldMode != .absent, newMode != .absent, oldMode != newMode {
      parts.append("mode changed from \(oldMode.rawValue) to \(newMode.rawValue)")
    }
    if isBinary, status != .deleted { parts.append("binary content") }
    if status != .deleted, status != .added {
      if removedLines > 0 { parts.append("\(removedLines) line\(removedLines == 1 ? "" : "s") removed") }
      if addedLines > 0 { parts.append("\(addedLines) line\(addedLines == 1 ? "" : "s") added") }
    }
    return parts.isEmpty ? "changed" : parts.joined(separator: ", ")
  }
}
