import ArgumentParser
import PaddockCore

extension OutputFormat.Menu {
  /// Reads a `--format` value: a format on this menu, or a usage error naming the menu.
  @Sendable func parse(_ text: String) throws -> OutputFormat {
    guard let format = format(named: text) else { throw ValidationError("use \(list)") }
    return format
  }

  /// `Output format: text or json.`
  var help: ArgumentHelp { ArgumentHelp("Output format: \(list).", valueName: "format") }
}
