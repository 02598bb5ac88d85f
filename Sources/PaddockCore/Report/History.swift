import Foundation
import PaddockGit
import PaddockSupport

/// Who wrote a commit, as the reports count it.
public struct CommitLabel: Sendable, Hashable {
  public var authorship: Authorship
  public var agent: String?
  public var agentName: String?
  public var model: String?
  /// Whether a person's review trailer is present, or (set by `ReportEngine`, never cached) an approval recorded
  /// in a review note by someone who counts (`ReviewNote.countingApprovers`).
  public var reviewed: Bool

  public init(authorship: Authorship, agent: String?, agentName: String?, model: String?, reviewed: Bool) {
    self.authorship = authorship
    self.agent = agent
    self.agentName = agentName
    self.model = model
    self.reviewed = reviewed
  }

  public init(_ classification: CommitClassification) {
    self.init(
      authorship: classification.authorship, agent: classification.agent, agentName: classification.agentName,
      model: classification.model, reviewed: classification.isReviewed)
  }
}

/// The commits of one or more ranges, parents before children, each with its label and its changes against
/// its parents: everything a report needs from git, read once (or from the cache).
public struct History {
  public var commits: [Commit]
  public var labels: [CommitLabel]
  /// Per commit: its diff against the first parent (the empty tree for a root), then against each other parent.
  var changes: [[[FileDiff]]]
  public var index: [ObjectID: Int32]
  /// For each range asked for, the indices of its commits.
  public var members: [Set<Int32>]
  public var limitations: [String]
  /// Authors (`Name <email>`) of commits of unknown authorship (bot accounts the catalogue does not know), with
  /// their commit counts.
  public var unrecognisedAccounts: [String: Int] = [:]

  /// Lines each commit added against its first parent; 0 for merges, whose lines their branches' commits added.
  public func addedLines(_ commit: Int) -> Int {
    guard commits[commit].parents.count <= 1 else { return 0 }
    return changes[commit].first?.reduce(0) { total, file in
      total + (file.isBinary ? 0 : file.hunks.reduce(0) { $0 + $1.newCount })
    } ?? 0
  }
}

/// The phases of a long report, for a progress bar.
public struct ReportProgress: Sendable {
  public var phase: String
  public var done: Int
  public var total: Int
}

/// Reads the commits of ranges from the report cache, and from git what it lacks.
public struct HistoryLoader {
  public let repository: Repository
  public let classifier: CommitClassifier
  public let cache: ReportCache
  public var progress: (ReportProgress) -> Void

  public init(
    repository: Repository, classifier: CommitClassifier, cache: ReportCache,
    progress: @escaping (ReportProgress) -> Void = { _ in }
  ) {
    self.repository = repository
    self.classifier = classifier
    self.cache = cache
    self.progress = progress
  }

