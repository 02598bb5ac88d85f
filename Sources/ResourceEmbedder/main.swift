import Foundation

// Writes a Swift file holding the given files as raw string literals.
// Usage: ResourceEmbedder OUTPUT.swift VARIABLE FOLDER FILE...

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 3 else {
  FileHandle.standardError.write(Data("usage: ResourceEmbedder OUTPUT.swift VARIABLE FOLDER FILE...\n".utf8))
  exit(64)
}
let (output, variable, folder) = (arguments[0], arguments[1], arguments[2])

var source = """
  // Generated at build time from the files in \(folder)/. Edit those, not this.

  /// The files of \(folder)/ as (file name, text) pairs.
  let \(variable): [(name: String, text: String)] = [

  """
for path in arguments.dropFirst(3) {
  guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
    FileHandle.standardError.write(Data("error: \(path) is not readable UTF-8 text\n".utf8))
    exit(1)
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
  FileHandle.standardError.write(Data("error: cannot write \(output): \(error)\n".utf8))
  exit(1)
}
