import ArgumentParser
import Foundation
import PaddockCore
import PaddockGit

extension Paddock {
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: "Set Paddock up in this repository: .paddock.yml, the CI file for its host, and the hooks.",
      discussion: """
        Writes a commented .paddock.yml fitted to the repository (the languages of its tracked files, the \
        sensitive folders it has as protected paths), the CI file for the host it finds (GitHub Actions when \
        there is a .github folder or a GitHub remote, GitLab CI when there is a .gitlab-ci.yml or a GitLab \
        remote), and installs the hooks (as `paddock hook install`). A file that exists is left alone unless \
        --force; an existing .gitlab-ci.yml is never edited: what to add to it is printed instead.
        """)

    @Flag(help: "Print what would be written and installed, and write nothing.")
    var dryRun = false

    @Flag(help: "Replace files that exist (and chain hooks another hook manager wrote).")
    var force = false

    @Option(
      help: ArgumentHelp(
        "What the GitHub workflow's `uses:` names, or the GitLab template's repository and tag.",
        valueName: "owner/paddock@tag"))
    var action = "OWNER/paddock@v\(PaddockVersion.current)"

    @OptionGroup var options: RepositoryOptions

    func run() throws {
      try reportingErrors {
        let repository = try options.openRepository()
        guard let root = repository.workingDirectory else {
          throw CLIError.bareRepository(.initialise)
        }
        let setup = ProjectSetup.plan(
          paths: try repository.indexPaths(), remoteURLs: repository.remoteURLs(), action: action)
        var out = dryRun ? "paddock init --dry-run: nothing is written\n" : ""
        let languages = setup.languages.prefix(8).map { "\($0.language.rawValue) \($0.files)" }
        out += "languages: \(languages.isEmpty ? "none tracked yet" : languages.joined(separator: ", "))\n"
        out +=
          "protected paths found: \(setup.protectedPaths.isEmpty ? "none" : setup.protectedPaths.joined(separator: ", "))\n"
        out += "CI: \(setup.host?.rawValue ?? "none") (\(setup.hostReason))\n"
        for file in setup.files {
          let path = (root as NSString).appendingPathComponent(file.path)
          let exists = FileManager.default.fileExists(atPath: path)
          if exists, !force {
            out += "\(file.path): exists, left alone (--force replaces it)\n"
            continue
          }
          let verb = exists ? "replace" : "write"
          if dryRun {
            out += "would \(verb) \(file.path): \(file.purpose)\n"
            out +=
              file.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
              .map { "  | \($0)" }.joined(separator: "\n") + "\n"
          } else {
            try FileManager.default.createDirectory(
              atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try write(file.text, to: path)
            out += "\(exists ? "replaced" : "wrote") \(file.path): \(file.purpose)\n"
          }
        }
        let installer = HookInstaller(location: HookLocation.of(repository), paddockPath: Bundle.main.executablePath)
        if dryRun {
          out +=
            "would install the hooks \(HookInstaller.hooks.joined(separator: " and ")) in "
            + "\(installer.location.hooksDirectory) (as `paddock hook install`)\n"
        } else {
          for change in try installer.install(force: force) { out += "hook \(change)\n" }
        }
        for note in setup.notes { out += "note: \(note)\n" }
        if !dryRun { out += "next: commit what was written, then try `paddock review`\n" }
        try writeOut(out)
      }
    }
  }
}
