internal import CLibgit2

extension Repository {
  /// The paths in the index (as `git ls-files` lists them): the files the repository tracks, before any commit too.
  package func indexPaths() throws(GitError) -> [String] {
    var index: OpaquePointer?
    try check(git_repository_index(&index, handle), "read the index")
    guard let index else { return [] }
    // Owned; freed on return. Entries are borrowed from it and copied at once.
    defer { git_index_free(index) }
    var paths: [String] = []
    let count = git_index_entrycount(index)
    paths.reserveCapacity(count)
    for position in 0..<count {
      guard let entry = git_index_get_byindex(index, position), let path = entry.pointee.path else { continue }
      paths.append(String(decodingCString: path))
    }
    return paths
  }

  /// The URLs of the repository's remotes, in the order git lists them.
  package func remoteURLs() -> [String] {
    var names = git_strarray()
    guard git_remote_list(&names, handle) == 0 else {
      git_error_clear()
      return []
    }
    // Owned string array; disposed on return.
    defer { git_strarray_dispose(&names) }
    var urls: [String] = []
    for position in 0..<names.count {
      guard let pointer = names.strings[position] else { continue }
      if let url = configString("remote.\(String(decodingCString: pointer)).url") { urls.append(url) }
    }
    return urls
  }
}
