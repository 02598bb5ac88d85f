internal import CLibgit2
import PaddockSupport
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Repository {
  /// The changes from the tree of `from` (nil: the empty tree) to the tree of `to`.
  ///
  /// Uses git's defaults where they matter for agreeing with git: Myers diff
  /// with the indent heuristic, and rename detection at 50% similarity.
  /// A file is binary by its content alone (a NUL in its first 8,000 bytes, or
  /// over 512 MiB), never by `.gitattributes`: attributes come from the working
  /// tree, `.git/info/attributes` or the change itself, none of which may hide
  /// the lines under review.
  ///
  /// In a partial clone, the blobs the diff needs are fetched from the promisor remote first, in one batch. A blob
  /// that can be had from nowhere leaves its file `isUnreadable` (no hunks), and renames are then found by exact
  /// content only; nothing stops.
  package func diff(from: ObjectID?, to: ObjectID, options: DiffOptions = DiffOptions()) throws(GitError) -> [FileDiff]
  {
    if partialCloneRemote != nil { fetchFromPromisor(try missingBlobs([(from, to)])) }
    return try diffWithoutFetching(from: from, to: to, options: options)
  }

  func diffWithoutFetching(from: ObjectID?, to: ObjectID, options: DiffOptions) throws(GitError) -> [FileDiff] {
    let newTree = try tree(ofCommit: to)
    // Owned trees; freed on return.
    defer { git_tree_free(newTree) }
    var oldTree: OpaquePointer?
    if let from { oldTree = try tree(ofCommit: from) }
    defer { if let oldTree { git_tree_free(oldTree) } }

    var opts = Self.diffOptions(contextLines: options.contextLines)
    var diffPointer: OpaquePointer?
    let rc = git_diff_tree_to_tree(&diffPointer, handle, oldTree, newTree, &opts)
    if rc < 0 {
      throw missingObjectError(
        from: .last(rc, operation: "diff \(from?.abbreviated() ?? "empty tree")..\(to.abbreviated())"),
        operation: "diff \(from?.abbreviated() ?? "empty tree")..\(to.abbreviated())")
    }
    guard let diffPointer else { return [] }
    // Owned diff; freed on return. Deltas and patches borrow from it.
    defer { git_diff_free(diffPointer) }

    // Owned object database; freed on return. Used to read a blob's size before inflating it.
    var odb: OpaquePointer?
    try check(git_repository_odb(&odb, handle), "open the object database")
    defer { git_odb_free(odb) }

    if options.detectRenames {
      var find = git_diff_find_options()
      git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION))
      find.flags = GIT_DIFF_FIND_RENAMES.rawValue
      // Similarity reads the blobs of added and deleted files; when one is missing, only identical content pairs.
      if hasMissingRenameCandidate(diffPointer, odb: odb) { find.flags |= GIT_DIFF_FIND_EXACT_MATCH_ONLY.rawValue }
      try check(git_diff_find_similar(diffPointer, &find), "detect renames")
    }

    var files: [FileDiff] = []
    let count = git_diff_num_deltas(diffPointer)
    files.reserveCapacity(count)
    for index in 0..<count {
      guard let delta = git_diff_get_delta(diffPointer, index) else { continue }
      var file = FileDiff(delta.pointee)
      file.isBinary = false
      if file.isSubmodule || file.oldMode == .tree || file.newMode == .tree || file.oldBlob == file.newBlob {
        files.append(file)
        continue
      }
      // The patch is made from the blobs, not from the diff: libgit2 would take `binary` or `-diff` from the
      // attributes of the working tree, `.git/info/attributes` or the change itself, and show no lines.
      let old = try diffSide(file.oldBlob, odb: odb, path: file.path)
      defer { old.free() }
      let new = try diffSide(file.newBlob, odb: odb, path: file.path)
      defer { new.free() }
      if old.isMissing || new.isMissing {
        file.isBinary = true
        file.isUnreadable = true
        files.append(file)
        continue
      }
      if let hunks = try textHunks(
        old: old, new: new, contextLines: options.contextLines, includeLines: options.includeLines, path: file.path)
      {
        file.hunks = hunks
      } else {
        file.isBinary = true
      }
      files.append(file)
    }
    return files
  }

  /// Whether an added or deleted file of `diff` (borrowed) lacks its blob, which similarity would read.
  func hasMissingRenameCandidate(_ diff: OpaquePointer, odb: OpaquePointer?) -> Bool {
    for index in 0..<git_diff_num_deltas(diff) {
      guard let delta = git_diff_get_delta(diff, index)?.pointee else { continue }
      let side =
        delta.status == GIT_DELTA_ADDED ? delta.new_file : delta.status == GIT_DELTA_DELETED ? delta.old_file : nil
      guard let side, side.mode != GIT_FILEMODE_COMMIT.rawValue else { continue }
      var raw = side.id
      if git_odb_exists(odb, &raw) == 0 { return true }
    }
    return false
  }

  /// The largest blob diffed as text, in bytes, as libgit2's default `max_size`; a larger one counts as binary.
  package static let largestTextBlob = 512 << 20
  /// How many leading bytes git searches for a NUL to call a file binary (`buffer_is_binary`).
  static let binaryProbeLength = 8_000

  /// The bytes the object caches of all open repositories hold between them (`Libgit2.ready` sets it).
  static let objectCacheLimit = 32 << 20

  /// Looks up one side of a file's change for its content: absent for the zero id, oversized (not inflated) past
  /// `largestTextBlob`. `odb` is borrowed. The caller frees a `.blob` with `free()`.
  func diffSide(_ id: ObjectID, odb: OpaquePointer?, path: GitPath) throws(GitError) -> DiffSide {
    if id.isZero { return .absent }
    var raw = id.raw
    var size = 0
    var type = GIT_OBJECT_BLOB
    let headerRC = git_odb_read_header(&size, &type, odb, &raw)
    if headerRC == GIT_ENOTFOUND.rawValue {
      git_error_clear()
      return .missing
    }
    if headerRC < 0 {
      throw missingObjectError(from: .last(headerRC, operation: "diff \(path)"), operation: "diff \(path)")
    }
    if size > Self.largestTextBlob { return .oversized }
    var blob: OpaquePointer?
    let rc = git_blob_lookup(&blob, handle, &raw)
    if rc < 0 { throw missingObjectError(from: .last(rc, operation: "diff \(path)"), operation: "diff \(path)") }
    guard let blob else { throw missingObject(id, what: "file contents of \(path)") }
    return .blob(blob)
  }

  /// The hunks from `old` to `new`, or nil when either side is binary: oversized, or a NUL in its first 8,000
  /// bytes, as git decides. No attribute is consulted, so a change cannot hide its own lines. Both sides are
  /// borrowed.
  func textHunks(
    old: DiffSide, new: DiffSide, contextLines: Int, includeLines: Bool, path: GitPath
  ) throws(GitError) -> [DiffHunk]? {
    if old.isBinary || new.isBinary { return nil }
    var opts = Self.diffOptions(contextLines: contextLines)
    // FORCE_TEXT makes libgit2 skip the `diff` attribute's binary flag, and an empty path skips the attribute
    // lookup altogether; binary was decided above, from content.
    opts.flags |= GIT_DIFF_FORCE_TEXT.rawValue
    var patch: OpaquePointer?
    try check(
      git_patch_from_blobs(&patch, old.blob, "", new.blob, "", &opts), "diff two versions of \(path)")
    guard let patch else { return [] }
    // Owned patch; freed on return.
    defer { git_patch_free(patch) }
    return try hunks(of: patch, includeLines: includeLines, path: path)
  }

  /// Options shared by tree and blob diffs: git's indent heuristic, no merging of nearby hunks.
  static func diffOptions(contextLines: Int) -> git_diff_options {
    var opts = git_diff_options()
    git_diff_options_init(&opts, UInt32(GIT_DIFF_OPTIONS_VERSION))
    opts.flags = GIT_DIFF_INDENT_HEURISTIC.rawValue
    opts.context_lines = UInt32(max(0, contextLines))
    opts.interhunk_lines = 0
    return opts
  }

  /// Copies a patch's hunks (and, when asked, their lines) into values. `patch` is borrowed.
  func hunks(of patch: OpaquePointer, includeLines: Bool, path: GitPath) throws(GitError) -> [DiffHunk] {
    let hunkCount = git_patch_num_hunks(patch)
    var hunks: [DiffHunk] = []
    hunks.reserveCapacity(hunkCount)
    for hunkIndex in 0..<hunkCount {
      var hunkPointer: UnsafePointer<git_diff_hunk>?
      var lineCount = 0
      try check(git_patch_get_hunk(&hunkPointer, &lineCount, patch, hunkIndex), "read a hunk of \(path)")
      guard let header = hunkPointer?.pointee else { continue }
      var hunk = DiffHunk(
        oldStart: Int(header.old_start), oldCount: Int(header.old_lines),
        newStart: Int(header.new_start), newCount: Int(header.new_lines))
      if includeLines {
        hunk.lines.reserveCapacity(lineCount)
        for lineIndex in 0..<lineCount {
          var linePointer: UnsafePointer<git_diff_line>?
          try check(git_patch_get_line_in_hunk(&linePointer, patch, hunkIndex, lineIndex), "read a line of \(path)")
          guard let line = linePointer?.pointee, let kind = DiffLine.Kind(origin: line.origin),
            let content = line.content
          else { continue }
          // Strip the line ending; content is borrowed from the patch and not NUL-terminated.
          var length = line.content_len
          if length > 0, content[length - 1] == 0x0A { length -= 1 }
          if length > 0, content[length - 1] == 0x0D { length -= 1 }
          hunk.lines.append(
            DiffLine(
              kind: kind, oldLine: line.old_lineno > 0 ? Int(line.old_lineno) : nil,
              newLine: line.new_lineno > 0 ? Int(line.new_lineno) : nil,
              text: String(decodingBytes: content, count: length)))
        }
      }
      hunks.append(hunk)
    }
    return hunks
  }

  /// Looks up a commit's root tree. The caller owns the result and frees it with git_tree_free.
  func tree(ofCommit id: ObjectID) throws(GitError) -> OpaquePointer {
    try withCommit(id) { commit throws(GitError) in
      var tree: OpaquePointer?
      let treeRC = git_commit_tree(&tree, commit)
      if treeRC == GIT_ENOTFOUND.rawValue {
        git_error_clear()
        throw missingObject(ObjectID(git_commit_tree_id(commit)), what: "tree")
      }
      try check(treeRC, "read the tree of \(id.abbreviated())")
      guard let tree else { throw missingObject(id, what: "tree") }
      return tree
    }
  }
}

