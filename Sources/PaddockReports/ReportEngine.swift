import Foundation
import PaddockCore
import PaddockGit

/// A range with the names its ends were given by (tags, branches), as report rows show them.
package struct NamedRange: Sendable {
  /// nil for a snapshot (the whole history of `end`).
  package var start: String?
  package var end: String
  package var range: ResolvedRange

  package init(start: String?, end: String, range: ResolvedRange) {
    self.start = start
    self.end = end
    self.range = range
  }

  /// `A..B` or `A...B` (`A` alone means `A..HEAD`), named by its ends as written.
  package static func range(_ spec: String, in repository: Repository) throws -> NamedRange {
    let resolved = try RangeResolver.resolve(in: repository, range: spec, base: nil, head: nil)
    // The label is always `A..B` or `A...B`.
    let parts = resolved.label.components(separatedBy: resolved.label.contains("...") ? "..." : "..")
    return NamedRange(start: parts.first ?? spec, end: parts.last ?? "HEAD", range: resolved)
  }

  /// A range when `spec` has `..`; otherwise a revision and its whole history.
  package static func history(_ spec: String, in repository: Repository) throws -> NamedRange {
    if spec.contains("..") { return try range(spec, in: repository) }
    let head = try repository.resolveCommit(spec)
    return NamedRange(start: nil, end: spec, range: ResolvedRange(base: nil, head: head, label: spec))
  }

  /// One range per pair of consecutive tags matching a glob, the tags ordered by commit date (then name).
  package static func consecutiveTags(_ pattern: String, in repository: Repository) throws -> [NamedRange] {
    var found: [(name: String, commit: ObjectID, time: Int64)] = []
    for reference in try repository.references(matching: "refs/tags/\(pattern)") {
      let commit = try repository.commit(reference.commit)
      found.append((String(reference.name.dropFirst("refs/tags/".count)), reference.commit, commit.committer.time))
    }
    found.sort { ($0.time, $0.name) < ($1.time, $1.name) }
    guard found.count >= 2 else { throw ReportError.tooFewTags(pattern: pattern, found: found.count) }
    return zip(found, found.dropFirst()).map { from, to in
      NamedRange(
        start: from.name, end: to.name,
        range: ResolvedRange(base: from.commit, head: to.commit, label: "\(from.name)..\(to.name)"))
    }
  }
}

/// Computes the reports from a repository: reads the history once (through the cache), replays it to blame the
/// ends, and hands values to the renderers.
package final class ReportEngine {
  package let repository: Repository
  package let classifier: CommitClassifier
  package let cache: ReportCache
  package let evidence: LineEvidence
  /// The notes ref `paddock ci` records pull request approvals under (`review-notes.ref`).
  package let reviewNotesRef: String
  package var progress: (ReportProgress) -> Void

  /// `traces` are Agent Trace records to use as line-level evidence; `useCache` reads and writes the report cache
  /// on disk (without it the cache lives in memory, for this engine's reports only).
  package init(
    repository: Repository, config: PaddockConfig, traces: AgentTraceIndex = AgentTraceIndex(), useCache: Bool = true,
    progress: @escaping (ReportProgress) -> Void = { _ in }
  ) throws {
    self.repository = repository
    let catalogue = config.catalogue()
    do {
      classifier = try CommitClassifier(catalogue: catalogue)
    } catch {
      throw AttributionError.catalogue(error)
    }
    cache = ReportCache(repository: repository, catalogue: catalogue, persistent: useCache)
    evidence = LineEvidence(
      repository: repository, notesRef: config.notesRef ?? "refs/notes/ai", traces: traces, classifier: classifier)
    reviewNotesRef = config.reviewNotes.reference
    self.progress = progress
  }

  private func load(_ ranges: [ResolvedRange]) throws -> History {
    var history = try HistoryLoader(repository: repository, classifier: classifier, cache: cache, progress: progress)
      .load(ranges)
    try applyReviewNotes(to: &history)
    return history
  }

  /// Marks an AI commit without a review trailer as reviewed when its review note (`ReviewNote`, written by
  /// `paddock ci` after the merge) names an approver who counts for it. Notes are read afresh on every run (they
  /// are not cached: they can be fetched or written after the commit was).
  func applyReviewNotes(to history: inout History) throws {
    for index in history.labels.indices
    where history.labels[index].authorship == .ai && !history.labels[index].reviewed {
      let commit = history.commits[index]
      guard let text = try repository.note(reference: reviewNotesRef, for: commit.id),
        let note = ReviewNote.parse(text), !note.countingApprovers(of: commit, classifier: classifier).isEmpty
      else { continue }
      history.labels[index].reviewed = true
    }
  }

  /// One row per range: the surviving lines its commits introduced, in the selected files. With `copies` on, a
  /// line moved or copied from elsewhere counts for the commit git blame with those options names.
  package func release(_ ranges: [NamedRange], selection: FileSelection, copies: CopyDetection = .off) throws
    -> ReleaseReport
  {
    let history = try load(ranges.map(\.range))
    let blame = HistoryBlame(
      history, at: Set(ranges.map(\.range.head)), copies: copies, repository: copies.isOn ? repository : nil)
    try blame.prefetch(at: ranges.map(\.range.head), selection: selection)
    var rows: [ReleaseRow] = []
    for (position, named) in ranges.enumerated() {
      var runs: [SurvivingRun] = []
      try blame.forEachRun(
        at: named.range.head, in: history, members: history.members[position], selection: selection,
        evidence: evidence
      ) { runs.append($0) }
      rows.append(
        ReleaseRow(
          start: named.start, end: named.end, startCommit: named.range.base, endCommit: named.range.head, runs: runs,
          members: history.members[position], history: history))
    }
    return ReleaseReport(
      include: selection.includePatterns, exclude: selection.excludePatterns, releases: rows,
      limitations: history.limitations + (blame.resolver?.unreadableNote.map { [$0] } ?? []), copies: copies,
      excludedKinds: selection.excludedKinds, unrecognisedAccounts: history.unrecognisedAccounts)
  }

  /// AI and human work per period over a range.
  package func trends(_ range: ResolvedRange, period: TrendPeriod) throws -> TrendReport {
    let history = try load([range])
    return TrendReport(history: history, members: history.members[0], period: period)
  }

  /// Where the fixes in a range landed (SZZ); introducing commits are looked for in all of the end's history.
  package func failures(_ range: ResolvedRange, matcher: FixMatcher) throws -> FailureReport {
    let whole = ResolvedRange(base: nil, head: range.head, label: range.label)
    let history = try load([range, whole])
    return FailureReport(history: history, members: history.members[0], matcher: matcher) { prefix in
      try? repository.resolveCommit(prefix)
    }
  }

  /// The range's surviving lines at its end as one Agent Trace record (lines in `end`'s numbering).
  package func agentTrace(_ named: NamedRange, selection: FileSelection, toolVersion: String) throws
    -> AgentTraceRecord
  {
    let history = try load([named.range])
    let blame = HistoryBlame(history, at: [named.range.head])
    var runs: [SurvivingRun] = []
    try blame.forEachRun(
      at: named.range.head, in: history, members: history.members[0], selection: selection, evidence: evidence
    ) { runs.append($0) }
    let time = try repository.commit(named.range.head).committer.time
    return AgentTraceRecord(revision: named.range.head, time: time, runs: runs, toolVersion: toolVersion)
  }

  /// Saves what the cache learned; returns a warning when it could not.
  package func finish() -> String? { cache.save() }
}
