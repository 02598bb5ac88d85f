import PaddockGit

/// Where a line's authorship came from.
package enum AttributionSource: String, Sendable, Codable, Hashable {
  /// The classification of the commit that introduced the line.
  case commit
  /// A line-level authorship note (`refs/notes/ai`), which overrides the commit.
  case note
  /// An Agent Trace record (`.agent-trace/traces.jsonl`), which overrides the commit.
  case trace
  /// No commit in the range introduced the line (it came through a parent outside the range).
  case boundary
}
