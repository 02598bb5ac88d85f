internal import CLibgit2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Repository {
  /// Resolves any revision git understands (`main`, `HEAD~3`, `origin/main`,
  /// an abbreviated id, `v1.0^{commit}`) to a commit id.
  package func resolveCommit(_ spec: String) throws(GitError) -> ObjectID {
    var object: OpaquePointer?
    let rc = git_revparse_single(&object, handle, spec)
    if rc < 0 {
      var error = GitError.last(rc, operation: "resolve revision `\(spec)`")
      switch error.code {
      case .notFound, .invalidSpec:
        error.hint = unknownRevisionHint(spec)
      case .ambiguous:
        error.hint = "the abbreviated id `\(spec)` matches several objects: give more digits"
      case .unbornBranch:
        error.hint = "the branch has no commits yet: make a first commit"
      default: break
      }
      throw error
    }
    guard let object else { throw GitError(code: .notFound, operation: "resolve `\(spec)`", detail: "no object") }
    // Owned; freed on return, as is the peeled commit.
    defer { git_object_free(object) }
    var peeled: OpaquePointer?
    let peelRC = git_object_peel(&peeled, object, GIT_OBJECT_COMMIT)
    if peelRC < 0 {
      var error = GitError.last(peelRC, operation: "resolve revision `\(spec)` to a commit")
      error.hint = "`\(spec)` names a tree or blob, not a commit"
      throw error
    }
    guard let peeled else { throw GitError(code: .notFound, operation: "peel `\(spec)`", detail: "no commit") }
    defer { git_object_free(peeled) }
    return ObjectID(git_object_id(peeled))
  }

  /// What `id` is once tags are peeled: the kind of object a pushed ref finally names. A missing or damaged
  /// object is an error.
  package func peeledKind(of id: ObjectID) throws(GitError) -> ObjectKind {
    var raw = id.raw
    var object: OpaquePointer?
    let rc = git_object_lookup(&object, handle, &raw, GIT_OBJECT_ANY)
    if rc == GIT_ENOTFOUND.rawValue {
      git_error_clear()
      throw missingObject(id, what: "object")
    }
    if rc < 0 {
      throw missingObjectError(
        from: .last(rc, operation: "read object \(id.abbreviated())"), operation: "read object \(id.abbreviated())")
    }
    guard let object else { throw missingObject(id, what: "object") }
    // Owned; freed on return, as is the peeled object.
    defer { git_object_free(object) }
    // Only a tag is peeled: peeling a commit with GIT_OBJECT_ANY would give its tree.
    var peeled: OpaquePointer?
    if git_object_type(object) == GIT_OBJECT_TAG {
      let peelRC = git_object_peel(&peeled, object, GIT_OBJECT_ANY)
      if peelRC < 0 {
        throw missingObjectError(
          from: .last(peelRC, operation: "read what tag \(id.abbreviated()) names"),
          operation: "read what tag \(id.abbreviated()) names")
      }
    }
    defer { if let peeled { git_object_free(peeled) } }
    switch git_object_type(peeled ?? object) {
    case GIT_OBJECT_COMMIT: return .commit
    case GIT_OBJECT_TREE: return .tree
    case GIT_OBJECT_BLOB: return .blob
    default: return .tag
    }
  }

  private func unknownRevisionHint(_ spec: String) -> String {
    if isShallow, spec.contains("~") || spec.contains("^") {
      return "`\(spec)` may lie beyond this shallow clone's depth: " + missingObjectHint()
    }
    if let pastRoot = pastRootHint(spec) { return pastRoot }
    if spec.contains("/") {
      return
        "no revision `\(spec)` here: if it is a remote branch, run `git fetch` first; list branches with `git branch -a`"
    }
    return
      "no revision `\(spec)` here: check the spelling with `git rev-parse --verify \(spec)`, or `git fetch` if it exists only on a remote"
  }

  /// For a spec that walks first parents (`HEAD~10`, `main^^`) further back than the history goes: which revision,
  /// how many commits its first-parent history has, and the furthest one back; nil for any other spec.
  private func pastRootHint(_ spec: String) -> String? {
    // The ancestry suffix: `~N`, `~` and `^`/`^1` all step back along first parents.
    var index = spec.endIndex
    var steps = 0
    while index > spec.startIndex {
      var digitsStart = index
      while digitsStart > spec.startIndex, spec[spec.index(before: digitsStart)].isASCII,
        spec[spec.index(before: digitsStart)].isNumber
      {
        digitsStart = spec.index(before: digitsStart)
      }
      guard digitsStart > spec.startIndex else { break }
      let marker = spec[spec.index(before: digitsStart)]
      guard marker == "~" || marker == "^" else { break }
      let digits = spec[digitsStart..<index]
      let count = digits.isEmpty ? 1 : Int(digits) ?? Int.max
      // `^2` names a second parent, not a step back: leave such specs to git's own message.
      if marker == "^", count != 1 { return nil }
      steps = steps > Int.max - count ? Int.max : steps + count
      index = spec.index(before: digitsStart)
    }
    let base = String(spec[..<index])
    guard steps > 0, !base.isEmpty, let start = try? resolveCommit(base) else { return nil }
    // Count the first-parent history, never further than the spec asked to go.
    var count = 1
    var current = start
    while count <= steps, let parent = (try? commit(current))?.parents.first {
      current = parent
      count += 1
    }
    guard count <= steps else { return nil }
    let furthest = count == 1 ? base : "\(base)~\(count - 1)"
    let commits = count == 1 ? "1 commit" : "\(count) commits"
    return "`\(spec)` is \(steps) commits back from `\(base)`, but the first-parent history of `\(base)` has only "
      + "\(commits), root included: the furthest back is `\(furthest)`, the root commit \(current.abbreviated())"
  }

  /// Parses `A..B`, `A...B` or a single revision `A` (meaning `A..HEAD`).
  package func resolveRange(_ spec: String) throws(GitError) -> RevisionRange {
    if let symmetric = spec.range(of: "...") {
      let left = String(spec[..<symmetric.lowerBound])
      let right = String(spec[symmetric.upperBound...])
      return RevisionRange(
        from: try resolveCommit(left.isEmpty ? "HEAD" : left),
        to: try resolveCommit(right.isEmpty ? "HEAD" : right), isSymmetric: true)
    }
    if let dots = spec.range(of: "..") {
      let left = String(spec[..<dots.lowerBound])
      let right = String(spec[dots.upperBound...])
      return RevisionRange(
        from: try resolveCommit(left.isEmpty ? "HEAD" : left),
        to: try resolveCommit(right.isEmpty ? "HEAD" : right), isSymmetric: false)
    }
    return RevisionRange(from: try resolveCommit(spec), to: try resolveCommit("HEAD"), isSymmetric: false)
  }

  /// The best common ancestor of two commits, or nil when they share no history.
  package func mergeBase(_ a: ObjectID, _ b: ObjectID) throws(GitError) -> ObjectID? {
    if isShallow { return try shallowMergeBase(a, b) }
    var out = git_oid()
    var left = a.raw
    var right = b.raw
    let rc = git_merge_base(&out, handle, &left, &right)
    if rc == GIT_ENOTFOUND.rawValue {
      let error = GitError.last(rc, operation: "find the merge base")
      // libgit2 says "not found" both for unrelated histories and for missing objects.
      if error.detail.contains("no merge base") { return nil }
      throw missingObjectError(
        from: error, operation: "find the merge base of \(a.abbreviated()) and \(b.abbreviated())")
    }
    try check(rc, "find the merge base of \(a.abbreviated()) and \(b.abbreviated())")
    return ObjectID(out)
  }

  /// Commits reachable from `include` but not from `exclude`, like
  /// `git rev-list include --not exclude`.
  package func walk(
    include: [ObjectID], exclude: [ObjectID] = [], order: WalkOrder = .topological
  ) throws(GitError) -> [ObjectID] {
    // libgit2 1.5 does not read the `shallow` file: its walker fails at the cut-off.
    if isShallow { return try shallowWalk(include: include, exclude: exclude, order: order) }
    var walker: OpaquePointer?
    try check(git_revwalk_new(&walker, handle), "start a revision walk")
    guard let walker else { return [] }
    // Owned walker; freed on return.
    defer { git_revwalk_free(walker) }
    var mode = GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue
    if case .topologicalReverse = order { mode |= GIT_SORT_REVERSE.rawValue }
    try check(git_revwalk_sorting(walker, mode), "sort the revision walk")
    for id in include {
      var raw = id.raw
      let rc = git_revwalk_push(walker, &raw)
      if rc < 0 {
        throw missingObjectError(
          from: .last(rc, operation: "walk from \(id.abbreviated())"), operation: "walk from \(id.abbreviated())")
      }
    }
    for id in exclude {
      var raw = id.raw
      let rc = git_revwalk_hide(walker, &raw)
      if rc < 0 {
        throw missingObjectError(
          from: .last(rc, operation: "hide \(id.abbreviated())"), operation: "hide \(id.abbreviated())")
      }
    }
    var result: [ObjectID] = []
    var next = git_oid()
    while true {
      let rc = git_revwalk_next(&next, walker)
      if rc == GIT_ITEROVER.rawValue {
        git_error_clear()
        break
      }
      if rc < 0 {
        throw missingObjectError(from: .last(rc, operation: "walk the history"), operation: "walk the history")
      }
      result.append(ObjectID(next))
    }
    return result
  }

  /// Turns a libgit2 "not found" during history traversal into advice about
  /// shallow or partial clones.
  func missingObjectError(from error: GitError, operation: String) -> GitError {
    let detail = error.detail.lowercased()
    if ["corrupt", "object header", "inflate", "zlib", "invalid object", "malformed"].contains(where: detail.contains) {
      return GitError(
        code: error.code, operation: operation, detail: error.detail,
        hint:
          "an object in this repository is damaged: run `git fsck --full` to find it, then restore it by fetching "
          + "from a good remote (`git fetch`) or from a fresh clone")
    }
    guard error.code == .notFound || detail.contains("not found") || detail.contains("missing") else {
      return error
    }
    return GitError(code: .missingObject, operation: operation, detail: error.detail, hint: missingObjectHint())
  }

  /// Reads one commit into a value.
  package func commit(_ id: ObjectID) throws(GitError) -> Commit {
    try withCommit(id) { commit throws(GitError) in try commitValue(id, commit) }
  }

  private func commitValue(_ id: ObjectID, _ commit: OpaquePointer) throws(GitError) -> Commit {
    var parents: [ObjectID] = []
    let count = git_commit_parentcount(commit)
    parents.reserveCapacity(Int(count))
    for index in 0..<count {
      if let parent = git_commit_parent_id(commit, index) { parents.append(ObjectID(parent)) }
    }
    let messageBytes: [UInt8]
    if let raw = git_commit_message_raw(commit) {
      let length = strlen(raw)
      messageBytes = raw.withMemoryRebound(to: UInt8.self, capacity: length) {
        Array(UnsafeBufferPointer(start: $0, count: length))
      }
    } else {
      messageBytes = []
    }
    let encoding = git_commit_message_encoding(commit).map { String(decodingCString: $0).lowercased() }
    let message: String
    if let encoding, ["iso-8859-1", "latin1", "latin-1", "iso8859-1"].contains(encoding),
      String(validating: messageBytes, as: UTF8.self) == nil
    {
      message = String(String.UnicodeScalarView(messageBytes.map { Unicode.Scalar($0) }))
    } else {
      message = String(decoding: messageBytes, as: UTF8.self)
    }
    guard let author = git_commit_author(commit), let committer = git_commit_committer(commit) else {
      throw GitError(
        code: .other(-1), operation: "read commit \(id.abbreviated())", detail: "the commit has no author or committer")
    }
    return Commit(
      id: id, parents: parents, author: Signature(author), committer: Signature(committer),
      message: message, trailers: Trailer.parse(bytes: messageBytes), tree: ObjectID(git_commit_tree_id(commit)))
  }

  /// Whether an object exists in the object database (without reading it).
  package func contains(_ id: ObjectID) -> Bool {
    var odb: OpaquePointer?
    guard git_repository_odb(&odb, handle) == 0, let odb else {
      git_error_clear()
      return false
    }
    // Owned reference to the repository's object database; freed on return.
    defer { git_odb_free(odb) }
    var raw = id.raw
    return git_odb_exists(odb, &raw) == 1
  }
}

