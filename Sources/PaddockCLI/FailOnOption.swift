import ArgumentParser
import PaddockCore

/// `--fail-on SEVERITY`, shared by `review` and `ci`.
struct FailOnOption: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Block on findings of this severity or worse, whoever wrote the lines: error, warning, note or none.",
      valueName: "severity"))
  var failOn: String?

  func validate() throws {
    if let failOn, FailThreshold(failOn) == nil {
      throw ValidationError("--fail-on takes error, warning, note or none, not `\(failOn)`")
    }
  }

  /// What `ReviewPipeline.review(_:failOn:)` takes.
  var threshold: FailThreshold { failOn.flatMap(FailThreshold.init) ?? .policy }
}
