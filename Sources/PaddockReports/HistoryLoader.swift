import Foundation
import PaddockCore
import PaddockGit
import PaddockSupport

/// Reads the commits of ranges from the report cache, and from git what it lacks.
package struct HistoryLoader {
  package let repository: Repository
  package let classifier: CommitClassifier
  package let cache: ReportCache
  package var progress: (ReportProgress) -> Void

  package init(
    repository: Repository, classifier: CommitClassifier, cache: ReportCache,
    progress: @escaping (ReportProgress) -> Void = { _ in }
  ) {
    self.repository = repository
    self.classifier = classifier
    self.cache = cache
    self.progress = progress
  }

  /// The commits of every range in `ranges` (each `base..head`, or all of `head`'s history without a base).
  package func load(_ ranges: [ResolvedRange]) throws(GitError) -> History {
    let perRange = try walk(ranges)
    let all = Set(perRange.joined())
    let headers = try readHeaders(all)
    // A commit whose parent is missing (the edge of a shallow clone) cannot be diffed: its lines stay boundary.
    let traced = all.filter { id in
      !(headers[id]?.parents.contains { !all.contains($0) && !repository.contains($0) } ?? false)
    }
    let commits = Self.parentsFirst(heads: ranges.map(\.head), traced: traced, headers: headers)
    var index: [ObjectID: Int32] = [:]
    for (position, commit) in commits.enumerated() { index[commit.id] = Int32(position) }
    let (changes, unreadablePaths) = try readChanges(commits)
    let labels = classify(commits)

    var limitations: [String] = []
    if !unreadablePaths.isEmpty { limitations.append(Attributor.unreadableNote(unreadablePaths.sorted())) }
    let unknownAuthors = commits.indices.filter { labels[$0].authorship == .unknown }.map {
      "\(commits[$0].author.name) <\(commits[$0].author.email)>"
    }
    let unrecognised = Dictionary(unknownAuthors.map { ($0, 1) }, uniquingKeysWith: +)
    if let note = UnrecognisedBots.note(unrecognised) { limitations.append(note) }
    if traced.count < all.count || repository.isShallow {
      limitations.append(
        "This is a shallow clone: lines older than its depth count as outside every range (fetch with --unshallow for full figures)."
      )
    }
    return History(
      commits: commits, labels: labels, changes: changes, index: index,
      members: perRange.map { Set($0.compactMap { index[$0] }) }, limitations: limitations,
      unrecognisedAccounts: unrecognised)
  }

  /// The commit ids of each range, through the cache's walk.
  private func walk(_ ranges: [ResolvedRange]) throws(GitError) -> [[ObjectID]] {
    var perRange: [[ObjectID]] = []
    for range in ranges {
      let exclude = (range.base.map { [$0] } ?? []) + range.alsoExcluding
      perRange.append(try cache.walk(repository, head: range.head, exclude: exclude))
    }
    return perRange
  }

  /// Every commit's header, from the cache or git.
  private func readHeaders(_ ids: Set<ObjectID>) throws(GitError) -> [ObjectID: Commit] {
    var headers: [ObjectID: Commit] = [:]
    headers.reserveCapacity(ids.count)
    for id in ids {
      if let entry = cache.entry(id) {
        headers[id] = entry.commit
        cache.statistics.commitsFromCache += 1
      } else {
        headers[id] = try repository.commit(id)
        cache.statistics.commitsFromGit += 1
      }
    }
    return headers
  }

  /// The traced commits, parents before children: depth-first post-order from the heads, in the order given.
  private static func parentsFirst(heads: [ObjectID], traced: Set<ObjectID>, headers: [ObjectID: Commit])
    -> [Commit]
  {
    var order: [Commit] = []
    order.reserveCapacity(traced.count)
    var state: [ObjectID: Bool] = [:]  // false: being visited; true: done
    for head in heads where traced.contains(head) && state[head] == nil {
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
          if let commit = headers[top.id] { order.append(commit) }
        }
      }
    }
    return order
  }

  /// Each commit's changes against each parent: cached, or diffed on every core in batches (so progress can be
  /// shown); and the paths a partial clone could not supply.
  private func readChanges(_ commits: [Commit]) throws(GitError) -> ([[[FileDiff]]], Set<String>) {
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
    return (changes, unreadablePaths)
  }

  /// Each commit's label, from the cache or the classifier.
  private func classify(_ commits: [Commit]) -> [CommitLabel] {
    commits.map { commit in
      if let label = cache.label(commit.id) {
        cache.statistics.classificationsFromCache += 1
        return label
      }
      let label = CommitLabel(classifier.classify(commit))
      cache.store(label, for: commit.id)
      cache.statistics.classificationsComputed += 1
      return label
    }
  }
}
