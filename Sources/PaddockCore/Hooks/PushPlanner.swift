import PaddockGit

/// What a push asks Paddock to check for one ref: a range, or why there is nothing to check.
package struct PushCheck: Sendable, Hashable {
  package var update: PushUpdate
  /// The commits to review; nil when there are none.
  package var range: ResolvedRange?
  /// Why nothing is checked, or how the range was chosen, in words for the person pushing.
  package var note: String
  /// Whether the ref cannot be checked and the push must be refused (a tree or blob pushed as a ref).
  package var refused = false
}

/// Turns a push into the ranges to review, following git's pre-push contract: a deletion checks nothing; an update
/// checks `<remote-sha>..<local-sha>`; a new branch, or an update whose remote commit is not here (a force push
/// over history this clone never saw), checks `<local-sha> --not --remotes=<remote>`; a ref that names a tree or a
/// blob is refused.
package enum PushPlanner {
  package static func plan(_ updates: [PushUpdate], remote: String, in repository: Repository) throws -> [PushCheck] {
    var remoteTips: [ObjectID]?
    func tips() throws -> [ObjectID] {
      if let remoteTips { return remoteTips }
      // A push to a URL has no remote-tracking branches: then every ancestor is new.
      let found = Array(Set(try repository.references(matching: "refs/remotes/\(remote)/*").map(\.commit)))
        .sorted { $0.hex < $1.hex }
      remoteTips = found
      return found
    }
    var checks: [PushCheck] = []
    for update in updates {
      let name = shortName(update.remoteRef)
      guard let pushed = update.localID else {
        checks.append(PushCheck(update: update, range: nil, note: "deletes \(name): nothing to check"))
        continue
      }
      // A ref may name a tree or a blob (`git tag data <tree>`), directly or through tags. Paddock reviews the
      // lines commits add, and such files belong to no commit: the push is refused rather than passed unread.
      let kind = try repository.peeledKind(of: pushed)
      guard kind == .commit else {
        checks.append(
          PushCheck(
            update: update, range: nil,
            note:
              "\(name) points at a \(kind.rawValue) (\(pushed.abbreviated())), not a commit: its files belong to no "
              + "commit, so Paddock cannot review or attribute them; commit them on a branch and push that instead",
            refused: true))
        continue
      }
      let local = try repository.resolveCommit(pushed.hex)
      if let remoteID = update.remoteID, repository.contains(remoteID) {
        if try repository.walk(include: [local], exclude: [remoteID]).isEmpty {
          checks.append(
            PushCheck(update: update, range: nil, note: "\(name) gains no new commits: nothing to check"))
          continue
        }
        let label = "\(name) \(remoteID.abbreviated())..\(local.abbreviated())"
        checks.append(
          PushCheck(
            update: update, range: ResolvedRange(base: remoteID, head: local, label: label), note: "updates \(name)"))
        continue
      }
      let exclude = try tips()
      let new = try repository.walk(include: [local], exclude: exclude)
      guard !new.isEmpty else {
        checks.append(
          PushCheck(
            update: update, range: nil, note: "every commit of \(name) is already on \(remote): nothing to check"))
        continue
      }
      // The diff starts where the first-parent line leaves the new commits: the commit the branch forked from.
      let newSet = Set(new)
      var fork: ObjectID? = local
      while let current = fork, newSet.contains(current) {
        fork = try repository.commit(current).parents.first
      }
      let how = update.remoteID == nil ? "creates \(name)" : "force-pushes \(name) over commits not in this clone"
      let label = "\(name) \(local.abbreviated()) --not --remotes=\(remote)"
      checks.append(
        PushCheck(
          update: update, range: ResolvedRange(base: fork, head: local, label: label, alsoExcluding: exclude),
          note: "\(how): checking the \(new.count) commit\(new.count == 1 ? "" : "s") not on \(remote)"))
    }
    return checks
  }

  /// `refs/heads/main` → `main`, `refs/tags/v1` → `v1`.
  package static func shortName(_ ref: String) -> String {
    for prefix in ["refs/heads/", "refs/tags/"] where ref.hasPrefix(prefix) {
      return String(ref.dropFirst(prefix.count))
    }
    return ref
  }
}
