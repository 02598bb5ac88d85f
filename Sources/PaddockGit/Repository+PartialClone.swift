internal import CLibgit2
import Foundation

extension Repository {
  /// The blobs the diffs of `pairs` read that this repository does not have: in a partial clone
  /// (`--filter=blob:none`, `blob:limit=…`) the promisor remote holds them; elsewhere they are simply lost.
  /// Submodules, trees and unchanged files need no blob.
  package func missingBlobs(_ pairs: [(from: ObjectID?, to: ObjectID)]) throws(GitError) -> Set<ObjectID> {
    var odb: OpaquePointer?
    try check(git_repository_odb(&odb, handle), "open the object database")
    // Owned object database; freed on return.
    defer { git_odb_free(odb) }
    var missing = Set<ObjectID>()
    for pair in pairs {
      for delta in try deltas(from: pair.from, to: pair.to) {
        for (id, mode) in [(delta.oldBlob, delta.oldMode), (delta.newBlob, delta.newMode)]
        where !id.isZero && mode != .submodule && mode != .tree && delta.oldBlob != delta.newBlob {
          var raw = id.raw
          if git_odb_exists(odb, &raw) == 0 { missing.insert(id) }
        }
      }
    }
    return missing
  }

  /// The file-level changes from `from` to `to` (paths, modes, blob ids), without reading any blob.
  func deltas(from: ObjectID?, to: ObjectID) throws(GitError) -> [FileDiff] {
    let newTree = try tree(ofCommit: to)
    // Owned trees; freed on return.
    defer { git_tree_free(newTree) }
    var oldTree: OpaquePointer?
    if let from { oldTree = try tree(ofCommit: from) }
    defer { if let oldTree { git_tree_free(oldTree) } }
    var opts = Self.diffOptions(contextLines: 0)
    var diffPointer: OpaquePointer?
    try check(git_diff_tree_to_tree(&diffPointer, handle, oldTree, newTree, &opts), "list the files of a change")
    guard let diffPointer else { return [] }
    // Owned diff; freed on return.
    defer { git_diff_free(diffPointer) }
    return (0..<git_diff_num_deltas(diffPointer)).compactMap { index in
      git_diff_get_delta(diffPointer, index).map { FileDiff($0.pointee) }
    }
  }

  /// Fetches `ids` from the partial clone's promisor remote in one `git fetch`, as git itself does when a command
  /// needs objects it lacks (libgit2 1.5 cannot). Does nothing outside a partial clone, or for no ids.
  ///
  /// - Returns: the ids still missing afterwards (the remote is unreachable, or no longer has them).
  @discardableResult
  package func fetchFromPromisor(_ ids: Set<ObjectID>, timeout: TimeInterval = 600) -> Set<ObjectID> {
    guard !ids.isEmpty, let remote = partialCloneRemote, let git = Self.gitExecutable() else { return ids }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: git)
    process.arguments = [
      "--git-dir=\(commonDirectory)", "-c", "fetch.negotiationAlgorithm=noop", "fetch", remote, "--no-tags",
      "--no-write-fetch-head", "--recurse-submodules=no", "--filter=blob:none", "--stdin",
    ]
    var environment = ProcessInfo.processInfo.environment
    // Never wait for a password on a terminal nobody watches.
    environment["GIT_TERMINAL_PROMPT"] = "0"
    process.environment = environment
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let done = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in done.signal() }
    do { try process.run() } catch { return ids }
    let text = ids.map(\.hex).joined(separator: "\n") + "\n"
    try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    try? input.fileHandleForWriting.close()
    if done.wait(timeout: .now() + timeout) == .timedOut {
      process.terminate()
      done.wait()
    }
    refreshObjectDatabase()
    return ids.filter { !contains($0) }
  }

  /// Makes objects another process just wrote visible to this handle.
  func refreshObjectDatabase() {
    var odb: OpaquePointer?
    guard git_repository_odb(&odb, handle) == 0 else {
      git_error_clear()
      return
    }
    // Owned object database; freed on return.
    defer { git_odb_free(odb) }
    if git_odb_refresh(odb) < 0 { git_error_clear() }
  }

  /// `git` on `PATH`.
  static func gitExecutable() -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/git"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