extension FileDiff {
  init(_ delta: git_diff_delta) {
    let status: DeltaStatus
    switch delta.status {
    case GIT_DELTA_ADDED: status = .added
    case GIT_DELTA_DELETED: status = .deleted
    case GIT_DELTA_RENAMED: status = .renamed
    case GIT_DELTA_COPIED: status = .copied
    case GIT_DELTA_TYPECHANGE: status = .typeChanged
    case GIT_DELTA_UNMODIFIED: status = .unmodified
    default: status = .modified
    }
    let oldExists = status != .added
    let newExists = status != .deleted
    self.init(
      status: status,
      oldPath: oldExists ? delta.old_file.path.map { GitPath(cString: $0) } : nil,
      newPath: newExists ? delta.new_file.path.map { GitPath(cString: $0) } : nil,
      oldMode: oldExists ? FileMode(delta.old_file.mode) : .absent,
      newMode: newExists ? FileMode(delta.new_file.mode) : .absent,
      oldBlob: ObjectID(delta.old_file.id), newBlob: ObjectID(delta.new_file.id),
      isBinary: (delta.flags & GIT_DIFF_FLAG_BINARY.rawValue) != 0,
      similarity: Int(delta.similarity), hunks: [])
  }
}

extension FileMode {
  init(_ mode: UInt16) {
    switch UInt32(mode) {
    case 0: self = .absent
    case GIT_FILEMODE_BLOB.rawValue: self = .regular
    case GIT_FILEMODE_BLOB_EXECUTABLE.rawValue: self = .executable
    case GIT_FILEMODE_LINK.rawValue: self = .symlink
    case GIT_FILEMODE_COMMIT.rawValue: self = .submodule
    case GIT_FILEMODE_TREE.rawValue: self = .tree
    default: self = .unknown
    }
  }
}

