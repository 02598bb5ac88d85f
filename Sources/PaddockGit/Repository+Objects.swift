internal import CLibgit2

extension Repository {
  /// The bytes of the file at `path` in `revision`, or nil when there is no such file.
  public func fileContents(path: GitPath, at revision: ObjectID) throws(GitError) -> [UInt8]? {
    guard let id = try blobID(path: path, at: revision) else { return nil }
    return try blob(id)
  }

  /// The bytes of a blob.
  public func blob(_ id: ObjectID) throws(GitError) -> [UInt8] {
    try withBlob(id) { blob in
      let size = Int(git_blob_rawsize(blob))
      guard size > 0, let content = git_blob_rawcontent(blob) else { return [] }
      return Array(UnsafeRawBufferPointer(start: content, count: size))
    }
  }

  /// A blob's bytes, or nil when the object database does not have it (a partial clone, a lost object).
  public func blobIfPresent(_ id: ObjectID) throws(GitError) -> [UInt8]? {
    guard contains(id) else { return nil }
    return try blob(id)
  }

  /// Looks up a blob, lends it to `body`, and frees it; a missing blob becomes a `missingObject` error.
  func withBlob<T>(_ id: ObjectID, _ body: (OpaquePointer) throws(GitError) -> T) throws(GitError) -> T {
    try withObject(id, type: GIT_OBJECT_BLOB, what: "file contents", body)
  }

  /// The note that `reference` (such as `refs/notes/ai`) attaches to `object`, or nil
  /// when there is none or the notes ref does not exist.
  public func note(reference: String, for object: ObjectID) throws(GitError) -> String? {
    var note: OpaquePointer?
    var raw = object.raw
    let rc = git_note_read(&note, handle, reference, &raw)
    if rc == GIT_ENOTFOUND.rawValue {
      git_error_clear()
      return nil
    }
    try check(rc, "read the \(reference) note of \(object.abbreviated())")
    guard let note else { return nil }
    // Owned note; its message is borrowed and copied before the free.
    defer { git_note_free(note) }
    return git_note_message(note).map { String(decodingCString: $0) }
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
  /// Returns nil when either side is binary, by content as `diff(from:to:options:)` decides.
  public func diffBlobs(old: ObjectID?, new: ObjectID) throws(GitError) -> [DiffHunk]? {
    // Owned object database; freed on return.
    var odb: OpaquePointer?
    try check(git_repository_odb(&odb, handle), "open the object database")
    defer { git_odb_free(odb) }
    let path = GitPath("(blob)")
    let oldSide = try old.map { id throws(GitError) in try diffSide(id, odb: odb, path: path) } ?? .absent
    defer { oldSide.free() }
    let newSide = try diffSide(new, odb: odb, path: path)
    defer { newSide.free() }
    return try textHunks(old: oldSide, new: newSide, contextLines: 0, includeLines: false, path: path)
  }
}

extension Repository {
  /// Every regular or executable file in `revision`'s tree, in tree order, up to `limit` entries.
  public func files(at revision: ObjectID, limit: Int = .max) throws(GitError) -> [TreeEntry] {
    let tree = try tree(ofCommit: revision)
    // Owned tree; freed on return. Entries seen in the walk are borrowed from it and copied out at once.
    defer { git_tree_free(tree) }
    final class Collector {
      var entries: [TreeEntry] = []
      let limit: Int
      init(limit: Int) { self.limit = limit }
    }
    let collector = Collector(limit: limit)
    let rc = withExtendedLifetime(collector) {
      git_tree_walk(
        tree, GIT_TREEWALK_PRE,
        { root, entry, payload in
          guard let root, let entry, let payload else { return 0 }
          let collector = Unmanaged<Collector>.fromOpaque(payload).takeUnretainedValue()
          let mode = git_tree_entry_filemode(entry)
          guard mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE, let id = git_tree_entry_id(entry),
            let name = git_tree_entry_name(entry)
          else { return 0 }
          collector.entries.append(
            TreeEntry(
              path: GitPath(bytes: GitPath(cString: root).bytes + GitPath(cString: name).bytes), blob: ObjectID(id),
              mode: mode == GIT_FILEMODE_BLOB_EXECUTABLE ? .executable : .regular))
          return collector.entries.count >= collector.limit ? -1 : 0
        }, Unmanaged.passUnretained(collector).toOpaque())
    }
    // A negative return from the callback stops the walk early; that is the limit, not an error.
    if rc < 0, collector.entries.count < limit { try check(rc, "list the files of \(revision.abbreviated())") }
    if rc < 0 { git_error_clear() }
    return collector.entries
  }
}
