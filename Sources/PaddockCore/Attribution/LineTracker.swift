import Foundation
import PaddockGit
import PaddockSupport

/// Traces every line of every file touched in a range to the commit that
/// introduced it, in one pass over the range's commits (parents first).
///
/// This is `git blame` run forwards: instead of walking back from each file,
/// each commit's diff against its parents updates a map of line origins. The
/// cost is one diff per commit (per parent for merges), like `git log -p`,
/// however many files the range touches. Merges and renames follow git
/// blame's rules: identical blobs pass everything to that parent; otherwise
/// each parent in order claims the lines it has unchanged.
package struct LineTracker {
  /// The traced state of one commit: line maps of the files the range touched.
  package struct Snapshot {
    package var maps: [Int32: LineMap] = [:]
    /// Files without lines (binary files, submodules): the commit index that last changed them.
    var withoutLines: [Int32: Int32] = [:]

    /// Applies a commit's changes: removals first, so a path can be removed and re-added.
    mutating func update(removing removals: [Int32], setting updates: [(Int32, LineMap?, Int32?)]) {
      for id in removals {
        maps[id] = nil
        withoutLines[id] = nil
      }
      for (id, map, lastChange) in updates {
        maps[id] = map
        withoutLines[id] = lastChange
      }
    }
  }

  /// Interned paths, so maps are keyed by small integers.
  package struct PathTable {
    private var ids: [GitPath: Int32] = [:]
    private(set) var paths: [GitPath] = []

    mutating func id(_ path: GitPath) -> Int32 {
      if let id = ids[path] { return id }
      let id = Int32(paths.count)
      ids[path] = id
      paths.append(path)
      return id
    }

    package func existingID(_ path: GitPath) -> Int32? { ids[path] }
    package subscript(id: Int32) -> GitPath { paths[Int(id)] }
  }

  /// Lines one commit added to one file, in that commit's version of the file.
  struct AddedRuns {
    var commit: Int32
    var path: Int32
    /// The file's blob in that commit, which holds the lines' text.
    var blob: ObjectID
    /// Runs of line numbers, ascending.
    var lines: [Range<Int>]
  }

  /// The traced commits, parents before children: each commit's id and parents (parents outside the list
  /// are the range's boundary).
  let commits: [(id: ObjectID, parents: [ObjectID])]
  package private(set) var paths = PathTable()
  /// Files of any traced commit whose content the repository does not have (a partial clone): no lines were traced
  /// through them.
  private(set) var unreadablePaths: Set<String> = []
  /// Whether `trace` keeps what each commit changed (`touched`, `added`), for reviews of every commit.
  var recording = false
  /// With `recording`: the paths (old and new) each commit changed in any way, lines, mode or content, as
  /// (commit, path) pairs. A merge counts only for files that differ from every parent.
  private(set) var touched: [(commit: Int32, path: Int32)] = []
  /// With `recording`: the lines each commit added itself (for a merge, the lines no parent has).
  private(set) var added: [AddedRuns] = []
  /// Whether (and how far) moved and copied lines are followed. When on, maps keep git blame's blocks apart and
  /// each commit's possible sources are recorded in `copySources`, for a `CopyResolver` to search afterwards.
  let detection: CopyDetection
  private(set) var copySources: [CopySources.Key: CopySources] = [:]
  /// With detection on: every map the trace set, so a parent's map of any file can be found afterwards.
  private(set) var versions = LineMapVersions()

  package init(commits: [(id: ObjectID, parents: [ObjectID])], detection: CopyDetection = .off) {
    self.commits = commits
    self.detection = detection
  }

  init(commits: [Commit], detection: CopyDetection = .off) {
    self.init(commits: commits.map { ($0.id, $0.parents) }, detection: detection)
  }

  /// A map with no runs, keeping blocks apart when detection is on.
  private var emptyMap: LineMap { LineMap(keepingFragments: detection.isOn) }

  /// How the diffs `trace` takes are computed: zero context, renames detected, no line text.
  package static let diffOptions = DiffOptions(contextLines: 0, detectRenames: true, includeLines: false)

  /// The diffs `trace` needs, in its order: each commit against its first parent (the empty tree for a root),
  /// then against each further parent.
  var diffPairs: [(from: ObjectID?, to: ObjectID)] {
    var pairs: [(from: ObjectID?, to: ObjectID)] = []
    for commit in commits {
      pairs.append((commit.parents.first, commit.id))
      for parent in commit.parents.dropFirst() { pairs.append((parent, commit.id)) }
    }
    return pairs
  }

  /// Pairs diffed at once by `trace(head:in:)`: the diffs of one batch are replayed and dropped before the next is
  /// taken, so a long history never holds more than a batch of diffs (and each batch's workers start with empty
  /// object caches).
  var diffBatch = 1024

  /// Runs the trace over `repository` and returns the snapshot of `head`. `alongside` runs on this thread while
  /// the first commits are diffed on others.
  mutating func trace(
    head: ObjectID, in repository: Repository, alongside: () throws(GitError) -> Void = {}
  ) throws(GitError) -> Snapshot {
    let pairs = diffPairs
    let batchSize = max(1, diffBatch)
    var batch: [[FileDiff]] = []
    var taken = 0
    var position = 0
    var alongsideDone = false
    var unreadable = Set<String>()
    let snapshots = try replay(keeping: [head]) { () throws(GitError) -> [FileDiff] in
      if position == batch.count {
        let next = pairs[taken..<min(taken + batchSize, pairs.count)]
        if alongsideDone {
          batch = try repository.diffs(Array(next), options: Self.diffOptions, threads: Parallel.defaultWorkers)
        } else {
          batch = try repository.diffs(
            Array(next), options: Self.diffOptions, threads: Parallel.defaultWorkers, alongside: alongside)
          alongsideDone = true
        }
        taken += next.count
        position = 0
        for file in batch.joined() where file.isUnreadable { unreadable.insert(file.path.description) }
      }
      defer { position += 1 }
      return batch[position]
    }
    // A range whose commits have no diffs to take still runs `alongside`.
    if !alongsideDone { try alongside() }
    unreadablePaths = unreadable
    return snapshots[head] ?? Snapshot()
  }

  /// Replays `diffs` (in `diffPairs` order) and returns the snapshots of the commits in `keeping`.
  ///
  /// `visit`, when given, is called for each commit in `visiting` with the commit's index, its first parent's
  /// snapshot and its diff against that parent, before the commit is applied: the state `git blame <commit>^`
  /// would see.
  package mutating func trace(
    diffs allDiffs: [[FileDiff]], keeping: Set<ObjectID>, visiting: Set<Int32> = [],
    visit: (Int32, Snapshot, [FileDiff], PathTable) -> Void = { _, _, _, _ in }
  ) -> [ObjectID: Snapshot] {
    var next = 0
    return replay(keeping: keeping, visiting: visiting, visit: visit) { () -> [FileDiff] in
      defer { next += 1 }
      return allDiffs[next]
    }
  }

  /// Replays the diffs `nextDiff` hands over one at a time, in `diffPairs` order; see `trace(diffs:keeping:)`.
  private mutating func replay<Failure: Error>(
    keeping: Set<ObjectID>, visiting: Set<Int32> = [],
    visit: (Int32, Snapshot, [FileDiff], PathTable) -> Void = { _, _, _, _ in },
    nextDiff: () throws(Failure) -> [FileDiff]
  ) throws(Failure) -> [ObjectID: Snapshot] {
    var index: [ObjectID: Int32] = [:]
    for (position, commit) in commits.enumerated() { index[commit.id] = Int32(position) }
    if detection.isOn {
      versions = LineMapVersions(firstParents: commits.map { $0.parents.first.flatMap { index[$0] } })
    }
    // How many children inside the range still need each commit's snapshot.
    var pendingChildren = [Int](repeating: 0, count: commits.count)
    for commit in commits {
      for parent in commit.parents { if let p = index[parent] { pendingChildren[Int(p)] += 1 } }
    }
    var snapshots: [Int32: Snapshot] = [:]
    let kept = Set(keeping.compactMap { index[$0] })

    func takeSnapshot(of parent: ObjectID) -> Snapshot {
      guard let p = index[parent] else { return Snapshot() }
      pendingChildren[Int(p)] -= 1
      // The last child takes the snapshot over, so it is mutated in place, not copied.
      if pendingChildren[Int(p)] == 0, !kept.contains(p) {
        return snapshots.removeValue(forKey: p) ?? Snapshot()
      }
      return snapshots[p] ?? Snapshot()
    }

    for (position, commit) in commits.enumerated() {
      let me = Int32(position)
      let parents = commit.parents
      let mainDiff = try nextDiff()
      var snapshot = parents.first.map { takeSnapshot(of: $0) } ?? Snapshot()
      var others: [OtherParent] = []
      for parent in parents.dropFirst() {
        let diff = try nextDiff()
        var byPath: [GitPath: FileDiff] = [:]
        var deleted = Set<GitPath>()
        for file in diff {
          if let newPath = file.newPath {
            byPath[newPath] = file
          } else if recording, let oldPath = file.oldPath {
            deleted.insert(oldPath)
          }
        }
        others.append(OtherParent(snapshot: takeSnapshot(of: parent), diff: byPath, files: diff, deleted: deleted))
      }
      if visiting.contains(me) { visit(me, snapshot, mainDiff, paths) }
      apply(mainDiff, others: others, to: &snapshot, commit: me, parents: parents.map { ($0, index[$0]) })
      // Nothing inside the range builds on a commit without children there, unless it is kept.
      if pendingChildren[position] > 0 || kept.contains(me) { snapshots[me] = snapshot }
    }
    var result: [ObjectID: Snapshot] = [:]
    for id in keeping { if let p = index[id], let snapshot = snapshots[p] { result[id] = snapshot } }
    return result
  }

  /// A merge's parent after the first: its snapshot and its diff to the merge, by new path and in order.
  private struct OtherParent {
    var snapshot: Snapshot
    var diff: [GitPath: FileDiff]
    var files: [FileDiff]
    /// With `recording`: the paths this parent's diff deletes.
    var deleted: Set<GitPath>
  }

  /// Updates `snapshot` (the first parent's) with `mainDiff` (first parent to commit). For a
  /// merge, `others` holds the other parents' snapshots, their diffs to the commit (by new path and in order), and
  /// (when recording) the paths those diffs delete.
  private mutating func apply(
    _ mainDiff: [FileDiff], others: [OtherParent], to snapshot: inout Snapshot, commit: Int32,
    parents: [(id: ObjectID, index: Int32?)]
  ) {
    var sources =
      detection.isOn
      ? SourceRecorder(detection: detection, parents: parents, diffs: [mainDiff] + others.map(\.files)) : nil
    var removals: [Int32] = []
    var updates: [(Int32, LineMap?, Int32?)] = []
    let isMerge = !others.isEmpty
    for file in mainDiff {
      let oldID = file.oldPath.map { paths.id($0) }
      guard let newPath = file.newPath else {
        if let oldID, let oldPath = file.oldPath {
          removals.append(oldID)
          // A merge deleted the file itself only when every parent still had it.
          if recording, others.allSatisfy({ $0.deleted.contains(oldPath) }) { touched.append((commit, oldID)) }
        }
        continue
      }
      let newID = paths.id(newPath)
      if recording, !isMerge || others.allSatisfy({ $0.diff[newPath] != nil }) {
        if let oldID, oldID != newID { touched.append((commit, oldID)) }
        touched.append((commit, newID))
      }
      if let oldID, oldID != newID, file.status == .renamed { removals.append(oldID) }
      if file.isBinary || file.isSubmodule {
        let unchanged = file.oldBlob == file.newBlob
        updates.append((newID, nil, unchanged ? oldID.flatMap { snapshot.withoutLines[$0] } ?? commit : commit))
        continue
      }
      // git blame first looks for a parent with the identical file and hands it everything.
      let firstParentMap = file.status == .added ? emptyMap : (oldID.flatMap { snapshot.maps[$0] } ?? emptyMap)
      if file.status != .added, file.oldBlob == file.newBlob {
        updates.append((newID, firstParentMap, nil))
        continue
      }
      let firstOrigin = file.status == .added ? nil : oldID.map { CopySources.File(path: $0, blob: file.oldBlob) }
      if !isMerge {
        sources?.record(commit: commit, path: newID, blob: file.newBlob, origins: [firstOrigin], paths: &paths)
        updates.append(
          (newID, firstParentMap.applying(file.hunks.map(HunkShape.init), commit: commit, path: newID), nil))
        if recording {
          let lines = file.hunks.filter { $0.newCount > 0 }.map { $0.newStart..<($0.newStart + $0.newCount) }
          if !lines.isEmpty { added.append(AddedRuns(commit: commit, path: newID, blob: file.newBlob, lines: lines)) }
        }
        continue
      }
      var identical: LineMap?
      for other in others {
        guard let otherDiff = other.diff[newPath] else {
          identical = other.snapshot.maps[newID] ?? emptyMap
          break
        }
        if otherDiff.status != .added, otherDiff.oldBlob == otherDiff.newBlob {
          identical =
            otherDiff.oldPath.flatMap { paths.existingID($0) }.flatMap { other.snapshot.maps[$0] } ?? emptyMap
          break
        }
      }
      if let identical {
        updates.append((newID, identical, nil))
        continue
      }
      var parents = [LineMap.MergeParent(map: firstParentMap, hunks: file.hunks.map(HunkShape.init))]
      var origins = [firstOrigin]
      for other in others {
        guard let otherDiff = other.diff[newPath] else {
          origins.append(nil)
          continue
        }
        let otherID = otherDiff.status == .added ? nil : otherDiff.oldPath.map { paths.id($0) }
        let otherMap = otherID.flatMap { other.snapshot.maps[$0] } ?? emptyMap
        parents.append(LineMap.MergeParent(map: otherMap, hunks: otherDiff.hunks.map(HunkShape.init)))
        origins.append(otherID.map { CopySources.File(path: $0, blob: otherDiff.oldBlob) })
      }
      sources?.record(commit: commit, path: newID, blob: file.newBlob, origins: origins, paths: &paths)
      let combined = LineMap.combining(parents, commit: commit, path: newID, keepingFragments: detection.isOn)
      updates.append((newID, combined, nil))
      if recording {
        let lines = combined.lines(of: commit)
        if !lines.isEmpty { added.append(AddedRuns(commit: commit, path: newID, blob: file.newBlob, lines: lines)) }
      }
    }
    if let recorded = sources?.recorded {
      for (key, value) in recorded { copySources[key] = value }
      for id in removals { versions.record(nil, path: id, commit: commit) }
      for (id, map, _) in updates { versions.record(map, path: id, commit: commit) }
    }
    snapshot.update(removing: removals, setting: updates)
  }
}

