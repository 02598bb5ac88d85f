internal import CLibgit2

extension Repository {
  /// The bytes of the file at `path` in `revision`, or nil when there is no such file.
  public func fileContents(path: GitPath, at revision: ObjectID) throws(GitError) -> [UInt8]? {
    let tree = try tree(ofCommit: revision)
    // Owned tree; freed on return, as is the entry below.
    defer { git_tree_free(tree) }
    var entry: OpaquePointer?
    let rc = path.withCString { git_tree_entry_bypath(&entry, tree, $0) }
    if rc == GIT_ENOTFOUND.rawValue {
      git_error_clear()
      return nil
    }
    try check(rc, "find \(path) in \(revision.abbreviated())")
    guard let entry else { return nil }
    defer { git_tree_entry_free(entry) }
    guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB, let id = git_tree_entry_id(entry) else { return nil }
    return try blob(ObjectID(id))
  }

  /// The bytes of a blob.
  public func blob(_ id: ObjectID) throws(GitError) -> [UInt8] {
    var raw = id.raw
    var blob: OpaquePointer?
    let rc = git_blob_lookup(&blob, handle, &raw)
    if rc == GIT_ENOTFOUND.rawValue {
      git_error_clear()
      throw missingObject(id, what: "file contents")
    }
    try check(rc, "read blob \(id.abbreviated())")
    guard let blob else { throw missingObject(id, what: "file contents") }
    // Owned blob; its content is borrowed and copied before the free.
    defer { git_blob_free(blob) }
    let size = Int(git_blob_rawsize(blob))
    guard size > 0, let content = git_blob_rawcontent(blob) else { return [] }
    return Array(UnsafeRawBufferPointer(start: content, count: size))
  }

  /// Every note under `reference` (such as `refs/notes/ai`), keyed by the
  /// annotated object. An absent notes ref gives an empty dictionary.
  public func notes(reference: String) throws(GitError) -> [ObjectID: String] {
    var iterator: OpaquePointer?
    let rc = git_note_iterator_new(&iterator, handle, reference)
    if rc == GIT_ENOTFOUND.rawValue {
      git_error_clear()
      return [:]
    }
    try check(rc, "read notes from \(reference)")
    guard let iterator else { return [:] }
    // Owned iterator; freed on return.
    defer { git_note_iterator_free(iterator) }
    var result: [ObjectID: String] = [:]
    var noteID = git_oid()
    var annotated = git_oid()
    while true {
      let next = git_note_next(&noteID, &annotated, iterator)
      if next == GIT_ITEROVER.rawValue {
        git_error_clear()
        break
      }
      try check(next, "read notes from \(reference)")
      let bytes = try blob(ObjectID(noteID))
      result[ObjectID(annotated)] = String(decoding: bytes, as: UTF8.self)
    }
    return result
  }
}
