import ArgumentParser

/// `--output/-o FILE`: where a command writes its report instead of stdout.
struct OutputFileOption: ParsableArguments {
  @Option(
    name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of stdout.", valueName: "file"))
  var output: String?
}
