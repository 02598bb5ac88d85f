import PaddockGit

/// Why a blame could not be produced.
package enum BlameError: Error, Sendable, Equatable, CustomStringConvertible {
  case noSuchFile(path: String, revision: String)
  case lineRangeOutOfBounds(path: String, requested: String, lineCount: Int)
  case incompleteHistory(path: String, hint: String)
  case binaryFile(path: String)

  package var description: String {
    switch self {
    case .noSuchFile(let path, let revision):
      "no file `\(path)` at \(revision): check the path (relative to the repository root) with `git ls-tree -r --name-only \(revision)`"
    case .lineRangeOutOfBounds(let path, let requested, let count):
      "-L \(requested) is outside \(path), which has \(count) lines: give a range within 1,\(count)"
    case .binaryFile(let path):
      "\(path) is a binary file, which has no lines to blame: `paddock attribute` reports which commit changed it"
    case .incompleteHistory(let path, let hint):
      "the history of \(path) is incomplete, so some lines cannot be traced: \(hint)"
    }
  }
}
