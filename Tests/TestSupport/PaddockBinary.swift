import Foundation

/// Finds and runs the built `paddock` executable, as a user would.
package enum PaddockBinary {
  /// `PADDOCK_BIN` when set, else `paddock` beside the test bundle in the build folder.
  package static var path: String {
    if let explicit = ProcessInfo.processInfo.environment["PADDOCK_BIN"] { return explicit }
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [bundle, bundle.deletingLastPathComponent()] {
      let binary = candidate.appendingPathComponent("paddock").path
      if FileManager.default.isExecutableFile(atPath: binary) { return binary }
    }
    for folder in Bundle.allBundles.map({ $0.bundleURL.deletingLastPathComponent() }) {
      let binary = folder.appendingPathComponent("paddock").path
      if FileManager.default.isExecutableFile(atPath: binary) { return binary }
    }
    return bundle.appendingPathComponent("paddock").path
  }

  /// Runs `paddock` with `arguments` in `directory`.
  package static func run(_ arguments: [String], in directory: String, environment: [String: String]) throws
    -> ProcessResult
  {
    var environment = environment
    environment["NO_COLOR"] = "1"
    return try ProcessRunner.run(path, arguments, in: directory, environment: environment)
  }
}

extension TestRepository {
  /// Runs `paddock` in this repository (or in `directory`, relative to it).
  package func paddock(_ arguments: [String], directory: String? = nil) throws -> ProcessResult {
    try PaddockBinary.run(arguments, in: directory.map { path + "/" + $0 } ?? path, environment: environment)
  }
}
