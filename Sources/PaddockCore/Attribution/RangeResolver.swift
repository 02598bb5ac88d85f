import PaddockGit

/// The two ends of the range to attribute, and how they were chosen.
public struct ResolvedRange: Sendable, Hashable {
  /// The excluded end; nil when every ancestor of `head` is in the range (a first push).
  public var base: ObjectID?
  public var head: ObjectID
  /// How the user would write it, such as `origin/main..HEAD`.
  public var label: String
  /// More commits whose ancestors are left out, as `--not` does: the remote's branches when a push creates one.
  /// The lines they brought in are not the range's.
  public var alsoExcluding: [ObjectID]

  public init(base: ObjectID?, head: ObjectID, label: String, alsoExcluding: [ObjectID] = []) {
    self.base = base
    self.head = head
    self.label = label
    self.alsoExcluding = alsoExcluding
  }
}

/// Picks the range a command works on.
public enum RangeResolver {
  /// Resolves an explicit `RANGE` (`A..B`, `A...B`, or `A` meaning `A..HEAD`),
  /// or `--base`/`--head`, or the default: the current branch's upstream,
  /// else the default branch, up to HEAD.
  public static func resolve(
    in repository: Repository, range: String?, base: String?, head: String?
  ) throws -> ResolvedRange {
    let headState = try repository.head()
    if case .unborn(let branch) = headState, range == nil, head == nil {
      throw AttributionError.unbornBranch(branch)
    }
    if let range {
      let parsed = try repository.resolveRange(range)
      return ResolvedRange(base: parsed.from, head: parsed.to, label: range.contains("..") ? range : "\(range)..HEAD")
    }
    let headSpec = head ?? "HEAD"
    let headID = try repository.resolveCommit(headSpec)
    if let base {
      return ResolvedRange(base: try repository.resolveCommit(base), head: headID, label: "\(base)..\(headSpec)")
    }
    var candidates: [String] = []
    if case .branch(let name, _) = headState, let upstream = repository.upstream(ofBranch: name) {
      candidates.append(upstream)
    }
    if let defaultBranch = repository.defaultBranch() { candidates.append(defaultBranch) }
    for candidate in candidates {
      guard let id = try? repository.resolveCommit(candidate) else { continue }
      if id == headID, candidate != candidates.last { continue }
      return ResolvedRange(base: id, head: headID, label: "\(candidate)..\(headSpec)")
    }
    throw AttributionError.noDefaultBase
  }
}

/// Why a range could not be attributed.
public enum AttributionError: Error, Sendable, Equatable, CustomStringConvertible {
  case unbornBranch(String)
  case noDefaultBase
  case emptyRange(label: String)
  case catalogue(CatalogueError)

  public var description: String {
    switch self {
    case .unbornBranch(let branch):
      "HEAD is on branch `\(branch)`, which has no commits yet: commit something first, or name a range such as `main..feature`"
    case .noDefaultBase:
      "could not choose a base: the branch has no upstream and there is no `main`, `master` or `origin/HEAD`; name one with `--base REF` or give a range such as `main..HEAD`"
    case .emptyRange(let label):
      "the range \(label) contains no commits: nothing to attribute (is the branch already merged, or are base and head swapped?)"
    case .catalogue(let error):
      error.description
    }
  }
}
