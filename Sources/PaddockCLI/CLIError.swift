/// An error of the command line itself (a file it cannot read or write, an argument it cannot use), each saying
/// what to do next.
enum CLIError: Error, Equatable, CustomStringConvertible {
  /// A file could not be written.
  case cannotWrite(path: String, reason: String)
  /// Standard input could not be read.
  case unreadableStandardInput(reason: String)
  /// The commit message file git handed a hook could not be read.
  case unreadableCommitMessage(file: String)
  /// An `--agent-trace` file could not be read.
  case unreadableAgentTrace(file: String)
  /// A glob of `--include` or `--exclude` does not parse.
  case badGlob(problem: String)
  /// `report release` without a range or a tag pattern.
  case missingReleaseRange
  /// A command that needs a working tree ran in a bare repository.
  case bareRepository(BareCommand)
  /// `rules explain` named no known rule.
  case unknownRule(id: String, suggestion: String?)

  /// The commands that need a working tree.
  enum BareCommand: Equatable {
    case baseline
    case initialise
  }

  var description: String {
    switch self {
    case .cannotWrite(let path, let reason):
      "cannot write \(path): \(reason); check the directory exists and is writable"
    case .unreadableStandardInput(let reason):
      "cannot read standard input: \(reason); give Paddock its input on stdin, as git gives the pre-push hook the "
        + "refs it pushes"
    case .unreadableCommitMessage(let file):
      "cannot read the commit message file \(file); git passes it to the commit-msg hooks, so run the hook from git"
    case .unreadableAgentTrace(let file):
      "cannot read the Agent Trace file \(file): check the path given to --agent-trace"
    case .badGlob(let problem):
      "bad glob in --include or --exclude: \(problem); close every `[` and `{`"
    case .missingReleaseRange:
      "give a RANGE such as v1.0..v1.1, or --tags 'v*' (or report.tags in .paddock.yml)"
    case .bareRepository(.baseline):
      "a bare repository has no working tree to hold the baseline: pass --output FILE"
    case .bareRepository(.initialise):
      "a bare repository has no working tree to set up: run `paddock init` in a clone"
    case .unknownRule(let id, let suggestion):
      "no rule `\(id)`\(suggestion.map { "; did you mean `\($0)`?" } ?? ""); `paddock rules list` shows them all"
    }
  }
}
