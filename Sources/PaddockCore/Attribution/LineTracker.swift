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

  let repository: Repository
  /// The range's commits, parents before children.
  let commits: [Commit]
  private(set) var paths = PathTable()

  init(repository: Repository, commits: [Commit]) {
    self.repository = repository
    self.commits = commits
  }

  private static let diffOptions = DiffOptions(contextLines: 0, detectRenames: true, includeLines: false)

  /// Runs the trace and returns the snapshot of `commits.last`'s descendant `head`.
  /// `alongside` runs on this thread while the commits are diffed on others.
  mutating func trace(head: ObjectID, alongside: () throws(GitError) -> Void = {}) throws(GitError) -> Snapshot {
    var index: [ObjectID: Int32] = [:]
    for (position, commit) in commits.enumerated() { index[commit.id] = Int32(position) }
    // How many children inside the range still need each commit's snapshot.
    var pendingChildren = [Int](repeating: 0, count: commits.count)
    for commit in commits {
      for parent in commit.parents { if let p = index[parent] { pendingChildren[Int(p)] += 1 } }
    }
    var snapshots: [Int32: Snapshot] = [:]
    let headIndex = index[head]

    func takeSnapshot(of parent: ObjectID) -> Snapshot {
      guard let p = index[parent] else { return Snapshot() }
      pendingChildren[Int(p)] -= 1
      // The last child takes the snapshot over, so it is mutated in place, not copied.
      if pendingChildren[Int(p)] == 0, p != headIndex {
        return snapshots.removeValue(forKey: p) ?? Snapshot()
      }
      return snapshots[p] ?? Snapshot()
    }

    // The diffs are independent of each other: compute them on both cores, then apply them in order.
    var pairs: [(from: ObjectID?, to: ObjectID)] = []
    for commit in commits {
      pairs.append((commit.parents.first, commit.id))
      for parent in commit.parents.dropFirst() { pairs.append((parent, commit.id)) }
    }
    let allDiffs = try repository.diffs(
      pairs, options: Self.diffOptions, threads: Parallel.defaultWorkers, alongside: alongside)
    var next = 0
    for (position, commit) in commits.enumerated() {
      let me = Int32(position)
      let parents = commit.parents
      let mainDiff = allDiffs[next]
      next += 1
      var snapshot = parents.first.map { takeSnapshot(of: $0) } ?? Snapshot()
      var others: [(snapshot: Snapshot, diff: [GitPath: FileDiff])] = []
      for parent in parents.dropFirst() {
        let diff = allDiffs[next]
        next += 1
        var byPath: [GitPath: FileDiff] = [:]
        for file in diff { if let newPath = file.newPath { byPath[newPath] = file } }
        others.append((takeSnapshot(of: parent), byPath))
      }
      apply(mainDiff, others: others, to: &snapshot, commit: me)
      snapshots[me] = snapshot
    }
    guard let headIndex, let result = snapshots[headIndex] else { return Snapshot() }
    return result
  }

  /// Updates `snapshot` (the first parent's) with `mainDiff` (first parent to commit). For a
  /// merge, `others` holds the other parents' snapshots and their diffs to the commit by new path.
  private mutating func apply(
    _ mainDiff: [FileDiff], others: [(snapshot: Snapshot, diff: [GitPath: FileDiff])], to snapshot: inout Snapshot,
    commit: Int32
  ) {
    var removals: [Int32] = []
    var updates: [(Int32, LineMap?, Int32?)] = []
    for file in mainDiff {
      let oldID = file.oldPath.map { paths.id($0) }
      guard let newPath = file.newPath else {
        if let oldID { removals.append(oldID) }
        continue
      }
      let newID = paths.id(newPath)
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
      if others.isEmpty {
        updates.append(
          (newID, firstParentMap.applying(file.hunks.map(HunkShape.init), commit: commit, path: newID), nil))
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
      updates.append((newID, LineMap.combining(parents, commit: commit, path: newID), nil))
    }
    snapshot.update(removing: removals, setting: updates)
  }
}

extension HunkShape {
  init(_ hunk: DiffHunk) {
    self.init(oldStart: hunk.oldStart, oldCount: hunk.oldCount, newStart: hunk.newStart, newCount: hunk.newCount)
  }
}
