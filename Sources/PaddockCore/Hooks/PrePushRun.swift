import Foundation
import PaddockChange
import PaddockGit

/// The pre-push hook as one call: which refs the push carries (git's stdin, or the pre-commit framework's
/// variables), which configuration judges them (the working tree's, or `--config`), one model deadline shared by
/// every ref, and a verdict per ref. The CLI reads stdin and `/proc`, renders the result and exits with its status.
package struct PrePushRun {
  /// What the hook was given.
  package struct Input {
    /// The remote's name as git passes it; nil reads `PRE_COMMIT_REMOTE_NAME`, else `origin`.
    package var remote: String?
    /// The process environment (the pre-commit framework's `PRE_COMMIT_*` variables are read from it).
    package var environment: [String: String]
    /// git's stdin lines; read only when the pre-commit framework's variables are absent.
    package var standardInput: String
    /// The `git push` command line this hook runs under, when it could be read; under the pre-commit framework it
    /// says whether the push carried refs the framework did not pass.
    package var pushCommandLine: PushCommandLine?
    /// A configuration file given with `--config`, instead of the working tree's `.paddock.yml`.
    package var configFile: String?
    /// The model review the configuration and the command line ask for (nil: none).
    package var modelReview: (PaddockConfig) -> (any ModelReviewStep)?
    /// Recorded in the report.
    package var version: String

    package init(
      remote: String? = nil, environment: [String: String] = [:], standardInput: String = "",
      pushCommandLine: PushCommandLine? = nil, configFile: String? = nil,
      modelReview: @escaping (PaddockConfig) -> (any ModelReviewStep)? = { _ in nil }, version: String
    ) {
      self.remote = remote
      self.environment = environment
      self.standardInput = standardInput
      self.pushCommandLine = pushCommandLine
      self.configFile = configFile
      self.modelReview = modelReview
      self.version = version
    }
  }

  /// What happened to one ref of the push.
  package struct RefOutcome {
    /// The remote ref's short name (`main`, `v1.2`).
    package var ref: String
    /// What was checked (the range), or why nothing was.
    package var note: String
    /// The review, when the ref had commits to check.
    package var report: ReviewReport?
    /// Whether the ref was refused without a review (a tree or a blob).
    package var refused: Bool
    /// `block` for a refused ref, the report's verdict, or nil when there was nothing to check.
    package var verdict: Verdict? { refused ? .block : report?.verdict }
  }

  /// Something to print as soon as it is known: a notice, or a ref's outcome once it is reviewed.
  package enum Event {
    case notice(String)
    case ref(RefOutcome)
  }

  /// What the hook found, for the CLI to print (to stderr) and map to an exit status.
  package struct Result {
    /// Warnings and notes before the refs' outcomes (the pre-commit framework passes one ref of a push).
    package var notices: [String] = []
    package var refs: [RefOutcome] = []
    /// The refs whose verdict blocks, in push order.
    package var blocked: [String] { refs.filter { $0.verdict == .block }.map(\.ref) }
    /// What to do about a blocked push; nil when nothing blocks.
    package var blockMessage: String? {
      let blocked = blocked
      guard !blocked.isEmpty else { return nil }
      return
        "push blocked (\(blocked.joined(separator: ", "))): fix what is reported above, or suppress one with `paddock:ignore RULE -- reason` written by a person. `git push --no-verify` skips the hook, and CI checks again."
    }
    /// 1 when any ref blocks (git refuses the push), else 0.
    package var exitStatus: Int32 { blocked.isEmpty ? 0 : 1 }
  }

  /// The push as the pre-commit framework describes it in variables (it runs the hook once, with one ref), or nil
  /// when `PRE_COMMIT_TO_REF` is absent and git's stdin holds the refs.
  package static func frameworkUpdate(_ environment: [String: String]) -> (line: String, reviewed: String)? {
    guard let to = environment["PRE_COMMIT_TO_REF"], !to.isEmpty else { return nil }
    let zero = String(repeating: "0", count: 40)
    let from = environment["PRE_COMMIT_FROM_REF"].flatMap { $0.isEmpty ? nil : $0 } ?? zero
    let local = environment["PRE_COMMIT_LOCAL_BRANCH"] ?? "HEAD"
    let remoteRef = environment["PRE_COMMIT_REMOTE_BRANCH"] ?? local
    return ("\(local) \(to) \(remoteRef) \(from)\n", Escape.terminal(remoteRef == "HEAD" ? to : remoteRef))
  }

  package let repository: Repository
  package let input: Input

  package init(repository: Repository, input: Input) {
    self.repository = repository
    self.input = input
  }

  /// Plans and reviews every ref of the push. Errors (bad stdin, a bad configuration, git failures) are thrown;
  /// findings and blocked refs are in the result. Each notice and each ref's outcome also goes to `progress` as soon
  /// as it is known, so a push of several refs shows the first review while the next runs, and an error on a later
  /// ref leaves the earlier ones shown.
  package func run(progress: (Event) -> Void = { _ in }) throws -> Result {
    var result = Result()
    func notice(_ text: String) {
      result.notices.append(text)
      progress(.notice(text))
    }
    func outcome(_ ref: RefOutcome) {
      result.refs.append(ref)
      progress(.ref(ref))
    }
    let lines: String
    if let framework = Self.frameworkUpdate(input.environment) {
      lines = framework.line
      // The framework passes only the first ref of a push with new commits: say so when the push carried more.
      if let push = input.pushCommandLine {
        if let warning = push.warning(reviewed: framework.reviewed) { notice("WARNING: \(warning)") }
      } else {
        notice(
          "note: the pre-commit framework hands Paddock one ref of a push (\(framework.reviewed)); if this push "
            + "carries more, they are not reviewed (Paddock's own hook, `paddock hook install`, sees every ref)")
      }
    } else {
      lines = input.standardInput
    }
    let remote = input.remote ?? input.environment["PRE_COMMIT_REMOTE_NAME"] ?? "origin"
    let checks = try PushPlanner.plan(try PushUpdate.parse(lines), remote: remote, in: repository)
    var pipeline: ReviewPipeline?
    // One deadline (model.hook-deadline) for the model review of every ref of the push.
    let started = Date()
    for check in checks {
      let ref = PushPlanner.shortName(check.update.remoteRef)
      guard let range = check.range else {
        outcome(RefOutcome(ref: ref, note: check.note, report: nil, refused: check.refused))
        continue
      }
      let reviewer = try pipeline ?? ReviewPipeline(repository: repository, config: try configuration())
      pipeline = reviewer
      var model = input.modelReview(reviewer.config)
      if let deadline = model?.deadline {
        model?.deadline = max(0.001, deadline - Date().timeIntervalSince(started))
      }
      let report = try reviewer.review(range, version: input.version, model: model)
      outcome(RefOutcome(ref: ref, note: check.note, report: report, refused: false))
    }
    return result
  }

  /// The working tree's `.paddock.yml` (the pusher's own checkout judges the push), or `--config`'s file.
  func configuration() throws -> PaddockConfig {
    if let file = input.configFile { return try PaddockConfig.load(file: file, required: true) }
    guard let root = repository.workingDirectory else { return PaddockConfig() }
    return try PaddockConfig.load(directory: root)
  }
}
