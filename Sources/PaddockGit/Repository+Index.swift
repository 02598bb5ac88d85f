internal import CLibgit2

/// The index (the staging area) written as a commit on top of HEAD: what `git commit` would record, for a review
/// before the commit exists.
package struct IndexCommit: Sendable, Hashable {
  /// The commit holding the index's tree; no reference names it.
  package var commit: ObjectID
  /// HEAD's commit, or nil on an unborn branch (the index is then the first commit).
  package var parent: ObjectID?
  /// Whether the index's tree is HEAD's: nothing is staged.
  package var isUnchanged: Bool
}

extension Repository {
  /// Writes the index's tree (as `git write-tree` does) and a commit of it whose parent is HEAD, without moving
  /// any reference: the objects are what `git commit` would write, and the commit, referenced by nothing, is
  /// removed by `git gc` in time. An index with unresolved conflicts is an error that says so.
  package func commitIndex(message: String, author: Signature, committer: Signature) throws(GitError) -> IndexCommit {
    var index: OpaquePointer?
    try check(git_repository_index(&index, handle), "read the index")
    guard let index else { throw GitError(code: .notFound, operation: "read the index", detail: "no index") }
    // Owned; freed on return.
    defer { git_index_free(index) }
    if git_index_has_conflicts(index) == 1 {
      throw GitError(
        code: .other(-1), operation: "review the staged changes", detail: "the index has unresolved conflicts",
        hint: "resolve them and `git add` the files (`git status` lists them), then run Paddock again")
    }
    var tree = git_oid()
    try check(git_index_write_tree(&tree, index), "write the index's tree")

    let parent = try head().commit
    var parentCommit: OpaquePointer?
    if let parent {
      var raw = parent.raw
      try check(git_commit_lookup(&parentCommit, handle, &raw), "read HEAD's commit")
    }
    // Owned (when HEAD has a commit); freed on return.
    defer { if let parentCommit { git_commit_free(parentCommit) } }
    let unchanged = parentCommit.map { ObjectID(git_commit_tree_id($0)) == ObjectID(tree) } ?? false

    var treeObject: OpaquePointer?
    try check(git_tree_lookup(&treeObject, handle, &tree), "read the index's tree")
    // Owned; freed on return.
    defer { if let treeObject { git_tree_free(treeObject) } }
    var authorSignature: UnsafeMutablePointer<git_signature>?
    var committerSignature: UnsafeMutablePointer<git_signature>?
    try check(
      git_signature_new(&authorSignature, author.name, author.email, author.time, author.offsetMinutes),
      "use the author `\(author.name) <\(author.email)>`")
    // Owned; freed on return, as is the committer's.
    defer { git_signature_free(authorSignature) }
    try check(
      git_signature_new(
        &committerSignature, committer.name, committer.email, committer.time, committer.offsetMinutes),
      "use the committer `\(committer.name) <\(committer.email)>`")
    defer { git_signature_free(committerSignature) }

    var parents: [OpaquePointer?] = parentCommit.map { [$0] } ?? []
    var out = git_oid()
    let rc = parents.withUnsafeMutableBufferPointer { buffer in
      git_commit_create(
        &out, handle, nil, authorSignature, committerSignature, nil, message, treeObject, buffer.count,
        buffer.baseAddress)
    }
    try check(rc, "write a commit of the staged changes")
    return IndexCommit(commit: ObjectID(out), parent: parent, isUnchanged: unchanged)
  }
}
