internal import CLibgit2

/// The order in which `walk` yields commits.
/// The kinds of git object.
package enum ObjectKind: String, Sendable {
  case commit, tree, blob, tag
}