extension DiffLine.Kind {
  init?(origin: CChar) {
    switch UInt8(bitPattern: origin) {
    case UInt8(ascii: " "): self = .context
    case UInt8(ascii: "+"): self = .addition
    case UInt8(ascii: "-"): self = .deletion
    default: return nil
    }
  }
}

extension Repository {
  /// Many tree diffs at once, spread over `threads` worker threads that each open their own handle on this
  /// repository's history (libgit2 handles are not shared across threads). Results come back in the order asked.
  ///
  /// `alongside` runs on the calling thread, with this handle, while the workers diff: other work overlaps the
  /// batch instead of waiting for it. As with `diff(from:to:options:)`, binary files are told by their content.
  package func diffs(
    _ pairs: [(from: ObjectID?, to: ObjectID)], options: DiffOptions, threads: Int,
    alongside: () throws(GitError) -> Void = {}
  ) throws(GitError) -> [[FileDiff]] {
    // A partial clone fetches every blob the batch needs in one request first.
    if partialCloneRemote != nil { fetchFromPromisor(try missingBlobs(pairs)) }
    guard threads > 1, pairs.count >= 16 else {
      try alongside()
      var results: [[FileDiff]] = []
      results.reserveCapacity(pairs.count)
      for pair in pairs { results.append(try diffWithoutFetching(from: pair.from, to: pair.to, options: options)) }
      return results
    }
    let location = gitDirectory
    let jobs = pairs.map { DiffJob(from: $0.from, to: $0.to) }
    let results = Mutex<[[FileDiff]?]>(Array(repeating: nil, count: jobs.count))
    let failure = Mutex<GitError?>(nil)
    let next = Atomic<Int>(0)
    var alongsideError: GitError?
    // Worker 0 is this thread, which does `alongside`; the others diff.
    Parallel.run(workers: threads + 1) { worker in
      if worker == 0 {
        do throws(GitError) { try alongside() } catch { alongsideError = error }
        return
      }
      do throws(GitError) {
        let repository = try Repository(historyOf: location)
        while failure.withLock({ $0 == nil }) {
          let index = next.add(1, ordering: .relaxed).oldValue
          guard index < jobs.count else { return }
          let diff = try repository.diffWithoutFetching(from: jobs[index].from, to: jobs[index].to, options: options)
          results.withLock { $0[index] = diff }
        }
      } catch {
        failure.withLock { if $0 == nil { $0 = error } }
      }
    }
    if let error = alongsideError ?? failure.withLock({ $0 }) { throw error }
    return results.withLock { $0.map { $0 ?? [] } }
  }
}

private struct DiffJob: Sendable {
  var from: ObjectID?
  var to: ObjectID
}

/// One side of a file's change, looked up for its content.
enum DiffSide {
  case absent
  /// Not in the object database (a partial clone, or a lost object).
  case missing
  /// Larger than `Repository.largestTextBlob`; never inflated.
  case oversized
  /// Owned blob; freed with `free()`.
  case blob(OpaquePointer)

  /// The blob, borrowed, or nil when there is none.
  var blob: OpaquePointer? {
    if case .blob(let blob) = self { return blob }
    return nil
  }

  var isMissing: Bool {
    if case .missing = self { return true }
    return false
  }

  /// Whether git calls this side binary: too large, or a NUL in its first 8,000 bytes.
  var isBinary: Bool {
    switch self {
    case .absent, .missing: return false
    case .oversized: return true
    case .blob(let blob):
      let size = Int(git_blob_rawsize(blob))
      guard size > 0, let content = git_blob_rawcontent(blob) else { return false }
      return memchr(content, 0, min(size, Repository.binaryProbeLength)) != nil
    }
  }

  func free() {
    if case .blob(let blob) = self { git_blob_free(blob) }
  }
}
