import PaddockGit

/// The change under review as plain values: each file's added lines with who wrote them, and the commits.
///
/// Built from a repository by `ReviewChange.load`, or from a rule's example by `RuleExampleRunner`, so the
/// rules run the same way on both.
public struct ReviewChange: Sendable {
  public var files: [ReviewFile]
  public var commits: [ReviewCommit]
  /// Text files standing at head outside `files`, for checks that look beyond the change (duplicate code).
  public var headFiles: [HeadFile]
  /// Every path the change touches, deletions, renames and mode changes included, with the commits that changed
  /// it: what protected paths are judged on. Empty for a change built from lines alone (a rule's example).
  public var paths: [PathChange]
  /// Lines that commits of the change added and later commits changed or removed, one file per commit and path
  /// (line numbers in that commit's version): not at head, but in the history the change delivers. Only secret
  /// rules read them.
  public var intermediate: [ReviewFile]
  /// The packages that the dependency manifests of the whole repository declared at the base of the change, by
  /// ecosystem (`npm`, `Go`, `PyPI`, ...): loaded when the change touches a manifest.
  public var declaredDependencies: [String: Set<String>]
  /// What the checks could not see, in words for people (files at head that could not be read).
  public var limitations: [String]

  public init(
    files: [ReviewFile], commits: [ReviewCommit], headFiles: [HeadFile] = [], paths: [PathChange] = [],
    intermediate: [ReviewFile] = [], declaredDependencies: [String: Set<String>] = [:], limitations: [String] = []
  ) {
    self.files = files
    self.commits = commits
    self.headFiles = headFiles
    self.declaredDependencies = declaredDependencies
    self.limitations = limitations
    self.paths = paths
    self.intermediate = intermediate
  }

  /// Whether commit `ancestor` is commit `descendant` or one of its ancestors inside the change (indices into
  /// `commits`).
  public func isAncestor(_ ancestor: Int, of descendant: Int) -> Bool {
    var seen = Set<Int>()
    var queue = [descendant]
    while let next = queue.popLast() {
      if next == ancestor { return true }
      guard commits.indices.contains(next), seen.insert(next).inserted else { continue }
      queue += commits[next].parents
    }
    return false
  }
}

/// One path of the change as a whole, however it changed.
public struct PathChange: Sendable, Hashable {
  /// The path at head, or the old path of a deleted file.
  public var path: String
  /// The path before a rename.
  public var oldPath: String?
  public var status: DeltaStatus
  public var oldMode: FileMode?
  public var newMode: FileMode?
  public var isBinary: Bool
  public var addedLines: Int
  public var removedLines: Int
  /// Indices into `ReviewChange.commits` of the commits that changed the file (lines, name, mode or content).
  public var commits: [Int]

  public init(
    path: String, oldPath: String? = nil, status: DeltaStatus, oldMode: FileMode? = nil, newMode: FileMode? = nil,
    isBinary: Bool = false, addedLines: Int = 0, removedLines: Int = 0, commits: [Int] = []
  ) {
    self.path = path
    self.oldPath = oldPath
    self.status = status
    self.oldMode = oldMode
    self.newMode = newMode
    self.isBinary = isBinary
    self.addedLines = addedLines
    self.removedLines = removedLines
    self.commits = commits
  }

  /// What happened to the file overall, in words: `deleted`, `renamed to x`, `mode changed`, `3 lines removed`.
  public var summary: String {
    var parts: [String] = []
    switch status {
    case .added: parts.append("added")
    case .deleted: parts.append("deleted")
    case .renamed: if let oldPath { parts.append("renamed from \(oldPath) to \(path)") }
    case .typeChanged: parts.append("changed type")
    default: break
    }
    if let oldMode, let newMode, oldMode != .absent, newMode != .absent, oldMode != newMode {
      parts.append("mode changed from \(oldMode.rawValue) to \(newMode.rawValue)")
    }
    if isBinary, status != .deleted { parts.append("binary content") }
    if status != .deleted, status != .added {
      if removedLines > 0 { parts.append("\(removedLines) line\(removedLines == 1 ? "" : "s") removed") }
      if addedLines > 0 { parts.append("\(addedLines) line\(addedLines == 1 ? "" : "s") added") }
    }
    return parts.isEmpty ? "changed" : parts.joined(separator: ", ")
  }
}