extension Repository {
  /// Merge base within a shallow clone's history: the common ancestors that no other common ancestor descends from.
  func shallowMergeBase(_ a: ObjectID, _ b: ObjectID) throws(GitError) -> ObjectID? {
    let boundary = shallowBoundary
    func ancestors(_ start: ObjectID) throws(GitError) -> Set<ObjectID> {
      var seen: Set<ObjectID> = []
      var stack = [start]
      while let id = stack.popLast() {
        guard seen.insert(id).inserted else { continue }
        if !boundary.contains(id) { stack += try commit(id).parents }
      }
      return seen
    }
    let common = try ancestors(a).intersection(try ancestors(b))
    // Every proper ancestor of a common ancestor is dominated; one pass marks them all.
    var dominated: Set<ObjectID> = []
    var stack: [ObjectID] = []
    for id in common where !boundary.contains(id) { stack += try commit(id).parents }
    while let id = stack.popLast() {
      guard dominated.insert(id).inserted else { continue }
      if !boundary.contains(id) { stack += try commit(id).parents }
    }
    var best: (id: ObjectID, time: Int64)?
    for candidate in common.subtracting(dominated) {
      let time = try commit(candidate).committer.time
      if best == nil || time > best?.time ?? 0 { best = (candidate, time) }
    }
    return best?.id
  }