extension HunkShape {
  init(_ hunk: DiffHunk) {
    self.init(oldStart: hunk.oldStart, oldCount: hunk.oldCount, newStart: hunk.newStart, newCount: hunk.newCount)
  }
}

/// Records, for the files a commit adds lines to, where `git blame -M`/`-C` would look for them
/// (see `CopySources`); each parent's list of changed files is built once per commit.
private struct SourceRecorder {
  let detection: CopyDetection
  let parents: [(id: ObjectID, index: Int32?)]
  let diffs: [[FileDiff]]
  private var changed: [Int: [CopySources.File]] = [:]
  private(set) var recorded: [(CopySources.Key, CopySources)] = []

  init(detection: CopyDetection, parents: [(id: ObjectID, index: Int32?)], diffs: [[FileDiff]]) {
    self.detection = detection
    self.parents = parents
    self.diffs = diffs
  }

  /// `origins` holds, per parent, the file there, or nil when the parent lacks it.
  mutating func record(
    commit: Int32, path: Int32, blob: ObjectID, origins: [CopySources.File?], paths: inout LineTracker.PathTable
  ) {
    // A root commit has no parent to look in.
    guard detection.isOn, !parents.isEmpty else { return }
    var result = CopySources(blob: blob, parents: [])
    var earlierBlobs: [ObjectID] = []
    for (position, parent) in parents.enumerated() {
      var origin = origins[position]
      // Like git blame, a parent whose file is the same blob as an earlier parent's is not searched again.
      if let found = origin {
        if earlierBlobs.contains(found.blob) { origin = nil } else { earlierBlobs.append(found.blob) }
      }
      var source = CopySources.Parent(id: parent.id, index: parent.index, origin: origin, changed: [], everyFile: false)
      if detection.mode >= .sameCommit { source.changed = changedFiles(position, paths: &paths) }
      // git's -C -C looks in every file when the commit creates (or renames) the file; -C -C -C always.
      source.everyFile =
        detection.mode >= .anyCommit || (detection.mode >= .creatingCommit && origin?.path != path)
      result.parents.append(source)
    }
    recorded.append((CopySources.Key(commit: commit, path: path), result))
  }

  /// The files parent `position` has that the commit changed or deleted (not submodules), in path order.
  private mutating func changedFiles(_ position: Int, paths: inout LineTracker.PathTable) -> [CopySources.File] {
    if let known = changed[position] { return known }
    var files: [(path: GitPath, file: CopySources.File)] = []
    for file in diffs[position] where file.status != .added {
      guard let oldPath = file.oldPath, file.oldMode != .submodule, file.oldMode != .tree else { continue }
      files.append((oldPath, CopySources.File(path: paths.id(oldPath), blob: file.oldBlob)))
    }
    let sorted = files.sorted { $0.path < $1.path }.map(\.file)
    changed[position] = sorted
    return sorted
  }
}
