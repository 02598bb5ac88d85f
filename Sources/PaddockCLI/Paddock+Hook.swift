import ArgumentParser
import Foundation
import PaddockCore
import PaddockGit

extension Paddock {
  struct Hook: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Install Paddock's git hooks, or run one (git calls these).",
      subcommands: [Install.self, Uninstall.self, Status.self, PrePush.self, PrepareCommitMessage.self])
  }
}

extension Paddock.Hook {
  struct Install: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Install the pre-push and prepare-commit-msg hooks.",
      discussion: """
        Honours core.hooksPath (and husky, by adding one line to .husky/<hook>) and worktrees (they share the \
        main repository's hooks). A hook that is already there keeps working: it is moved beside Paddock's as \
        <hook>.pre-paddock and runs first. Installing again changes nothing; `paddock hook uninstall` puts back \
        exactly what was there. A hook written by another hook manager (pre-commit, lefthook) is left alone \
        unless --force.
        """)

    @Flag(help: "Chain a hook that another hook manager wrote, instead of refusing.")
    var force = false

    @Flag(help: "Also install a pre-commit hook that runs `paddock review --staged` and stops a blocked commit.")
    var preCommit = false

    @OptionGroup var options: RepositoryOptions

    func run() throws {
      try reportingErrors {
        let installer = HookInstaller(
          location: HookLocation.of(try options.openRepository()), paddockPath: Bundle.main.executablePath)
        for change in try installer.install(force: force, preCommit: preCommit) {
          try writeError("paddock: \(change)\n")
        }
      }
    }
  }

  struct Uninstall: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Remove Paddock's hooks and put back the hooks they chained to.")

    @OptionGroup var options: RepositoryOptions

    func run() throws {
      try reportingErrors {
        let installer = HookInstaller(location: HookLocation.of(try options.openRepository()), paddockPath: nil)
        for change in try installer.uninstall() { try writeError("paddock: \(change)\n") }
      }
    }
  }

  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show where the hooks are and whether they are installed.")

    @OptionGroup var options: RepositoryOptions

    func run() throws {
      try reportingErrors {
        let repository = try options.openRepository()
        let location = HookLocation.of(repository)
        var out = "hooks directory: \(location.hooksDirectory)\n"
        // What the pre-push script decides when it finds no binary; it reads the same two settings.
        if Self.gitBool(repository.configString("paddock.required")) {
          out += "required: yes (git config paddock.required): pre-push blocks when no paddock binary is found\n"
        } else if try options.loadConfig(for: repository).hooks.required {
          out += "required: yes (hooks.required in .paddock.yml): pre-push blocks when no paddock binary is found\n"
        } else {
          out += "required: no: pre-push warns and lets the push through when no paddock binary is found\n"
        }
        if case .husky(let scripts) = location.style { out += "husky: Paddock's line goes in \(scripts)/<hook>\n" }
        for state in HookInstaller(location: location, paddockPath: nil).status() {
          var line = "\(state.hook): "
          if state.installed {
            line += "installed"
            if let chained = state.chained { line += ", runs \(chained) first" }
          } else {
            line += state.foreign ? "not installed (another hook is there)" : "not installed"
          }
          out += line + " (\(state.path))\n"
        }
        try writeOut(out)
      }
    }

    /// A git boolean as `git config --bool` reads it.
    static func gitBool(_ value: String?) -> Bool {
      guard let value = value?.lowercased() else { return false }
      if let number = Int(value) { return number != 0 }
      return ["true", "yes", "on"].contains(value)
    }
  }

  struct PrePush: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "pre-push",
      abstract: "Review the commits a push sends (git's pre-push hook calls this with the refs on stdin).",
      discussion: """
        Checks every ref being pushed: an update reviews <remote-sha>..<local-sha>; a new branch (or a force \
        push over commits this clone does not have) reviews only the commits no branch of REMOTE has; a deletion \
        checks nothing; a ref naming a tree or a blob is refused. Under the pre-commit framework, \
        PRE_COMMIT_FROM_REF and PRE_COMMIT_TO_REF are read instead of stdin. Prints the verdict to stderr; exit 1 blocks the push, 2 means it could not be checked.
        """)

    @Argument(help: "The remote's name (git passes it).")
    var remote: String?

    @Argument(help: "The remote's URL (git passes it).")
    var url: String?

    @OptionGroup(title: "Model review") var modelOptions: ModelOptions

    @OptionGroup var options: RepositoryOptions

    func run() throws {
      ReviewPipeline.prepare()
      var status: Int32 = 0
      try reportingErrors {
        let environment = ProcessInfo.processInfo.environment
        let framework = PrePushRun.frameworkUpdate(environment) != nil
        let input = PrePushRun.Input(
          remote: remote, environment: environment,
          standardInput: framework ? "" : String(decoding: try readStandardInput(), as: UTF8.self),
          pushCommandLine: framework ? Self.pushCommandLine() : nil, configFile: options.config,
          modelReview: { [modelOptions] in modelOptions.settings(for: $0, hook: true) },
          version: PaddockVersion.current)
        let colour = options.useColour(on: STDERR_FILENO)
        // Each ref's review is shown when it is done, not after the whole push.
        var shown: (any Error)?
        let result = try PrePushRun(repository: try options.openRepository(), input: input).run { event in
          do { try writeError(Self.render(event, colour: colour)) } catch { shown = shown ?? error }
        }
        if let shown { throw shown }
        if let message = result.blockMessage { try writeError("paddock: \(message)\n") }
        status = result.exitStatus
      }
      if status != 0 { throw ExitCode(status) }
    }

    /// The hook's stderr for one event: a notice, or one ref's note and review.
    static func render(_ event: PrePushRun.Event, colour: Bool) throws -> String {
      switch event {
      case .notice(let text): "paddock: \(text)\n"
      case .ref(let ref):
        if let report = ref.report {
          "paddock: \(ref.note)\n" + (try OutputFormat.text.render(report, colour: colour))
        } else {
          "paddock: \(ref.refused ? "error: " : "")\(ref.note)\n"
        }
      }
    }

    /// The `git push` this hook runs under, read from the arguments of the nearest ancestor process that is one
    /// (the framework runs as a child of git's hook script, a child of `git push`); nil where /proc cannot say.
    static func pushCommandLine() -> PushCommandLine? {
      var pid = getppid()
      for _ in 0..<8 where pid > 1 {
        guard let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
        let arguments = raw.split(separator: 0, omittingEmptySubsequences: false).map {
          String(decoding: $0, as: UTF8.self)
        }
        if let push = PushCommandLine.parse(arguments.last == "" ? Array(arguments.dropLast()) : arguments) {
          return push
        }
        // The parent's id is the field after the command's name in parentheses, which may hold spaces.
        guard let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
          let close = stat.lastIndex(of: UInt8(ascii: ")"))
        else { return nil }
        let fields = stat[(close + 1)...].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let parent = Int32(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        pid = parent
      }
      return nil
    }
  }

  struct PrepareCommitMessage: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "prepare-commit-msg",
      abstract: "Add an AI attribution trailer when the commit is made inside an agent's session (git calls this).",
      discussion: """
        The session is recognised by the environment variables agents set (see the README) and by `hooks.sessions` \
        in .paddock.yml. The trailer is `hooks.trailer` (default Assisted-by) with the agent's name. Nothing is \
        added to merges or squashes, to empty messages, or when the message already names an AI agent.
        """)

    @Argument(help: "The file holding the commit message.")
    var file: String

    @Argument(help: "Where the message came from: message, template, merge, squash or commit.")
    var source: String?

    @Argument(help: "The commit being amended, for `commit`.")
    var commit: String?

    @OptionGroup var options: RepositoryOptions

    func run() throws {
      try reportingErrors {
        let repository = try options.openRepository()
        let config = try options.loadConfig(for: repository)
        guard
          let session = AgentSession.detect(
            environment: ProcessInfo.processInfo.environment, configured: config.hooks.sessions,
            builtin: config.hooks.detectAgents)
        else { return }
        guard let data = FileManager.default.contents(atPath: file) else {
          throw CLIError.unreadableCommitMessage(file: file)
        }
        var comment = repository.configString("core.commentChar") ?? "#"
        if comment.isEmpty || comment == "auto" { comment = "#" }
        let classifier = try CommitClassifier(catalogue: config.catalogue())
        let outcome = session.annotate(
          String(decoding: data, as: UTF8.self), source: source, key: config.hooks.trailer, classifier: classifier,
          comment: comment)
        if case .added(let message, let trailer) = outcome {
          try write(message, to: file)
          try writeError("paddock: added `\(trailer)` (\(session.variable) is set)\n")
        }
      }
    }
  }
}
