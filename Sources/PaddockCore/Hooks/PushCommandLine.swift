/// What a `git push` command line asks to push, read from its arguments: how the pre-push hook under the pre-commit
/// framework (which hands over only the first ref of a push) knows that a push carries more refs than it was given.
package struct PushCommandLine: Sendable, Equatable {
  /// The repository argument (a remote's name or a URL), when given.
  package var remote: String?
  /// The refspecs given after the remote, as written.
  package var refspecs: [String]
  /// A flag that pushes many refs at once (`--all`, `--branches`, `--mirror`, `--tags`), when given.
  package var everyRefFlag: String?

  /// Whether the push may carry more than one ref.
  package var carriesSeveralRefs: Bool { everyRefFlag != nil || refspecs.count > 1 }

  /// The `git push` in `arguments` (a process's argv: `git [global options] push [options] [remote [refspec...]]`),
  /// or nil when it is not one.
  package static func parse(_ arguments: [String]) -> PushCommandLine? {
    guard let program = arguments.first, program == "git" || program.hasSuffix("/git") else { return nil }
    var index = 1
    // git's own options before the command; -C and -c take a value.
    while index < arguments.count, arguments[index].hasPrefix("-") {
      if ["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path"].contains(arguments[index]) {
        index += 1
      }
      index += 1
    }
    guard index < arguments.count, arguments[index] == "push" else { return nil }
    index += 1
    var positional: [String] = []
    var flag: String?
    // Options of `git push` that take their value as the next argument.
    let valued: Set<String> = ["--repo", "--receive-pack", "--exec", "-o", "--push-option"]
    var afterDashes = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if afterDashes || !argument.hasPrefix("-") || argument == "-" {
        positional.append(argument)
      } else if argument == "--" {
        afterDashes = true
      } else if valued.contains(argument) {
        index += 1
      } else if ["--all", "--branches", "--mirror", "--tags"].contains(argument) {
        flag = argument
      }
    }
    return PushCommandLine(remote: positional.first, refspecs: Array(positional.dropFirst()), everyRefFlag: flag)
  }

  /// What to tell the user when Paddock reviewed only `reviewed` (a ref name) of this push; nil when the push
  /// carries one ref.
  package func warning(reviewed: String) -> String? {
    guard carriesSeveralRefs else { return nil }
    let what =
      everyRefFlag.map { "`git push \($0)` pushes every matching ref" }
      ?? "this push names \(refspecs.count) refs (\(refspecs.joined(separator: ", ")))"
    return "\(what), but the pre-commit framework handed Paddock only the first with new commits (\(reviewed)): "
      + "the others are NOT reviewed. Push them one at a time, or use Paddock's own hook, which sees every ref "
      + "(`paddock hook install`, or `paddock review REMOTE/BRANCH..BRANCH` for each)."
  }
}
