import PaddockGit

/// Counts of added lines by authorship.
public struct LineCounts: Sendable, Codable, Hashable {
  public var ai = 0
  public var human = 0
  public var bot = 0
  public var unknown = 0

  public init(ai: Int = 0, human: Int = 0, bot: Int = 0, unknown: Int = 0) {
    self.ai = ai
    self.human = human
    self.bot = bot
    self.unknown = unknown
  }

  public var total: Int { ai + human + bot + unknown }

  /// The count of one authorship.
  public subscript(authorship: Authorship) -> Int {
    switch authorship {
    case .ai: ai
    case .human: human
    case .bot: bot
    case .unknown: unknown
    }
  }

  mutating func add(_ authorship: Authorship, count: Int = 1) {
    switch authorship {
    case .ai: ai += count
    case .human: human += count
    case .bot: bot += count
    case .unknown: unknown += count
    }
  }

  static func + (lhs: LineCounts, rhs: LineCounts) -> LineCounts {
    LineCounts(
      ai: lhs.ai + rhs.ai, human: lhs.human + rhs.human, bot: lhs.bot + rhs.bot, unknown: lhs.unknown + rhs.unknown)
  }

  /// `ai`, `human`, `bot` or `unknown` when all lines agree, `mixed` otherwise, `none` when empty.
  public var summary: String {
    let kinds = Authorship.allCases.filter { self[$0] > 0 }
    if kinds.isEmpty { return "none" }
    return kinds.count == 1 ? kinds[0].rawValue : "mixed"
  }

  enum CodingKeys: String, CodingKey { case ai, human, bot, unknown, total }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(ai, forKey: .ai)
    try container.encode(human, forKey: .human)
    try container.encode(bot, forKey: .bot)
    try container.encode(unknown, forKey: .unknown)
    try container.encode(total, forKey: .total)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    ai = try container.decode(Int.self, forKey: .ai)
    human = try container.decode(Int.self, forKey: .human)
    bot = try container.decodeIfPresent(Int.self, forKey: .bot) ?? 0
    unknown = try container.decode(Int.self, forKey: .unknown)
  }
}

/// Where a line's authorship came from.
public enum AttributionSource: String, Sendable, Codable, Hashable {
  /// The classification of the commit that introduced the line.
  case commit
  /// A line-level authorship note (`refs/notes/ai`), which overrides the commit.
  case note
  /// An Agent Trace record (`.agent-trace/traces.jsonl`), which overrides the commit.
  case trace
  /// No commit in the range introduced the line (it came through a parent outside the range).
  case boundary
}

/// One added line and who wrote it.
public struct LineAttribution: Sendable, Codable, Hashable {
  public var path: String
  /// The line's number in the new file.
  public var line: Int
  /// The commit that introduced the line (full id), or nil for boundary lines.
  public var commit: String?
  public var authorship: Authorship
  public var agent: String?
  public var model: String?
  public var source: AttributionSource
  public var text: String
}

/// A zero-context hunk of the range's diff and who wrote its added lines.
public struct HunkAttribution: Sendable, Codable, Hashable {
  public var oldStart: Int
  public var oldLines: Int
  public var newStart: Int
  public var newLines: Int
  /// `ai`, `human`, `unknown`, `mixed`, or `none` for a pure deletion.
  public var authorship: String
  public var counts: LineCounts
  public var lines: [LineAttribution]

  enum CodingKeys: String, CodingKey {
    case oldStart = "old_start"
    case oldLines = "old_lines"
    case newStart = "new_start"
    case newLines = "new_lines"
    case authorship
    case counts
    case lines
  }
}

