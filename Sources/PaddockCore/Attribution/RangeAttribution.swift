import PaddockGit

/// The answer to "who wrote each line this range adds?".
package struct RangeAttribution: Sendable, Codable, Hashable {
  /// The JSON schema id; bumped on any incompatible change.
  package static let schemaID = "paddock.attribution/1"

  package var schema: String = RangeAttribution.schemaID
  /// The excluded end; nil when the range reaches the first commit.
  package var base: ObjectID?
  package var head: ObjectID
  /// The commit the diff starts from: merge-base(base, head), or nil for unrelated histories.
  package var mergeBase: ObjectID?
  package var commits: [CommitAttribution]
  package var files: [FileAttribution]
  package var agents: [AgentTally]
  package var totals: LineCounts
  /// Whether line-level authorship notes were found and used.
  package var notesRef: String?
  /// What this attribution cannot know, in words for people.
  package var limitations: [String]
  /// Lines that commits of the range added and later commits of the range changed or removed, so they are not
  /// in the range's diff but do reach whoever receives its commits (not encoded).
  package var intermediate: [IntermediateLines] = []

  /// The limitation every attribution has; reviews leave it out of their notes.
  package static let perCommitCaveat =
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
