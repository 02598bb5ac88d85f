import PaddockGit

/// Picks the range a command works on.
package enum RangeResolver {
  /// Resolves an explicit `RANGE` (`A..B`, `A...B`, or `A` meaning `A..HEAD`),
  /// or `--base`/`--head`, or the default: the current branch's upstream,
  /// else the default branch, up to HEAD.
  package static func resolve(
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
