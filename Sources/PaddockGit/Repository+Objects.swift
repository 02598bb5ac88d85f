internal import CLibgit2
import PaddockSupport
import Synchronization

extension Repository {
  /// The bytes of the file at `path` in `revision`, or nil when there is no such file.
  package func fileContents(path: GitPath, at revision: ObjectID) throws(GitError) -> [UInt8]? {
    guard let id = try blobID(path: path, at: revision) else { return nil }
    return try blob(id)
  }

  /// The bytes of a blob.
  package func blob(_ id: ObjectID) throws(GitError) -> [UInt8] {
    try withBlob(id) { blob in
      let size = Int(git_blob_rawsize(blob))
      guard size > 0, let content = git_blob_rawcontent(blob) else { return [] }
      return Array(UnsafeRawBufferPointer(start: content, count: size))
    }
  }

  /// A blob's bytes, or nil when the object database does not have it (a partial clone, a lost object).
  package func blobIfPresent(_ id: ObjectID) throws(GitError) -> [UInt8]? {
    guard contains(id) else { return nil }
    return try blob(id)
  }

  /// Looks up a blob, lends it to `body`, and frees it; a missing blob becomes a `missingObject` error.
  func withBlob<T>(_ id: ObjectID, _ body: (OpaquePointer) throws(GitError) -> T) throws(GitError) -> T {
    try withObject(id, type: GIT_OBJECT_BLOB, what: "file contents", body)
  }

  /// The note that `reference` (such as `refs/notes/ai`) attaches to `object`, or nil
  /// when there is none or the notes ref does not exist.
  package func note(reference: String, for object: ObjectID) throws(GitError) -> String? {
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
  /// Many blobs at once, each read and handed to `transform` on one of `threads` worker threads that each open
  /// their own handle on this repository's history; the results come back in the order asked. Each worker takes a
  /// contiguous share of `ids`, so versions of one file asked for together reuse libgit2's delta cache.
  package func blobs<T: Sendable>(
    _ ids: [ObjectID], threads: Int, transform: @escaping @Sendable (ObjectID, [UInt8]) -> T
  ) throws(GitError) -> [T] {
    guard threads > 1, ids.count >= 256 else {
      var results: [T] = []
      results.reserveCapacity(ids.count)
      for id in ids { results.append(transform(id, try blob(id))) }
      return results
    }
    let location = gitDirectory
    let shares = Mutex<[[T]]>(Array(repeating: [], count: threads))
    let failure = Mutex<GitError?>(nil)
    Parallel.run(workers: threads) { worker in
      let share = ids[(ids.count * worker / threads)..<(ids.count * (worker + 1) / threads)]
      do throws(GitError) {
        var values: [T] = []
        values.reserveCapacity(share.count)
        var repository = try Repository(historyOf: location)
        for (position, id) in share.enumerated() {
          if failure.withLock({ $0 != nil }) { return }
          // A fresh handle now and then: the old one's object cache (up to 256 MiB of blobs) is freed with it.
          if position > 0, position % 4096 == 0 { repository = try Repository(historyOf: location) }
          values.append(transform(id, try repository.blob(id)))
        }
        shares.withLock { $0[worker] = values }
      } catch {
        failure.withLock { if $0 == nil { $0 = error } }
      }
    }
    if let error = failure.withLock({ $0 }) { throw error }
    return shares.withLock { $0.flatMap { $0 } }
  }

  /// The blob id of `path` in `revision`'s tree, or nil when there is no such file.
  package func blobID(path: GitPath, at revision: ObjectID) throws(GitError) -> ObjectID? {
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
  package func diffBlobs(old: ObjectID?, new: ObjectID) throws(GitError) -> [DiffHunk]? {
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

  /// The zero-context hunks between two texts, with git's indent heuristic; both are diffed as text whatever
  /// bytes they hold, as `git blame` does when it looks for moved and copied lines.
  package static func diffTexts(old: [UInt8], new: [UInt8]) throws(GitError) -> [DiffHunk] {
    _ = Libgit2.ready
    final class Collector {
      var hunks: [DiffHunk] = []
    }
    let collector = Collector()
    var opts = diffOptions(contextLines: 0)
    opts.flags |= GIT_DIFF_FORCE_TEXT.rawValue
    let rc = old.withUnsafeBytes { oldBytes in
      new.withUnsafeBytes { newBytes in
        withExtendedLifetime(collector) {
          // Both buffers are borrowed for the call; the hunk headers are borrowed from libgit2 and copied out at once.
          git_diff_buffers(
            oldBytes.baseAddress, oldBytes.count, nil, newBytes.baseAddress, newBytes.count, nil, &opts, nil, nil,
            { _, hunk, payload in
              guard let hunk, let payload else { return 0 }
              let collector = Unmanaged<Collector>.fromOpaque(payload).takeUnretainedValue()
              collector.hunks.append(
                DiffHunk(
                  oldStart: Int(hunk.pointee.old_start), oldCount: Int(hunk.pointee.old_lines),
                  newStart: Int(hunk.pointee.new_start), newCount: Int(hunk.pointee.new_lines)))
              return 0
            }, nil, Unmanaged.passUnretained(collector).toOpaque())
        }
      }
    }
    if rc < 0 { throw GitError.last(rc, operation: "diff two texts") }
    return collector.hunks
  }
}

extension Repository {
  /// Every regular or executable file in `revision`'s tree (and symbolic link, with `symlinks`), in tree order,
  /// up to `limit` entries.
  package func files(at revision: ObjectID, limit: Int = .max, symlinks: Bool = false) throws(GitError) -> [TreeEntry] {
    let tree = try tree(ofCommit: revision)
    // Owned tree; freed on return. Entries seen in the walk are borrowed from it and copied out at once.
    defer { git_tree_free(tree) }
    final class Collector {
      var entries: [TreeEntry] = []
      let limit: Int
      let symlinks: Bool
      init(limit: Int, symlinks: Bool) {
        self.limit = limit
        self.symlinks = symlinks
      }
    }
    let collector = Collector(limit: limit, symlinks: symlinks)
    let rc = withExtendedLifetime(collector) {
      git_tree_walk(
        tree, GIT_TREEWALK_PRE,
        { root, entry, payload in
          guard let root, let entry, let payload else { return 0 }
          let collector = Unmanaged<Collector>.fromOpaque(payload).takeUnretainedValue()
          let mode = git_tree_entry_filemode(entry)
          let kind: FileMode
          switch mode {
          case GIT_FILEMODE_BLOB: kind = .regular
          case GIT_FILEMODE_BLOB_EXECUTABLE: kind = .executable
          case GIT_FILEMODE_LINK where collector.symlinks: kind = .symlink
          default: return 0
          }
          guard let id = git_tree_entry_id(entry), let name = git_tree_entry_name(entry) else { return 0 }
          collector.entries.append(
            TreeEntry(
              path: GitPath(bytes: GitPath(cString: root).bytes + GitPath(cString: name).bytes), blob: ObjectID(id),
              mode: kind))
          return collector.entries.count >= collector.limit ? -1 : 0
        }, Unmanaged.passUnretained(collector).toOpaque())
    }
    // A negative return from the callback stops the walk early; that is the limit, not an error.
    if rc < 0, collector.entries.count < limit { try check(rc, "list the files of \(revision.abbreviated())") }
    if rc < 0 { git_error_clear() }
    return collector.entries
  }
}
