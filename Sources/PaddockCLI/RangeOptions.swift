import ArgumentParser
import PaddockCore
import PaddockGit

/// The range a command works on: `RANGE`, or `--base`/`--head`, or the default.
struct RangeOptions: ParsableArguments {
  @Argument(help: "The range (`A..B`, `A...B`, or `A` meaning `A..HEAD`); default: the upstream or default branch.")
  var range: String?

  @Option(help: "The base (excluded end) of the range.")
  var base: String?

  @Option(help: "The head (included end) of the range; default HEAD.")
  var head: String?

  func validate() throws {
    if range != nil, base != nil || head != nil {
      throw ValidationError("give either RANGE or --base/--head, not both")
    }
  }

  func resolve(in repository: Repository) throws -> ResolvedRange {
    try RangeResolver.resolve(in: repository, range: range, base: base, head: head)
  }
}