/// One changed file.
public struct ReviewFile: Sendable {
  public var path: String
  public var oldPath: String?
  public var status: DeltaStatus
  public var isBinary: Bool
  public var language: Language?
  /// Code, test, documentation, data, or written by a tool or another project.
  public var kind: FileKind
  public var added: [AddedLine]
  /// The whole file at head when it is text and not huge; lets suppressions and manifests see the lines above.
  public var content: [String]?
  /// The file before the change, loaded only for dependency manifests (to tell a new package from a bump).
  public var oldContent: [String]?
  /// When the file's content is missing from the repository (a partial clone), who made its last change: the review
  /// could not read it, and `policy.unreadable` decides what that means.
  public var unreadableBy: Authorship?

  public init(
    path: String, oldPath: String? = nil, status: DeltaStatus = .modified, isBinary: Bool = false,
    language: Language? = nil, kind: FileKind? = nil, added: [AddedLine], content: [String]? = nil,
    oldContent: [String]? = nil
  ) {
    self.oldContent = oldContent
    self.path = path
    self.oldPath = oldPath
    self.status = status
    self.isBinary = isBinary
    self.language = language ?? Language.of(path: path, firstLine: content?.first)
    self.kind = kind ?? FileKind.of(path: path, firstLines: (content ?? added.map(\.text)).prefix(FileKind.headerLines))
    self.added = added
    self.content = content
  }

  /// Line `number` (1-based) of the file at head, from `content` or else from the added lines.
  public func line(_ number: Int) -> String? {
    if let content { return number >= 1 && number <= content.count ? content[number - 1] : nil }
    return addedLine(number)?.text
  }

  /// The added line numbered `number`, if any: a binary search (added lines are in ascending order, and a file
  /// can have hundreds of thousands).
  public func addedLine(_ number: Int) -> AddedLine? {
    var low = 0
    var high = added.count
    while low < high {
      let middle = (low + high) / 2
      if added[middle].number < number { low = middle + 1 } else { high = middle }
    }
    return low < added.count && added[low].number == number ? added[low] : nil
  }
}

/// An added line and who wrote it.
public struct AddedLine: Sendable, Hashable {
  /// The line's number in the file at head.
  public var number: Int
  public var text: String
  public var authorship: Authorship
  /// Index into `ReviewChange.commits` of the commit that added it; nil when it came from outside the range.
  public var commit: Int?
  public var agent: String?

  public init(number: Int, text: String, authorship: Authorship, commit: Int?, agent: String? = nil) {
    self.number = number
    self.text = text
    self.authorship = authorship
    self.commit = commit
    self.agent = agent
  }
}

/// A commit of the change, with what the policy checks need to know about it.
public struct ReviewCommit: Sendable, Hashable {
  public var id: String
  public var summary: String
  /// `Name <email>` of the author.
  public var author: String
  public var authorship: Authorship
  public var agent: String?
  /// A person's reviews: review trailers (`Reviewed-by: Name <email>`) that count, and approvals of the pull
  /// request.
  public var humanReviewers: [String]
  /// `Signed-off-by` trailers that name an agent.
  public var agentSignoffs: [String]
  /// Review trailers that do not count, and why.
  public var refusedReviews: [RefusedReview]
  /// Indices into `ReviewChange.commits` of the parents inside the change.
  public var parents: [Int]

  public init(
    id: String, summary: String, author: String, authorship: Authorship, agent: String? = nil,
    humanReviewers: [String] = [], agentSignoffs: [String] = [], refusedReviews: [RefusedReview] = [],
    parents: [Int] = []
  ) {
    self.id = id
    self.summary = summary
    self.author = author
    self.authorship = authorship
    self.agent = agent
    self.humanReviewers = humanReviewers
    self.agentSignoffs = agentSignoffs
    self.refusedReviews = refusedReviews
    self.parents = parents
  }
}

/// A file at head that the change did not touch.
public struct HeadFile: Sendable, Hashable {
  public var path: String
  public var lines: [String]
  public var kind: FileKind

  public init(path: String, lines: [String], kind: FileKind? = nil) {
    self.path = path
    self.lines = lines
    self.kind = kind ?? FileKind.of(path: path, firstLines: lines.prefix(FileKind.headerLines))
  }
}
