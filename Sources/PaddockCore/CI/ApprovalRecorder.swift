import Foundation
import PaddockGit

/// Records, after a push to the default branch, the approvals of the pull or merge request that merged each new
/// first-parent commit, as a `ReviewNote` under a notes ref, and pushes that ref when asked. Reports read the
/// notes back as reviews.
///
/// What happened is returned as lines to show; nothing here fails the verdict of the run.
package struct ApprovalRecorder {
  /// Where notes go and whether they are pushed.
  package var reference: String
  /// The remote to fetch the notes ref from and push it to; nil leaves both out.
  package var pushRemote: String?
  /// The most commits of one push looked up (a push of a long history asks the API this many times at most).
  package var limit = 100

  package init(reference: String, pushRemote: String?) {
    self.reference = reference
    self.pushRemote = pushRemote
  }

  /// What one run did.
  package struct Outcome: Sendable, Equatable {
    /// First-parent commits that got a new or changed note (with, for a merge, the commits it brought in).
    package var written: [String] = []
    /// First-parent commits whose notes already said the same.
    package var unchanged: [String] = []
    /// Commits no merged pull or merge request brought in (pushed directly).
    package var withoutRequest: [String] = []
    /// Lines for the log: what was recorded and pushed, and any problem.
    package var lines: [String] = []
    /// Whether a push was asked for and refused (or failed).
    package var pushFailed = false
  }

  /// The first-parent commits of `head` not reachable from `base`, oldest first: the commits a merge (or a
  /// squash or rebase merge, one per commit) put on the branch.
  package static func mergedCommits(base: ObjectID, head: ObjectID, in repository: Repository) throws -> [ObjectID] {
    let new = Set(try repository.walk(include: [head], exclude: [base]))
    var chain: [ObjectID] = []
    var current: ObjectID? = head
    while let id = current, new.contains(id) {
      chain.append(id)
      current = try repository.parentIDs(of: id).first
    }
    return chain.reversed()
  }

  /// Looks up each merged commit with `lookup` (nil: no merged request has it), writes its note, and pushes the
  /// notes ref when `pushRemote` is set (first fetching the remote's, so earlier runs' notes are kept).
  /// - Throws: what `lookup` or writing a note throws (the API cannot be read, the repository is read-only).
  package func record(
    base: ObjectID, head: ObjectID, in repository: Repository, lookup: (ObjectID) throws -> ReviewNote?
  ) throws -> Outcome {
    var outcome = Outcome()
    if let remote = pushRemote {
      let fetched = repository.fetchReference(reference, from: remote)
      if !fetched.succeeded {
        outcome.lines.append(
          "warning: could not fetch \(reference) from \(remote) (\(Self.firstLine(fetched.message))); the push may be refused"
        )
      }
    }
    var commits = try Self.mergedCommits(base: base, head: head, in: repository)
    if commits.count > limit {
      outcome.lines.append(
        "only the last \(limit) of \(commits.count) first-parent commits were looked up for approvals")
      commits = Array(commits.suffix(limit))
    }
    for commit in commits {
      guard let note = try lookup(commit) else {
        outcome.withoutRequest.append(commit.hex)
        continue
      }
      let text = note.text()
      // A merge commit's request brought in the commits of its other parents too: each gets the note, so a
      // report finds an AI commit's approval on the commit itself.
      let parents = try repository.parentIDs(of: commit)
      let brought =
        parents.count > 1 ? try repository.walk(include: Array(parents.dropFirst()), exclude: [parents[0]]) : []
      var changed = false
      for target in [commit] + brought where try repository.note(reference: reference, for: target) != text {
        try repository.writeNote(reference: reference, for: target, message: text, force: true)
        changed = true
      }
      guard changed else {
        outcome.unchanged.append(commit.hex)
        continue
      }
      outcome.written.append(commit.hex)
      let who = note.approvers.isEmpty ? "no approvals" : note.approvers.map(\.label).joined(separator: ", ")
      let also = brought.isEmpty ? "" : " and the \(brought.count) commits it merged"
      outcome.lines.append("\(commit.abbreviated())\(also): \(note.request.label): \(who) (\(reference))")
    }
    if outcome.written.isEmpty, outcome.unchanged.isEmpty {
      outcome.lines.append(
        "no merged pull or merge request among the \(commits.count) new commits; no approvals recorded")
    }
    if let remote = pushRemote, !outcome.written.isEmpty {
      let pushed = repository.pushReference(reference, to: remote)
      if pushed.succeeded {
        outcome.lines.append("pushed \(reference) to \(remote)")
      } else {
        outcome.pushFailed = true
        outcome.lines.append(
          "warning: could not push \(reference) to \(remote): \(Self.firstLine(pushed.message)); "
            + "the notes stay in this clone only. Give the job write access to the repository "
            + "(GitHub: `permissions: contents: write`; GitLab: a token with `write_repository`), "
            + "or leave out --push-notes")
      }
    }
    return outcome
  }

  /// What git said about a refusal: the remote's own words (`remote: …`) and the rejected refs (`! […] …`),
  /// else its last line.
  static func firstLine(_ text: String) -> String {
    let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    let telling = lines.filter { $0.hasPrefix("remote:") || $0.hasPrefix("!") || $0.hasPrefix("fatal:") }
    return telling.isEmpty ? lines.last ?? "no message" : telling.joined(separator: "; ")
  }
}