/// One changed file of the range.
public struct FileAttribution: Sendable, Codable, Hashable {
  public var path: String
  public var oldPath: String?
  public var status: DeltaStatus
  public var binary: Bool
  public var submodule: Bool
  public var symlink: Bool
  /// For binary files and submodules (which have no lines): the last commit that changed them.
  public var commit: String?
  public var authorship: String
  public var counts: LineCounts
  public var hunks: [HunkAttribution]
  /// The file's blob at head (not encoded: the JSON schema does not carry it).
  public var blob: ObjectID? = nil
  /// The file's blob at the merge base, for modified files (not encoded either).
  public var oldBlob: ObjectID? = nil
  /// A Git LFS pointer: its content is stored outside git, so it has no lines here (and `binary` is set).
  public var lfsPointer: Bool? = nil
  /// The content is missing from the repository (a partial clone whose promisor could not supply it, or a lost
  /// object): no lines, `binary` set, and the authorship of its last change.
  public var unreadable: Bool? = nil
  /// The kind of entry at the merge base and at head (not encoded): a changed mode is a change too.
  public var oldMode: FileMode? = nil
  public var newMode: FileMode? = nil
  /// The commits of the range that changed this file in any way (its lines, name, mode or content), under its
  /// new or old path, by full id (not encoded).
  public var changedBy: [String] = []

  enum CodingKeys: String, CodingKey {
    case path
    case oldPath = "old_path"
    case status
    case binary
    case submodule
    case symlink
    case commit
    case authorship
    case counts
    case hunks
    case lfsPointer = "lfs_pointer"
    case unreadable
  }
}

/// A commit of the range with its classification.
public struct CommitAttribution: Sendable, Codable, Hashable {
  public var id: String
  public var summary: String
  public var authorName: String
  public var authorEmail: String
  public var time: Int64
  public var parents: [String]
  public var authorship: Authorship
  public var agent: String?
  public var agentName: String?
  public var model: String?
  public var evidence: [Evidence]
  public var review: [Evidence]
  /// Added lines (in the range's final diff) traced to this commit.
  public var lines: Int
  /// Review trailers that do not count as a person's review, with the reason (not encoded).
  public var refusedReview: [RefusedReview] = []

  enum CodingKeys: String, CodingKey {
    case id
    case summary
    case authorName = "author_name"
    case authorEmail = "author_email"
    case time
    case parents
    case authorship
    case agent
    case agentName = "agent_name"
    case model
    case evidence
    case review
    case lines
  }
}

/// Lines per agent and model.
public struct AgentTally: Sendable, Codable, Hashable {
  public var agent: String
  public var name: String
  public var model: String?
  public var lines: Int
  public var commits: Int
}

/// The answer to "who wrote each line this range adds?".
public struct RangeAttribution: Sendable, Codable, Hashable {
  /// The JSON schema id; bumped on any incompatible change.
  public static let schemaID = "paddock.attribution/1"

  public var schema: String = RangeAttribution.schemaID
  /// The excluded end; nil when the range reaches the first commit.
  public var base: String?
  public var head: String
  /// The commit the diff starts from: merge-base(base, head), or nil for unrelated histories.
  public var mergeBase: String?
  public var commits: [CommitAttribution]
  public var files: [FileAttribution]
  public var agents: [AgentTally]
  public var totals: LineCounts
  /// Whether line-level authorship notes were found and used.
  public var notesRef: String?
  /// What this attribution cannot know, in words for people.
  public var limitations: [String]
  /// Lines that commits of the range added and later commits of the range changed or removed, so they are not
  /// in the range's diff but do reach whoever receives its commits (not encoded).
  public var intermediate: [IntermediateLines] = []

  /// The limitation every attribution has; reviews leave it out of their notes.
  public static let perCommitCaveat =
    "Attribution is per commit unless a line-level authorship note exists: a person who edits an agent's output in the same commit is indistinguishable from the agent."

  enum CodingKeys: String, CodingKey {
    case schema
    case base
    case head
    case mergeBase = "merge_base"
    case commits
    case files
    case agents
    case totals
    case notesRef = "notes_ref"
    case limitations
  }
}

/// Lines one commit of a range added to one file that no longer stand at the range's head.
public struct IntermediateLines: Sendable, Hashable {
  /// The commit that added them (full id).
  public var commit: String
  /// The file's path in that commit.
  public var path: String
  /// The file's blob in that commit, which holds the lines.
  public var blob: ObjectID
  /// Line numbers in that blob, as ascending runs.
  public var lines: [Range<Int>]

  public init(commit: String, path: String, blob: ObjectID, lines: [Range<Int>]) {
    self.commit = commit
    self.path = path
    self.blob = blob
    self.lines = lines
  }
}
