import Foundation
import PaddockCore
import PaddockGit

/// Blame at chosen revisions, computed by replaying a `History` forwards (see `LineTracker`).
struct HistoryBlame {
  /// Per kept revision: the origin of every line of every file the history touched.
  var snapshots: [ObjectID: LineTracker.Snapshot]
  var paths: LineTracker.PathTable
  /// With moved and copied lines followed: searches the blocks of each map `forEachRun` reads.
  let resolver: CopyResolver?

  /// Replays `history`, keeping the state at `ends`. `visit` sees the commits in `visiting` before they apply,
  /// with their first parent's state and their diff against it (what `git blame <commit>^` would see). With
  /// `copies` on, `repository` supplies the text that moved and copied lines are looked for in.
  init(
    _ history: History, at ends: Set<ObjectID>, copies: CopyDetection = .off, repository: Repository? = nil,
    visiting: Set<Int32> = [],
    visit: (Int32, LineTracker.Snapshot, [FileDiff], LineTracker.PathTable) -> Void = { _, _, _, _ in }
  ) {
    let detection = repository == nil ? CopyDetection.off : copies
    var tracker = LineTracker(commits: history.commits.map { ($0.id, $0.parents) }, detection: detection)
    snapshots = tracker.trace(
      diffs: history.changes.flatMap { $0 }, keeping: ends, visiting: visiting, visit: visit)
    paths = tracker.paths
    resolver = repository.flatMap { detection.isOn ? CopyResolver(tracker: tracker, repository: $0) : nil }
  }
}

extension HistoryBlame {
  /// With moved and copied lines followed: reads at once the texts that `forEachRun` at `ends` will search first.
  func prefetch(at ends: [ObjectID], selection: FileSelection) throws {
    guard let resolver else { return }
    var maps: [LineMap] = []
    for end in ends {
      guard let snapshot = snapshots[end] else { continue }
      for (id, map) in snapshot.maps where selection.contains(paths[id].description) { maps.append(map) }
    }
    try resolver.prefetch(maps)
  }

  /// Calls `body` for the lines of the selected files at `end` that a commit in `members` introduced, in path
  /// and line order. Line-level evidence (notes, Agent Trace records) overrides the commit's label line by line.
  func forEachRun(
    at end: ObjectID, in history: History, members: Set<Int32>, selection: FileSelection, evidence: LineEvidence,
    _ body: (SurvivingRun) throws -> Void
  ) throws {
    guard let snapshot = snapshots[end] else { return }
    let endHasEvidence = evidence.has(end)
    let files = snapshot.maps.map { (path: paths[$0.key].description, map: $0.value) }.sorted { $0.path < $1.path }
    for (path, map) in files where selection.contains(path) {
      var line = 1
      for run in try resolver?.resolving(map).runs ?? map.runs {
        defer { line += Int(run.length) }
        guard run.commit != LineMap.boundary, members.contains(run.commit) else { continue }
        let commit = history.commits[Int(run.commit)]
        let label = history.labels[Int(run.commit)]
        let base = SurvivingRun(
          path: path, line: line, count: Int(run.length), commit: run.commit, authorship: label.authorship,
          agent: label.authorship == .ai ? label.agent : nil, model: label.model, source: .commit)
        guard endHasEvidence || evidence.has(commit.id) else {
          try body(base)
          continue
        }
        // Line by line, merging neighbours that come out alike.
        let originPath = paths[run.path].description
        var pending: SurvivingRun?
        for offset in 0..<Int(run.length) {
          var single = base
          single.line = line + offset
          single.count = 1
          let author =
            evidence.author(commit: commit.id, path: originPath, line: Int(run.start) + offset)
            ?? evidence.author(commit: end, path: path, line: line + offset)
          if let author {
            single.source = author.source
            switch author.author {
            case .agent(let tool, let model):
              single.authorship = .ai
              single.agent = tool.isEmpty ? single.agent : evidence.classifier.agentID(forTool: tool)
              single.model = model ?? single.model
            case .human:
              single.authorship = .human
              single.agent = nil
              single.model = nil
            }
          }
          if var current = pending, current.authorship == single.authorship, current.agent == single.agent,
            current.model == single.model, current.source == single.source
          {
            current.count += 1
            pending = current
          } else {
            if let pending { try body(pending) }
            pending = single
          }
        }
        if let pending { try body(pending) }
      }
    }
  }
}
