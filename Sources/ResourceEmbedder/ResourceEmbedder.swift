import Foundation

/// Writes a Swift file holding the given files as raw string literals.
/// Usage: ResourceEmbedder OUTPUT.swift VARIABLE FOLDER FILE...
///
/// An `@main` type rather than top-level code, so the tool also builds when the package is built for fuzzing
/// (`--sanitize fuzzer` compiles every executable as a library).
@main
enum ResourceEmbedder {
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard arguments.count >= 3 else {
      fail("usage: ResourceEmbedder OUTPUT.swift VARIABLE FOLDER FILE...", status: 64)
    }
    let (output, variable, folder) = (arguments[0], arguments[1], arguments[2])

    var source = """
      // Generated at build time from the files in \(folder)/. Edit those, not this.

      /// The files of \(folder)/ as (file name, text) pairs.
      let \(variable): [(name: String, text: String)] = [

      """
    for path in arguments.dropFirst(3) {
      guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
      else {
        fail("error: \(path) is not readable UTF-8 text", status: 1)
      }
      // A raw string delimiter longer than any run of `#` in the text keeps the text verbatim.
      var longest = 0
      var run = 0
      for character in text {
        run = character == "#" ? run + 1 : 0
        longest = max(longest, run)
      }
      let hashes = String(repeating: "#", count: longest + 1)
      let name = (path as NSString).lastPathComponent
      source += "  (\(hashes)\"\(name)\"\(hashes), \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)),\n"
    }
    source += "]\n"
    do {
      try source.write(toFile: output, atomically: true, encoding: .utf8)
    } catch {
      fail("error: cannot write \(output): \(error)", status: 1)
    }
  }

  static func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(status)
  }
}