  /// The walk for shallow clones, treating the commits listed in `shallow` as roots.
  /// Shallow histories are short, so marking every excluded ancestor is cheap.
  func shallowWalk(include: [ObjectID], exclude: [ObjectID], order: WalkOrder) throws(GitError) -> [ObjectID] {
    let boundary = shallowBoundary
    var parentsOf: [ObjectID: [ObjectID]] = [:]
    var timeOf: [ObjectID: Int64] = [:]
    func parents(_ id: ObjectID) throws(GitError) -> [ObjectID] {
      if let known = parentsOf[id] { return known }
      let commit = try commit(id)
      let result = boundary.contains(id) ? [] : commit.parents
      parentsOf[id] = result
      timeOf[id] = commit.committer.time
      return result
    }
    var hidden: Set<ObjectID> = []
    var stack = exclude
    while let id = stack.popLast() {
      guard hidden.insert(id).inserted else { continue }
      stack += try parents(id)
    }
    var included: Set<ObjectID> = []
    stack = include
    while let id = stack.popLast() {
      guard !hidden.contains(id), included.insert(id).inserted else { continue }
      if boundary.contains(id), !(try commit(id).parents.isEmpty) {
        throw GitError(
          code: .missingObject,
          operation: "walk the history from \(include.map { $0.abbreviated() }.joined(separator: ", "))",
          detail: "the range reaches commit \(id.abbreviated()), where this shallow clone's history is cut off",
          hint: missingObjectHint())
      }
      stack += try parents(id)
    }
    // Parents before children (Kahn's algorithm), oldest first among the ready ones.
    var pending: [ObjectID: Int] = [:]
    var children: [ObjectID: [ObjectID]] = [:]
    for id in included {
      let inside = (parentsOf[id] ?? []).filter { included.contains($0) }
      pending[id] = inside.count
      for parent in inside { children[parent, default: []].append(id) }
    }
    var ready = included.filter { pending[$0] == 0 }.sorted { (timeOf[$0] ?? 0, $0) < (timeOf[$1] ?? 0, $1) }
    var result: [ObjectID] = []
    while !ready.isEmpty {
      let id = ready.removeFirst()
      result.append(id)
      for child in children[id] ?? [] {
        pending[child, default: 1] -= 1
        if pending[child] == 0 { ready.append(child) }
      }
    }
    return order == .topologicalReverse ? result : result.reversed()
  }
}

