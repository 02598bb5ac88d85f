internal import CLibgit2

extension Repository {
  /// The bytes of the file at `path` in `revision`, or nil when there is no such file.
  public func fileContents(path: GitPath, at revision: ObjectID) throws(GitError) -> [UInt8]? {
    guard let id = try blobID(path: path, at: revision) else { return nil }
    return try blob(id)
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

extension Repository {
  /// The blob id of `path` in `revision`'s tree, or nil when there is no such file.
  public func blobID(path: GitPath, at revision: ObjectID) throws(GitError) -> ObjectID? {
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
    return ObjectID(id)
  }

  /// The zero-context hunks between two blobs (nil: empty), with git's indent heuristic.
  /// Returns nil when either side is binary.
  public func diffBlobs(old: ObjectID?, new: ObjectID) throws(GitError) -> [DiffHunk]? {
    var newRaw = new.raw
    var newBlob: OpaquePointer?
    let newRC = git_blob_lookup(&newBlob, handle, &newRaw)
    if newRC == GIT_ENOTFOUND.rawValue {
      git_error_clear()
      throw missingObject(new, what: "file contents")
    }
    try check(newRC, "read blob \(new.abbreviated())")
    // Owned blobs; freed on return.
    defer { git_blob_free(newBlob) }
    var oldBlob: OpaquePointer?
    if let old {
      var oldRaw = old.raw
      let oldRC = git_blob_lookup(&oldBlob, handle, &oldRaw)
      if oldRC == GIT_ENOTFOUND.rawValue {
        git_error_clear()
        throw missingObject(old, what: "file contents")
      }
      try check(oldRC, "read blob \(old.abbreviated())")
    }
    defer { if let oldBlob { git_blob_free(oldBlob) } }
    if let newBlob, git_blob_is_binary(newBlob) == 1 { return nil }
    if let oldBlob, git_blob_is_binary(oldBlob) == 1 { return nil }
    var opts = git_diff_options()
    git_diff_options_init(&opts, UInt32(GIT_DIFF_OPTIONS_VERSION))
    opts.flags = GIT_DIFF_INDENT_HEURISTIC.rawValue
    opts.context_lines = 0
    opts.interhunk_lines = 0
    var patch: OpaquePointer?
    try check(git_patch_from_blobs(&patch, oldBlob, nil, newBlob, nil, &opts), "diff two versions of a file")
    guard let patch else { return [] }
    // Owned patch; freed on return.
    defer { git_patch_free(patch) }
    var hunks: [DiffHunk] = []
    for index in 0..<git_patch_num_hunks(patch) {
      var hunkPointer: UnsafePointer<git_diff_hunk>?
      var lines = 0
      try check(git_patch_get_hunk(&hunkPointer, &lines, patch, index), "read a hunk")
      guard let header = hunkPointer?.pointee else { continue }
      hunks.append(
        DiffHunk(
          oldStart: Int(header.old_start), oldCount: Int(header.old_lines), newStart: Int(header.new_start),
          newCount: Int(header.new_lines)))
    }
    return hunks
  }
}
