internal import CLibgit2

extension Repository {
  /// Blames `path` as of `revision`, tracing each line to the commit that last
  /// changed it, following renames. `oldest` bounds the search: lines older
  /// than it are attributed to it and marked as boundary. `lines` limits the
  /// result to a 1-based inclusive range.
  package func blame(
    path: GitPath, at revision: ObjectID, oldest: ObjectID? = nil, lines: ClosedRange<Int>? = nil
  ) throws(GitError) -> [BlameHunk] {
    var opts = git_blame_options()
    git_blame_options_init(&opts, UInt32(GIT_BLAME_OPTIONS_VERSION))
    opts.newest_commit = revision.raw
    if let oldest { opts.oldest_commit = oldest.raw }
    if let lines {
      opts.min_line = lines.lowerBound
      opts.max_line = lines.upperBound
    }
    var blame: OpaquePointer?
    let rc = path.withCString { git_blame_file(&blame, handle, $0, &opts) }
    if rc < 0 {
      var error = GitError.last(rc, operation: "blame \(path) at \(revision.abbreviated())")
      if error.code == .notFound {
        if error.detail.contains("does not exist in the given tree") || error.detail.contains("the path") {
          error.hint =
            "no file `\(path)` at \(revision.abbreviated()): check the path with `git ls-tree -r --name-only \(revision.abbreviated())`"
        } else {
          error = missingObjectError(from: error, operation: "blame \(path)")
        }
      }
      throw error
    }
    guard let blame else { return [] }
    // Owned blame; freed on return. Hunks borrow from it and are copied.
    defer { git_blame_free(blame) }
    let count = git_blame_get_hunk_count(blame)
    var result: [BlameHunk] = []
    result.reserveCapacity(Int(count))
    for index in 0..<count {
      guard let hunk = git_blame_get_hunk_byindex(blame, index)?.pointee else { continue }
      result.append(
        BlameHunk(
          commit: ObjectID(hunk.final_commit_id), finalStart: hunk.final_start_line_number,
          count: hunk.lines_in_hunk, originalStart: hunk.orig_start_line_number,
          originalPath: hunk.orig_path.map { GitPath(cString: $0) } ?? path,
          isBoundary: hunk.boundary != 0))
    }
    return result
  }
}
