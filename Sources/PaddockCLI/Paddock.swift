import ArgumentParser
import PaddockCore

@main
struct Paddock: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "paddock",
    abstract: "Knows which changed lines an AI agent wrote and which a person wrote.",
    discussion: """
      Exit codes: 0 success (review: pass or warn), 1 review verdict block, 2 could not evaluate (not a repository, unknown revision, \
      missing objects, bad configuration), 64 usage error.
      """,
    version: PaddockVersion.current,
    subcommands: [
      Review.self, Attribute.self, Blame.self, Report.self, Rules.self, Baseline.self, Agents.self, Hook.self, CI.self,
      Init.self, Version.self,
    ]
  )
}

extension Paddock {
  /// `paddock version`, the same as `paddock --version`.
  struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print Paddock's version (the same as --version).")

    func run() throws { try writeOut(PaddockVersion.current + "\n") }
  }
}

enum PaddockVersion {
  static let current = "0.1.0"
}
