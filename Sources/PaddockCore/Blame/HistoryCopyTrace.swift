import PaddockGit

/// Blame with moved and copied lines followed (`git blame -M`/`-C`): one forward trace of a revision's whole
/// history, shared by every file blamed at that revision. Lines can come from any file, so unlike
/// `FileHistoryTracer` this cannot follow one file alone; it costs what a snapshot report of the revision costs.
final class HistoryCopyTrace {
  let revision: ObjectID
  private let commits: [ObjectID]
  private let snapshot: LineTracker.Snapshot
  private let paths: LineTracker.PathTable
  private let resolver: CopyResolver

  init(repository: Repository, revision: ObjectID, detection: CopyDetection) throws {
    self.revision = revision
    let ids = try repository.walk(include: [revision], order: .topologicalReverse)
    let shallow = repository.isShallow ? repository.shallowBoundary : []
    var commits: [(id: ObjectID, parents: [ObjectID])] = []
    commits.reserveCapacity(ids.count)
    for id in ids { commits.append((id, shallow.contains(id) ? [] : try repository.parentIDs(of: id))) }
    var tracker = LineTracker(commits: commits, detection: detection)
    snapshot = try tracker.trace(head: revision, in: repository)
    paths = tracker.paths
    resolver = CopyResolver(tracker: tracker, repository: repository)
    self.commits = ids
  }

  /// The origin of each line of `path` at the revision, in order (lines the history cannot reach are left out).
  func origins(of path: GitPath) throws -> [FileHistoryTracer.Origin] {
    guard let id = paths.existingID(path), let map = snapshot.maps[id] else { return [] }
    var origins: [FileHistoryTracer.Origin] = []
    for run in try resolver.resolving(map).runs where run.commit >= 0 {
      for offset in 0..<Int(run.length) {
        origins.append(
          FileHistoryTracer.Origin(
            commit: commits[Int(run.commit)], line: Int(run.start) + offset, path: paths[run.path]))
      }
    }
    return origins
  }
}
