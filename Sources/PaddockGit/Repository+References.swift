internal import CLibgit2

extension Repository {
  /// The references whose names match `glob` (such as `refs/remotes/origin/*`), each with the commit it points
  /// at; references that do not lead to a commit (a tag of a tree, a dangling symbolic ref) are left out.
  package func references(matching glob: String) throws(GitError) -> [(name: String, commit: ObjectID)] {
    var iterator: OpaquePointer?
    try check(git_reference_iterator_glob_new(&iterator, handle, glob), "list the references matching \(glob)")
    guard let iterator else { return [] }
    // Owned iterator; freed on return.
    defer { git_reference_iterator_free(iterator) }
    var found: [(name: String, commit: ObjectID)] = []
    while true {
      var reference: OpaquePointer?
      let rc = git_reference_next(&reference, iterator)
      if rc == GIT_ITEROVER.rawValue { break }
      try check(rc, "list the references matching \(glob)")
      guard let reference else { continue }
      // Owned reference and peeled object; freed at the end of this iteration.
      defer { git_reference_free(reference) }
      let name = git_reference_name(reference).map { String(decodingCString: $0) } ?? ""
      var peeled: OpaquePointer?
      guard git_reference_peel(&peeled, reference, GIT_OBJECT_COMMIT) == 0, let peeled else {
        git_error_clear()
        continue
      }
      defer { git_object_free(peeled) }
      guard let oid = git_object_id(peeled) else { continue }
      found.append((name, ObjectID(oid.pointee)))
    }
    return found.sorted { $0.name < $1.name }
  }
}
