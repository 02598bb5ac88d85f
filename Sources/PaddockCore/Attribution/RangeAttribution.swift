import PaddockGit

/// The answer to "who wrote each line this range adds?".
public struct RangeAttribution: Sendable, Codable, Hashable {
  /// The JSON schema id; bumped on any incompatible change.
  public static let schemaID = "paddock.attribution/1"

  public var schema: String = RangeAttribution.schemaID
  /// The excluded end; nil when the range reaches the first commit.
  public var base: ObjectID?
  public var head: ObjectID
  /// The commit the diff starts from: merge-base(base, head), or nil for unrelated histories.
  public var mergeBase: ObjectID?
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