extension Repository {
  /// A commit's parent ids, without decoding its message (cheap, for history traversals).
  package func parentIDs(of id: ObjectID) throws(GitError) -> [ObjectID] {
    try withCommit(id) { commit in
      (0..<git_commit_parentcount(commit)).compactMap { git_commit_parent_id(commit, $0).map(ObjectID.init) }
    }
  }

  /// Looks up a commit, lends it to `body`, and frees it. A missing commit becomes
  /// a `missingObject` error with advice for shallow and partial clones.
  func withCommit<T>(_ id: ObjectID, _ body: (OpaquePointer) throws(GitError) -> T) throws(GitError) -> T {
    try withObject(id, type: GIT_OBJECT_COMMIT, what: "commit", body)
  }

  /// Looks up an object of `type`, lends it to `body` (commit and blob functions accept it,
  /// being the same C object), and frees it. "Not found" becomes a `missingObject` error.
  func withObject<T>(
    _ id: ObjectID, type: git_object_t, what: String, _ body: (OpaquePointer) throws(GitError) -> T
  ) throws(GitError) -> T {
    var raw = id.raw
    var object: OpaquePointer?
    let rc = git_object_lookup(&object, handle, &raw, type)
    if rc == GIT_ENOTFOUND.rawValue {
      git_error_clear()
      throw missingObject(id, what: what)
    }
    try check(rc, "read \(what) \(id.abbreviated())")
    guard let object else { throw missingObject(id, what: what) }
    // Owned object; freed when `body` returns. `body` must copy what it keeps.
    defer { git_object_free(object) }
    return try body(object)
  }
}
