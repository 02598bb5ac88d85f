import ArgumentParser
import Foundation
import PaddockCore
import PaddockGit

/// Options every command that reads a repository shares.
struct RepositoryOptions: ParsableArguments {
  @Option(name: .customShort("C"), help: ArgumentHelp("Run as if started in <path>.", valueName: "path"))
  var directory: String?

  @Option(
    help: ArgumentHelp("Read this configuration instead of .paddock.yml at the repository root.", valueName: "file"))
  var config: String?

  @Option(help: "Colour: auto (on a terminal, unless NO_COLOR is set), always, never.")
  var color: ColorChoice = .auto

  func openRepository() throws -> Repository {
    try Repository(discoveringFrom: directory ?? FileManager.default.currentDirectoryPath)
  }

  func loadConfig(for repository: Repository) throws -> PaddockConfig {
    if let config { return try PaddockConfig.load(file: config, required: true) }
    guard let root = repository.workingDirectory else { return PaddockConfig() }
    return try PaddockConfig.load(directory: root)
  }

  func useColour(on descriptor: Int32 = STDOUT_FILENO) -> Bool {
    switch color {
    case .always: return true
    case .never: return false
    case .auto:
      let environment = ProcessInfo.processInfo.environment
      if environment["NO_COLOR"].map({ !$0.isEmpty }) ?? false { return false }
      if environment["TERM"] == "dumb" { return false }
      return isatty(descriptor) == 1
    }
  }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, always, never
}

/// Runs a command body, turning domain errors into one clear line on stderr and exit code 2.
func reportingErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as ExitCode {
    throw error
  } catch {
    // Every domain error's description says what went wrong and what to do. When stderr itself is what failed,
    // the exit code is all that is left to say it.
    try? writeError("paddock: error: \(error)\n")
    throw ExitCode(2)
  }
}
