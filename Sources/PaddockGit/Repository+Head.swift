internal import CLibgit2

/// Where HEAD points.
package enum HeadState: Hashable, Sendable {
  /// On a branch with at least one commit.
  case branch(name: String, commit: ObjectID)
  /// Detached at a commit.
  case detached(commit: ObjectID)
  /// On a branch that has no commits yet (a new repository, or `git checkout --orphan`).
  case unborn(branch: String)

  /// The commit HEAD points at, if any.
  package var commit: ObjectID? {
    switch self {
    case .branch(_, let commit), .detached(let commit): commit
    case .unborn: nil
    }
  }
}

extension Repository {
  /// Reads HEAD without failing on an unborn branch.
  package func head() throws(GitError) -> HeadState {
    var reference: OpaquePointer?
    let rc = git_repository_head(&reference, handle)
    if rc == GIT_EUNBORNBRANCH.rawValue || rc == GIT_ENOTFOUND.rawValue {
      git_error_clear()
      return .unborn(branch: unbornBranchName() ?? "HEAD")
    }
    try check(rc, "read HEAD")
    guard let reference else { return .unborn(branch: "HEAD") }
    // Owned reference; freed on return.
    defer { git_reference_free(reference) }
    guard let target = git_reference_target(reference) else {
      return .unborn(branch: "HEAD")
    }
    let id = ObjectID(target)
    if git_repository_head_detached(handle) == 1 {
      return .detached(commit: id)
    }
    let name = git_reference_shorthand(reference).map { String(decodingCString: $0) } ?? "HEAD"
    return .branch(name: name, commit: id)
  }

  private func unbornBranchName() -> String? {
    var reference: OpaquePointer?
    guard git_reference_lookup(&reference, handle, "HEAD") == 0, let reference else {
      git_error_clear()
      return nil
    }
    // Owned symbolic reference; freed on return.
    defer { git_reference_free(reference) }
    guard let target = git_reference_symbolic_target(reference) else { return nil }
    let full = String(decodingCString: target)
    return full.hasPrefix("refs/heads/") ? String(full.dropFirst("refs/heads/".count)) : full
  }

  /// The upstream of a local branch (`branch.<name>.merge`), as a short name like `origin/main`.
  package func upstream(ofBranch name: String) -> String? {
    var branch: OpaquePointer?
    guard git_branch_lookup(&branch, handle, name, GIT_BRANCH_LOCAL) == 0, let branch else {
      git_error_clear()
      return nil
    }
    // Owned; freed on return, as is the upstream reference below.
    defer { git_reference_free(branch) }
    var upstream: OpaquePointer?
    guard git_branch_upstream(&upstream, branch) == 0, let upstream else {
      git_error_clear()
      return nil
    }
    defer { git_reference_free(upstream) }
    return git_reference_shorthand(upstream).map { String(decodingCString: $0) }
  }

  /// The repository's default branch as best git knows it: the target of
  /// `refs/remotes/origin/HEAD`, else the first of `main`, `master`, `trunk`
  /// that exists locally or on `origin`.
  package func defaultBranch() -> String? {
    var reference: OpaquePointer?
    if git_reference_lookup(&reference, handle, "refs/remotes/origin/HEAD") == 0, let reference {
      // Owned; freed right after the target is copied.
      defer { git_reference_free(reference) }
      if let target = git_reference_symbolic_target(reference) {
        let full = String(decodingCString: target)
        return full.hasPrefix("refs/remotes/") ? String(full.dropFirst("refs/remotes/".count)) : full
      }
    } else {
      git_error_clear()
    }
    for name in ["main", "master", "trunk"] {
      for candidate in ["refs/heads/\(name)", "refs/remotes/origin/\(name)"] where referenceExists(candidate) {
        return candidate.hasPrefix("refs/heads/") ? name : "origin/\(name)"
      }
    }
    return nil
  }

  /// Whether a fully qualified reference exists.
  package func referenceExists(_ name: String) -> Bool {
    var reference: OpaquePointer?
    guard git_reference_lookup(&reference, handle, name) == 0, let reference else {
      git_error_clear()
      return false
    }
    git_reference_free(reference)
    return true
  }
}
