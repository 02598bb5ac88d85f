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
    if let failOn, failOn != "none", Severity(rawValue: failOn) == nil {
      throw ValidationError("--fail-on takes error, warning, note or none, not `\(failOn)`")
    }
  }

  /// What `ReviewPipeline.review(_:failOn:)` takes: `.none` keeps the policy, `.some(nil)` never blocks.
  var threshold: Severity?? { failOn.map { $0 == "none" ? .some(nil) : .some(Severity(rawValue: $0)) } ?? .none }
}
