internal import CLibgit2

package enum WalkOrder: Sendable {
  /// Children before parents, like `git rev-list --topo-order`.
  case topological
  /// Parents before children: the order in which history was built.
  case topologicalReverse
}
