import PaddockGit

/// Why a range could not be attributed.
package enum AttributionError: Error, Sendable, Equatable, CustomStringConvertible {
  case unbornBranch(String)
  case noDefaultBase
  case emptyRange(label: String)
  case catalogue(CatalogueError)

  package var description: String {
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
