import PaddockGit

/// Traces every line of one file back through history, the way `git blame` does,
/// using the same forward line maps as range attribution.
///
/// A backward pass finds, for each ancestor, the file's name and blob there
/// (following renames where the name disappears); a forward pass then applies
/// only the commits where the blob changed. Unchanged commits cost one tree lookup.
struct FileHistoryTracer {
  let repository: Repository

  struct Origin: Equatable {
    var commit: ObjectID
    var line: Int
    var path: GitPath
  }

  /// The origin of each line of `path` at `revision`, in order.
  func trace(path: GitPath, at revision: ObjectID) throws -> [Origin] {
    var name: [ObjectID: GitPath] = [revision: path]
    var blob: [ObjectID: ObjectID] = [:]
    var parentsOf: [ObjectID: [ObjectID]] = [:]
    // Backward: from the revision through every ancestor where the file exists, following renames.
    var stack = [revision]
    var visited: Set<ObjectID> = []
    let shallow = repository.isShallow ? repository.shallowBoundary : []
    while let id = stack.popLast() {
      guard visited.insert(id).inserted, let current = name[id] else { continue }
      // A parent's blob was already looked up when its child checked it.
      guard let blobID = try blob[id] ?? repository.blobID(path: current, at: id) else { continue }
      blob[id] = blobID
      let parents = shallow.contains(id) ? [] : try repository.parentIDs(of: id)
      parentsOf[id] = parents
      for parent in parents where name[parent] == nil {
        if let parentBlob = try repository.blobID(path: current, at: parent) {
          name[parent] = current
          blob[parent] = parentBlob
        } else if let renamed = try renamedFrom(current, parent: parent, child: id) {
          name[parent] = renamed
        } else {
          continue
        }
        stack.append(parent)
      }
    }
    // Parents before children among the commits that have the file (Kahn's algorithm).
    var pending: [ObjectID: Int] = [:]
    var children: [ObjectID: [ObjectID]] = [:]
    for (id, parents) in parentsOf {
      let inside = parents.filter { blob[$0] != nil }
      pending[id] = inside.count
      for parent in inside { children[parent, default: []].append(id) }
    }
    var ready = parentsOf.keys.filter { pending[$0] == 0 }
    var relevant: [ObjectID] = []
    while let id = ready.popLast() {
      relevant.append(id)
      for child in children[id] ?? [] {
        pending[child, default: 1] -= 1
        if pending[child] == 0 { ready.append(child) }
      }
    }
    // Forward: parents before children.
    var paths = LineTracker.PathTable()
    var maps: [ObjectID: LineMap] = [:]
    var commitIndex: [ObjectID: Int32] = [:]
    var commits: [ObjectID] = []
    for id in relevant {
      guard let blobID = blob[id], let current = name[id] else { continue }
      let me = Int32(commits.count)
      commits.append(id)
      commitIndex[id] = me
      let pathID = paths.id(current)
      let parents = (parentsOf[id] ?? []).filter { blob[$0] != nil }
      // git blame hands everything to the first parent with the identical blob.
      if let same = parents.first(where: { blob[$0] == blobID }), let map = maps[same] {
        maps[id] = map
        continue
      }
      if parents.isEmpty {
        maps[id] = LineMap().applying(
          try repository.diffBlobs(old: nil, new: blobID).map { $0.map(HunkShape.init) } ?? [],
          commit: me, path: pathID)
        continue
      }
      var mergeParents: [LineMap.MergeParent] = []
      for parent in parents {
        guard let parentBlob = blob[parent] else { continue }
        let hunks = try repository.diffBlobs(old: parentBlob, new: blobID)?.map(HunkShape.init) ?? [.wholeFile]
        mergeParents.append(LineMap.MergeParent(map: maps[parent] ?? LineMap(), hunks: hunks))
      }
      maps[id] =
        mergeParents.count == 1
        ? mergeParents[0].map.applying(mergeParents[0].hunks, commit: me, path: pathID)
        : LineMap.combining(mergeParents, commit: me, path: pathID)
    }
    guard let final = maps[revision] else { return [] }
    var origins: [Origin] = []
    for run in final.runs where run.commit >= 0 {
      for offset in 0..<Int(run.length) {
        origins.append(Origin(commit: commits[Int(run.commit)], line: Int(run.start) + offset, path: paths[run.path]))
      }
    }
    return origins
  }

  /// The name `path` had in `parent`, when `child` renamed it.
  private func renamedFrom(_ path: GitPath, parent: ObjectID, child: ObjectID) throws -> GitPath? {
    let diff = try repository.diff(from: parent, to: child, options: DiffOptions(contextLines: 0, detectRenames: true))
    return diff.first { $0.status == .renamed && $0.newPath == path }?.oldPath
  }
}

extension HunkShape {
  /// A change to or from a binary version replaces every line; a huge count stands for "all lines".
  fileprivate static let wholeFile = HunkShape(oldStart: 1, oldCount: Int(Int32.max / 2), newStart: 1, newCount: 0)
}
