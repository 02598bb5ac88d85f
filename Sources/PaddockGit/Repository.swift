internal import CLibgit2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open git repository: the one owner of a `git_repository` handle.
///
/// Not Sendable: libgit2 handles belong to one thread at a time. Gather what
/// you need from it synchronously, then hand the resulting values around.
package final class Repository {
  // Owned; freed in deinit with git_repository_free.
  let handle: OpaquePointer

  /// The `.git` directory (or the repository itself when bare), with a trailing slash.
  package let gitDirectory: String
  /// The directory shared by all worktrees (differs from `gitDirectory` in a linked worktree).
  package let commonDirectory: String
  /// The working tree, or nil for a bare repository.
  package let workingDirectory: String?

  /// Opens the repository that contains `path`, searching parent directories
  /// the way git does: works from any subdirectory, a linked worktree, or
  /// inside a bare repository.
  package convenience init(discoveringFrom path: String) throws(GitError) {
    try self.init(path: path, flags: 0)
  }

  /// Opens the object database and references of the repository whose git directory is `gitDirectory`, as if it
  /// were bare: no working tree, so no `.gitattributes` lookups in it. For reading history, not the checkout.
  package convenience init(historyOf gitDirectory: String) throws(GitError) {
    try self.init(path: gitDirectory, flags: GIT_REPOSITORY_OPEN_BARE.rawValue | GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue)
  }

  private init(path: String, flags: UInt32) throws(GitError) {
    _ = Libgit2.ready
    var pointer: OpaquePointer?
    let rc = git_repository_open_ext(&pointer, path, flags, nil)
    if rc == GIT_ENOTFOUND.rawValue {
      git_error_clear()
      throw GitError(
        code: .notARepository, operation: "open a repository at \(path)",
        detail: "not a git repository (or any of the parent directories)",
        hint: "run Paddock inside a git checkout, or pass the repository with `-C PATH`")
    }
    if rc < 0 {
      var error = GitError.last(rc, operation: "open the repository at \(path)")
      if error.detail.contains("objectformat") {
        error.hint =
          "this repository uses SHA-256 object ids (extensions.objectformat), and libgit2 1.5, which Paddock reads "
          + "git with, reads only SHA-1 repositories: run Paddock on a SHA-1 repository"
      }
      throw error
    }
    guard let pointer else {
      throw GitError(code: .notARepository, operation: "open a repository at \(path)", detail: "no repository")
    }
    handle = pointer
    gitDirectory = git_repository_path(pointer).map { String(decodingCString: $0) } ?? path
    commonDirectory = git_repository_commondir(pointer).map { String(decodingCString: $0) } ?? gitDirectory
    workingDirectory = git_repository_workdir(pointer).map { String(decodingCString: $0) }
  }

  deinit { git_repository_free(handle) }

  /// Whether the repository has no working tree.
  package var isBare: Bool { git_repository_is_bare(handle) == 1 }

  /// Whether this is a linked worktree (made by `git worktree add`).
  package var isLinkedWorktree: Bool { git_repository_is_worktree(handle) == 1 }

  /// Whether the repository is a shallow clone (has a `shallow` file).
  package var isShallow: Bool { git_repository_is_shallow(handle) == 1 }

  /// The commits at which a shallow clone's history is cut off.
  package var shallowBoundary: Set<ObjectID> {
    guard let text = readFile(commonDirectory + "shallow") else { return [] }
    return Set(text.split(whereSeparator: \.isNewline).compactMap { ObjectID(hex: String($0)) })
  }

  /// The promisor remote of a partial clone (`git clone --filter=...`), if any.
  package var partialCloneRemote: String? {
    if let value = configString("extensions.partialclone") { return value }
    // git 2.x marks the remote instead: `remote.<name>.promisor = true`.
    var names = git_strarray()
    guard git_remote_list(&names, handle) == 0 else {
      git_error_clear()
      return nil
    }
    // Owned string array; disposed on return.
    defer { git_strarray_dispose(&names) }
    for index in 0..<names.count {
      guard let pointer = names.strings[index] else { continue }
      let name = String(decodingCString: pointer)
      if configString("remote.\(name).promisor")?.lowercased() == "true" { return name }
    }
    return nil
  }

  /// Reads a single configuration value, or nil when it is not set.
  package func configString(_ name: String) -> String? {
    var config: OpaquePointer?
    // Owned snapshot; freed with git_config_free.
    guard git_repository_config_snapshot(&config, handle) == 0, let config else {
      git_error_clear()
      return nil
    }
    defer { git_config_free(config) }
    var value: UnsafePointer<CChar>?
    // Borrowed from the snapshot, which outlives this copy.
    guard git_config_get_string(&value, config, name) == 0, let value else {
      git_error_clear()
      return nil
    }
    return String(decodingCString: value)
  }

  private func readFile(_ path: String) -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = fread(&buffer, 1, buffer.count, file)
      if count <= 0 { break }
      bytes.append(contentsOf: buffer[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Advice for a missing object, worded for how this repository was cloned.
  func missingObjectHint() -> String {
    if isShallow {
      return
        "this is a shallow clone and the history needed lies beyond its depth: run `git fetch --unshallow` (or `git fetch --deepen=N`), or in CI check out with full history (`fetch-depth: 0`)"
    }
    if let remote = partialCloneRemote {
      return
        "this is a partial clone and the object was never fetched: run `git fetch \(remote)` with the objects you need, or `git fetch --refetch --no-filter \(remote)`"
    }
    return "the object database is missing objects: run `git fsck` and fetch again from the remote"
  }

  /// Wraps a libgit2 "not found" error for an object the history refers to.
  func missingObject(_ id: ObjectID, what: String) -> GitError {
    GitError(
      code: .missingObject, operation: "read \(what) \(id.abbreviated())",
      detail: "object \(id.hex) is not in this repository", hint: missingObjectHint())
  }
}
