import ArgumentParser
import PaddockCore

/// `--copies` and its thresholds: whether lines moved or copied from elsewhere keep their origin, as with
/// `git blame -M`/`-C`.
struct CopyOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Follow moved and copied lines as git blame does: off, moves (-M), same-commit (-C), creating-commit (-C -C) or any-commit (-C -C -C).",
      valueName: "mode"))
  var copies: CopyDetection.Mode?

  @Option(
    help: ArgumentHelp(
      "Alphanumeric characters a block moved within a file needs to be followed (git's -M<n>; default 20).",
      valueName: "n"))
  var moveThreshold: Int?

  @Option(
    help: ArgumentHelp(
      "Alphanumeric characters a block copied from another file needs to be followed (git's -C<n>; default 40).",
      valueName: "n"))
  var copyThreshold: Int?

  func validate() throws {
    if let moveThreshold, let problem = CopyDetection.problem(threshold: moveThreshold, option: "--move-threshold") {
      throw ValidationError(problem)
    }
    if let copyThreshold, let problem = CopyDetection.problem(threshold: copyThreshold, option: "--copy-threshold") {
      throw ValidationError(problem)
    }
  }

  /// The options given, over `defaults` (the `report:` section for reports, off elsewhere).
  func detection(over defaults: CopyDetection = .off) -> CopyDetection {
    var detection = defaults
    if let copies { detection.mode = copies }
    if let moveThreshold { detection.moveThreshold = moveThreshold }
    if let copyThreshold { detection.copyThreshold = copyThreshold }
    return detection
  }
}

extension CopyDetection.Mode: ExpressibleByArgument {}