  /// The commits of every range in `ranges` (each `base..head`, or all of `head`'s history without a base).
  public func load(_ ranges: [ResolvedRange]) throws(GitError) -> History {
    var perRange: [[ObjectID]] = []
    var all: Set<ObjectID> = []
    for range in ranges {
      let exclude = (range.base.map { [$0] } ?? []) + range.alsoExcluding
      let ids = try cache.walk(repository, head: range.head, exclude: exclude)
      perRange.append(ids)
      all.formUnion(ids)
    }

    // Headers, from the cache or git.
    var headers: [ObjectID: Commit] = [:]
    headers.reserveCapacity(all.count)
    var missingParents = false
    for id in all {
      if let entry = cache.entry(id) {
        headers[id] = entry.commit
        cache.statistics.commitsFromCache += 1
      } else {
        let commit = try repository.commit(id)
        headers[id] = commit
        cache.statistics.commitsFromGit += 1
      }
    }
    // A commit whose parent is missing (the edge of a shallow clone) cannot be diffed: its lines stay boundary.
    var traced = all
    for id in all {
      guard let commit = headers[id] else { continue }
      if commit.parents.contains(where: { !all.contains($0) && !repository.contains($0) }) {
        traced.remove(id)
        missingParents = true
      }
    }

    // Parents before children: depth-first post-order from the heads, in the order the ranges were given.
    var order: [ObjectID] = []
    order.reserveCapacity(traced.count)
    var state: [ObjectID: Bool] = [:]  // false: being visited; true: done
    for head in ranges.map(\.head) where traced.contains(head) && state[head] == nil {
      var stack: [(id: ObjectID, next: Int)] = [(head, 0)]
      state[head] = false
      while let top = stack.last {
        let parents = headers[top.id]?.parents ?? []
        if top.next < parents.count {
          stack[stack.count - 1].next += 1
          let parent = parents[top.next]
          if traced.contains(parent), state[parent] == nil {
            state[parent] = false
            stack.append((parent, 0))
          }
        } else {
          stack.removeLast()
          state[top.id] = true
          order.append(top.id)
        }
      }
    }
    var commits: [Commit] = []
    commits.reserveCapacity(order.count)
    var index: [ObjectID: Int32] = [:]
    for id in order {
      guard let commit = headers[id] else { continue }
      index[id] = Int32(commits.count)
      commits.append(commit)
    }

    // Changes: cached, or diffed on every core in batches (so progress can be shown).
    var changes = [[[FileDiff]]](repeating: [], count: commits.count)
    var unreadablePaths = Set<String>()
    var pending: [Int] = []
    for (position, commit) in commits.enumerated() {
      if let cached = cache.entry(commit.id)?.changes {
        changes[position] = cached
        cache.statistics.changesFromCache += 1
      } else {
        pending.append(position)
      }
    }
    let batch = 512
    var done = 0
    if !pending.isEmpty { progress(ReportProgress(phase: "reading changes", done: 0, total: pending.count)) }
    for chunk in stride(from: 0, to: pending.count, by: batch) {
      let positions = Array(pending[chunk..<min(chunk + batch, pending.count)])
      var pairs: [(from: ObjectID?, to: ObjectID)] = []
      for position in positions {
        let commit = commits[position]
        pairs.append((commit.parents.first, commit.id))
        for parent in commit.parents.dropFirst() { pairs.append((parent, commit.id)) }
      }
      let diffs = try repository.diffs(pairs, options: LineTracker.diffOptions, threads: Parallel.defaultWorkers)
      var next = 0
      for position in positions {
        let count = max(1, commits[position].parents.count)
        changes[position] = Array(diffs[next..<next + count])
        next += count
        let unreadable = changes[position].joined().filter(\.isUnreadable).map(\.path.description)
        unreadablePaths.formUnion(unreadable)
        // A file a partial clone could not supply may be fetched later: such a commit is not cached.
        guard unreadable.isEmpty else { continue }
        cache.store(commits[position], changes: changes[position])
        cache.statistics.changesFromGit += 1
      }
      done += positions.count
      progress(ReportProgress(phase: "reading changes", done: done, total: pending.count))
    }

    var labels: [CommitLabel] = []
    labels.reserveCapacity(commits.count)
    for commit in commits {
      if let label = cache.label(commit.id) {
        labels.append(label)
        cache.statistics.classificationsFromCache += 1
      } else {
        let label = CommitLabel(classifier.classify(commit))
        cache.store(label, for: commit.id)
        cache.statistics.classificationsComputed += 1
        labels.append(label)
      }
    }

    var limitations: [String] = []
    if !unreadablePaths.isEmpty { limitations.append(Attributor.unreadableNote(unreadablePaths.sorted())) }
    let unknownAuthors = commits.indices.filter { labels[$0].authorship == .unknown }.map {
      "\(commits[$0].author.name) <\(commits[$0].author.email)>"
    }
    let unrecognised = Dictionary(unknownAuthors.map { ($0, 1) }, uniquingKeysWith: +)
    if let note = UnrecognisedBots.note(unrecognised) { limitations.append(note) }
    if missingParents || repository.isShallow {
      limitations.append(
        "This is a shallow clone: lines older than its depth count as outside every range (fetch with --unshallow for full figures)."
      )
    }
    return History(
      commits: commits, labels: labels, changes: changes, index: index,
      members: perRange.map { Set($0.compactMap { index[$0] }) }, limitations: limitations,
      unrecognisedAccounts: unrecognised)
  }
}
