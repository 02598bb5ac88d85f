import PaddockGit

/// Where `git blame -M`/`-C` looks for the lines one commit added to one file: for each parent, the file's own
/// version there and the other files it may have come from.
///
/// The forward trace records these as it passes the commit; `CopyResolver` uses them afterwards, for the blocks
/// of added lines that survive to the revisions asked about (which blocks survive decides what git finds). The
/// files' line maps in the parent come from `LineMapVersions`.
struct CopySources {
  struct Key: Hashable {
    var commit: Int32
    var path: Int32
  }

  /// A file in a parent: its interned path and blob.
  struct File {
    var path: Int32
    var blob: ObjectID
  }

  struct Parent {
    var id: ObjectID
    /// The parent's index in the trace; nil when it is outside (every line there predates the traced range).
    var index: Int32?
    /// The file in this parent (under its old name when renamed); nil when the parent lacks it, or when an earlier
    /// parent has the same blob (git blame looks in that one only).
    var origin: File?
    /// The files the parent has that the commit changed or deleted, in path order (`same-commit`).
    var changed: [File]
    /// Whether every file of the parent's tree is a candidate (`creating-commit` for a new or renamed file,
    /// `any-commit` always); the tree is listed when it is needed.
    var everyFile: Bool
  }

  /// The file's blob in the commit: the text of the added lines.
  var blob: ObjectID
  var parents: [Parent]
}

/// Every version of every file's line map a trace produced, so that the map of any file in any traced commit can
/// be found afterwards without keeping each commit's snapshot.
///
/// A commit's snapshot is its first parent's with the commit's own updates applied, so a file's map in commit `c`
/// is the one set by the nearest commit on `c`'s first-parent line (the trace's commits, parents first) that
/// updated or removed it.
struct LineMapVersions {
  /// Per path: the commits that set its map, in trace order, and the map they set (nil: removed, or no lines).
  private var versions: [Int32: [(commit: Int32, map: LineMap?)]] = [:]
  /// Entry and exit times of each commit in a depth-first walk of the first-parent tree: `a` is on `b`'s
  /// first-parent line when `a`'s interval holds `b`'s.
  private var entered: [Int32] = []
  private var exited: [Int32] = []

  /// Whether nothing was recorded (the trace keeps no versions when moved lines are not followed).
  var isEmpty: Bool { versions.isEmpty && entered.isEmpty }

  init() {}

  /// `firstParents[i]`: the index of commit `i`'s first parent in the trace, or nil.
  init(firstParents: [Int32?]) {
    var children = [[Int32]](repeating: [], count: firstParents.count)
    var roots: [Int32] = []
    for (index, parent) in firstParents.enumerated() {
      if let parent { children[Int(parent)].append(Int32(index)) } else { roots.append(Int32(index)) }
    }
    entered = [Int32](repeating: 0, count: firstParents.count)
    exited = [Int32](repeating: 0, count: firstParents.count)
    var clock: Int32 = 0
    for root in roots {
      var stack: [(commit: Int32, next: Int)] = [(root, 0)]
      entered[Int(root)] = clock
      clock += 1
      while let top = stack.last {
        let kids = children[Int(top.commit)]
        if top.next < kids.count {
          stack[stack.count - 1].next += 1
          let child = kids[top.next]
          entered[Int(child)] = clock
          clock += 1
          stack.append((child, 0))
        } else {
          stack.removeLast()
          exited[Int(top.commit)] = clock
          clock += 1
        }
      }
    }
  }

  mutating func record(_ map: LineMap?, path: Int32, commit: Int32) {
    versions[path, default: []].append((commit, map))
  }

  /// The map of `path` in commit `commit`: nil when the commit lacks the file (or the path was never traced).
  func map(of path: Int32, at commit: Int32) -> LineMap? {
    guard let list = versions[path] else { return nil }
    for version in list.reversed() where version.commit <= commit {
      if entered[Int(version.commit)] <= entered[Int(commit)], exited[Int(commit)] <= exited[Int(version.commit)] {
        return version.map
      }
    }
    return nil
  }
}
