import PaddockGit

/// What `paddock review --staged` reviews: the index as the commit `git commit` would make now, on top of HEAD
/// (or as the first commit on an unborn branch), with the authorship the prepare-commit-msg hook would give it.
package struct StagedChange: Sendable {
  /// HEAD (nil when unborn) to the commit of the index.
  package var range: ResolvedRange
  /// The agent session the commit is being made in, decided as `paddock hook prepare-commit-msg` decides it.
  package var session: AgentSession?
  /// Whether nothing is staged: the index is HEAD's tree.
  package var isEmpty: Bool

  /// The label reviews of the index carry.
  package static let label = "staged changes"

  /// Writes the index as a commit that no reference names (see `Repository.commitIndex`). Its message carries
  /// the trailer (`hooks.trailer`, default `Assisted-by`) that prepare-commit-msg would add in this environment,
  /// so an agent's staged lines count as the agent's; its author and committer are git's for this environment
  /// (`GIT_AUTHOR_NAME`, `GIT_AUTHOR_EMAIL`, `GIT_COMMITTER_*`, else `user.name` and `user.email`).
  package static func load(
    repository: Repository, config: PaddockConfig, environment: [String: String], now: Int64
  ) throws -> StagedChange {
    let session = AgentSession.detect(
      environment: environment, configured: config.hooks.sessions, builtin: config.hooks.detectAgents)
    var message = "Staged changes\n"
    if let session {
      let classifier: CommitClassifier
      do {
        classifier = try CommitClassifier(catalogue: config.catalogue())
      } catch {
        throw AttributionError.catalogue(error)
      }
      if case .added(let annotated, _) = session.annotate(
        message, source: "message", key: config.hooks.trailer, classifier: classifier)
      {
        message = annotated
      }
    }
    func identity(_ role: String) -> Signature {
      func value(_ key: String, _ setting: String) -> String {
        if let set = environment["GIT_\(role)_\(key)"], !set.isEmpty { return set }
        return repository.configString(setting) ?? ""
      }
      let name = value("NAME", "user.name")
      let email = value("EMAIL", "user.email")
      return Signature(
        name: name.isEmpty ? "Unknown" : name, email: email.isEmpty ? "unknown@localhost" : email, time: now,
        offsetMinutes: 0)
    }
    let written = try repository.commitIndex(
      message: message, author: identity("AUTHOR"), committer: identity("COMMITTER"))
    return StagedChange(
      range: ResolvedRange(base: written.parent, head: written.commit, label: label), session: session,
      isEmpty: written.isUnchanged)
  }
}
