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
struct LineTracker {
  /// The traced state of one commit: line maps of the files the range touched.
  struct Snapshot {
    var maps: [Int32: LineMap] = [:]
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
  struct PathTable {
    private var ids: [GitPath: Int32] = [:]
    private(set) var paths: [GitPath] = []

    mutating func id(_ path: GitPath) -> Int32 {
      if let id = ids[path] { return id }
      let id = Int32(paths.count)
      ids[path] = id
      paths.append(path)
      return id
    }

    func existingID(_ path: GitPath) -> Int32? { ids[path] }
    subscript(id: Int32) -> GitPath { paths[Int(id)] }
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
  private(set) var paths = PathTable()
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

  init(commits: [(id: ObjectID, parents: [ObjectID])]) {
    self.commits = commits
  }

  init(commits: [Commit]) {
    self.init(commits: commits.map { ($0.id, $0.parents) })
  }

  /// How the diffs `trace` takes are computed: zero context, renames detected, no line text.
  static let diffOptions = DiffOptions(contextLines: 0, detectRenames: true, includeLines: false)

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

  /// Runs the trace over `repository` and returns the snapshot of `head`. `alongside` runs on this thread while
  /// the commits are diffed on others.
  mutating func trace(
    head: ObjectID, in repository: Repository, alongside: () throws(GitError) -> Void = {}
  ) throws(GitError) -> Snapshot {
    let diffs = try repository.diffs(
      diffPairs, options: Self.diffOptions, threads: Parallel.defaultWorkers, alongside: alongside)
    unreadablePaths = Set(diffs.joined().filter(\.isUnreadable).map(\.path.description))
    return trace(diffs: diffs, keeping: [head])[head] ?? Snapshot()
  }

  /// Replays `diffs` (in `diffPairs` order) and returns the snapshots of the commits in `keeping`.
  ///
  /// `visit`, when given, is called for each commit in `visiting` with the commit's index, its first parent's
  /// snapshot and its diff against that parent, before the commit is applied: the state `git blame <commit>^`
  /// would see.
  mutating func trace(
    diffs allDiffs: [[FileDiff]], keeping: Set<ObjectID>, visiting: Set<Int32> = [],
    visit: (Int32, Snapshot, [FileDiff], PathTable) -> Void = { _, _, _, _ in }
  ) -> [ObjectID: Snapshot] {
    var index: [ObjectID: Int32] = [:]
    for (position, commit) in commits.enumerated() { index[commit.id] = Int32(position) }
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

    var next = 0
    for (position, commit) in commits.enumerated() {
      let me = Int32(position)
      let parents = commit.parents
      let mainDiff = allDiffs[next]
      next += 1
      var snapshot = parents.first.map { takeSnapshot(of: $0) } ?? Snapshot()
      var others: [(snapshot: Snapshot, diff: [GitPath: FileDiff], deleted: Set<GitPath>)] = []
      for parent in parents.dropFirst() {
        let diff = allDiffs[next]
        next += 1
        var byPath: [GitPath: FileDiff] = [:]
        var deleted = Set<GitPath>()
        for file in diff {
          if let newPath = file.newPath {
            byPath[newPath] = file
          } else if recording, let oldPath = file.oldPath {
            deleted.insert(oldPath)
          }
        }
        others.append((takeSnapshot(of: parent), byPath, deleted))
      }
      if visiting.contains(me) { visit(me, snapshot, mainDiff, paths) }
      apply(mainDiff, others: others, to: &snapshot, commit: me)
      // Nothing inside the range builds on a commit without children there, unless it is kept.
      if pendingChildren[position] > 0 || kept.contains(me) { snapshots[me] = snapshot }
    }
    var result: [ObjectID: Snapshot] = [:]
    for id in keeping { if let p = index[id], let snapshot = snapshots[p] { result[id] = snapshot } }
    return result
  }

  /// Updates `snapshot` (the first parent's) with `mainDiff` (first parent to commit). For a
  /// merge, `others` holds the other parents' snapshots, their diffs to the commit by new path, and (when
  /// recording) the paths those diffs delete.
  private mutating func apply(
    _ mainDiff: [FileDiff], others: [(snapshot: Snapshot, diff: [GitPath: FileDiff], deleted: Set<GitPath>)],
    to snapshot: inout Snapshot,
    commit: Int32
  ) {
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
      let firstParentMap = file.status == .added ? LineMap() : (oldID.flatMap { snapshot.maps[$0] } ?? LineMap())
      if file.status != .added, file.oldBlob == file.newBlob {
        updates.append((newID, firstParentMap, nil))
        continue
      }
      if !isMerge {
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
          identical = other.snapshot.maps[newID] ?? LineMap()
          break
        }
        if otherDiff.status != .added, otherDiff.oldBlob == otherDiff.newBlob {
          identical =
            otherDiff.oldPath.flatMap { paths.existingID($0) }.flatMap { other.snapshot.maps[$0] } ?? LineMap()
          break
        }
      }
      if let identical {
        updates.append((newID, identical, nil))
        continue
      }
      var parents = [LineMap.MergeParent(map: firstParentMap, hunks: file.hunks.map(HunkShape.init))]
      for other in others {
        guard let otherDiff = other.diff[newPath] else { continue }
        let otherMap =
          otherDiff.status == .added
          ? LineMap()
          : (otherDiff.oldPath.flatMap { paths.existingID($0) }.flatMap { other.snapshot.maps[$0] } ?? LineMap())
        parents.append(LineMap.MergeParent(map: otherMap, hunks: otherDiff.hunks.map(HunkShape.init)))
      }
      let combined = LineMap.combining(parents, commit: commit, path: newID)
      updates.append((newID, combined, nil))
      if recording {
        let lines = combined.lines(of: commit)
        if !lines.isEmpty { added.append(AddedRuns(commit: commit, path: newID, blob: file.newBlob, lines: lines)) }
      }
    }
    snapshot.update(removing: removals, setting: updates)
  }
}

extension HunkShape {
  init(_ hunk: DiffHunk) {
    self.init(oldStart: hunk.oldStart, oldCount: hunk.oldCount, newStart: hunk.newStart, newCount: hunk.newCount)
  }
}
