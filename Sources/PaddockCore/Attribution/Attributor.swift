import Foundation
import PaddockGit
import PaddockSupport

/// Answers, for a range, which added lines an AI wrote and which a person wrote.
///
/// Every line added between `merge-base(base, head)` and `head` is traced to
/// the commit inside `base..head` that introduced it and takes that commit's
/// classification, unless a line-level authorship note says otherwise.
package struct Attributor {
  package let repository: Repository
  package let classifier: CommitClassifier
  /// The notes ref holding git-ai authorship notes.
  package var notesRef: String
  /// Whether lines moved or copied from elsewhere keep their origin (`git blame -M`/`-C`); off by default.
  package var copies = CopyDetection.off
  /// Commits the line trace diffs at once (`LineTracker.diffBatch`); tests make it small to cross batches.
  var diffBatch = 1024

  package init(repository: Repository, catalogue: AgentCatalogue, notesRef: String = "refs/notes/ai") throws {
    self.repository = repository
    do {
      classifier = try CommitClassifier(catalogue: catalogue)
    } catch {
      throw AttributionError.catalogue(error)
    }
    self.notesRef = notesRef
  }

  /// An attributor with the agents and notes ref of a repository's `.paddock.yml`.
  package init(repository: Repository, config: PaddockConfig) throws {
    try self.init(repository: repository, catalogue: config.catalogue(), notesRef: config.notesRef ?? "refs/notes/ai")
  }

  /// Attributes the lines `range` adds.
  package func attribute(_ range: ResolvedRange) throws -> RangeAttribution {
    var timings = PhaseTimings()
    return try attribute(range, timings: &timings)
  }

  /// Attributes the lines `range` adds, recording the time of each phase in `timings`.
  package func attribute(_ range: ResolvedRange, timings: inout PhaseTimings) throws -> RangeAttribution {
    try attribute(range, timings: &timings, streaming: false, summary: { _ in }, file: { _ in })
  }

  /// Attributes the lines `range` adds and hands the files over one at a time instead of keeping them all.
  ///
  /// `summary` first receives the attribution without its files (every count, commit and limitation is final), then
  /// `file` each file in order. Together they equal `attribute(_:)`'s result; only a file's lines are never all in
  /// memory with the other files' (over a whole history that is every line of the head). The files are worked out
  /// twice, once for the figures and once to be handed over; notes and moved-line searches are not repeated.
  package func attribute(
    _ range: ResolvedRange, summary: (RangeAttribution) throws -> Void, file: (FileAttribution) throws -> Void
  ) throws {
    var timings = PhaseTimings()
    _ = try attribute(range, timings: &timings, streaming: true, summary: summary, file: file)
  }

  private func attribute(
    _ range: ResolvedRange, timings: inout PhaseTimings,
    streaming: Bool, summary: (RangeAttribution) throws -> Void, file: (FileAttribution) throws -> Void
  ) throws -> RangeAttribution {
    let (mergeBase, commits, classifications) = try timings.measure("walk and classify commits") {
      try walkAndClassify(range)
    }

    var tracker = LineTracker(commits: commits, detection: copies)
    tracker.recording = true
    tracker.diffBatch = diffBatch
    // The range's own diff (with the lines) is taken on this thread while the commits are diffed on the others.
    var finalDiff: [FileDiff] = []
    let snapshot = try timings.measure("diff the range and every commit, trace lines") {
      try tracker.trace(head: range.head, in: repository) { () throws(GitError) in
        finalDiff = try repository.diff(
          from: mergeBase, to: range.head,
          options: DiffOptions(contextLines: 0, detectRenames: true, includeLines: true)
        )
      }
    }
    let start = ContinuousClock.now
    defer { timings.record("attribute added lines", since: start) }
    let resolver = CopyResolver(tracker: tracker, repository: repository)
    try resolver.prefetch(
      finalDiff.compactMap { file in tracker.paths.existingID(file.path).flatMap { snapshot.maps[$0] } })

    var pass = FilePass(
      attributor: self, tracker: tracker, snapshot: snapshot, resolver: resolver, commits: commits,
      classifications: classifications, streaming: streaming)
    var files: [FileAttribution] = []
    for index in finalDiff.indices {
      let attribution = try pass.attribute(finalDiff[index], at: index, counting: true)
      if !streaming { files.append(attribution) }
    }
    let commitRecords = Self.commitRecords(commits, classifications, linesPerCommit: pass.linesPerCommit)
    let attribution = RangeAttribution(
      base: range.base, head: range.head, mergeBase: mergeBase, commits: commitRecords.reversed(),
      files: files, agents: agentTallies(pass.tallies), totals: pass.totals,
      notesRef: pass.usedNotes ? notesRef : nil,
      limitations: limitations(
        commitRecords, tracker: tracker, resolver: resolver, unreadablePaths: pass.unreadablePaths,
        lfsPaths: pass.lfsPaths),
      intermediate: Self.intermediateLines(tracker: tracker, head: snapshot, commits: commits))
    if streaming {
      try summary(attribution)
      for index in finalDiff.indices { try file(pass.attribute(finalDiff[index], at: index, counting: false)) }
    }
    // The range's diff holds the text of every added and removed line; nothing waits for it to be freed.
    BackgroundRelease.drop(consume finalDiff)
    return attribution
  }

  /// The merge base, and the commits of the range (oldest first) with their classifications.
  private func walkAndClassify(_ range: ResolvedRange) throws -> (ObjectID?, [Commit], [CommitClassification]) {
    let mergeBase = try range.base.flatMap { base throws(GitError) in try repository.mergeBase(base, range.head) }
    let exclude = (range.base.map { [$0] } ?? []) + range.alsoExcluding
    let ids = try repository.walk(include: [range.head], exclude: exclude, order: .topologicalReverse)
    guard !ids.isEmpty else { throw AttributionError.emptyRange(label: range.label) }
    var commits: [Commit] = []
    commits.reserveCapacity(ids.count)
    for id in ids { commits.append(try repository.commit(id)) }
    // Classifying runs every agent marker over every message: spread over the cores.
    return (mergeBase, commits, Parallel.map(commits.count) { classifier.classify(commits[$0]) })
  }

  /// Each commit of the range with its classification and the added lines traced to it.
  private static func commitRecords(
    _ commits: [Commit], _ classifications: [CommitClassification], linesPerCommit: [Int]
  ) -> [CommitAttribution] {
    commits.enumerated().map { index, commit in
      let classification = classifications[index]
      return CommitAttribution(
        id: commit.id, summary: commit.summary, authorName: commit.author.name, authorEmail: commit.author.email,
        time: commit.author.time, parents: commit.parents, authorship: classification.authorship,
        agent: classification.agent, agentName: classification.agentName, model: classification.model,
        evidence: classification.evidence, review: classification.review, lines: linesPerCommit[index],
        refusedReview: classification.refusedReview)
    }
  }

  /// Lines per agent and model, most lines first.
  private func agentTallies(_ tallies: [String: FilePass.AgentLines]) -> [AgentTally] {
    tallies.values.map {
      AgentTally(
        agent: $0.agent, name: classifier.displayName(forAgent: $0.agent), model: $0.model, lines: $0.lines,
        commits: $0.commits.count)
    }.sorted { ($0.lines, $1.agent, $1.model ?? "") > ($1.lines, $0.agent, $0.model ?? "") }
  }

  /// What this attribution cannot know: the per-commit caveat, then shallow history, unreadable files,
  /// unrecognised bots and LFS pointers.
  private func limitations(
    _ commitRecords: [CommitAttribution], tracker: LineTracker, resolver: CopyResolver, unreadablePaths: [String],
    lfsPaths: [String]
  ) -> [String] {
    var limitations = [RangeAttribution.perCommitCaveat]
    if repository.isShallow {
      limitations.append("This is a shallow clone: commits beyond its depth could not be read.")
    }
    let unreadable = Set(unreadablePaths).union(tracker.unreadablePaths).sorted()
    if !unreadable.isEmpty { limitations.append(Self.unreadableNote(unreadable)) }
    if let note = resolver.unreadableNote { limitations.append(note) }
    let unknownAuthors = commitRecords.filter { $0.authorship == .unknown }.map {
      "\($0.authorName) <\($0.authorEmail)>"
    }
    if let note = UnrecognisedBots.note(Dictionary(unknownAuthors.map { ($0, 1) }, uniquingKeysWith: +)) {
      limitations.append(note)
    }
    if !lfsPaths.isEmpty {
      limitations.append(
        "\(lfsPaths.count) file\(lfsPaths.count == 1 ? " is a Git LFS pointer" : "s are Git LFS pointers") "
          + "(\(lfsPaths.prefix(5).joined(separator: ", "))\(lfsPaths.count > 5 ? ", …" : "")): the content is stored "
          + "outside git and was not reviewed; its lines are not counted.")
    }
    return limitations
  }

  /// The lines each commit added that do not stand at head: what a commit added minus what `head`'s maps still
  /// trace to that commit and file.
  private static func intermediateLines(tracker: LineTracker, head: LineTracker.Snapshot, commits: [Commit])
    -> [IntermediateLines]
  {
    guard !tracker.added.isEmpty else { return [] }
    struct Key: Hashable {
      var commit: Int32
      var path: Int32
    }
    var standing: [Key: [Range<Int>]] = [:]
    for map in head.maps.values {
      for run in map.runs where run.commit != LineMap.boundary {
        standing[Key(commit: run.commit, path: run.path), default: []].append(
          Int(run.start)..<(Int(run.start) + Int(run.length)))
      }
    }
    var result: [IntermediateLines] = []
    for added in tracker.added {
      let kept = (standing[Key(commit: added.commit, path: added.path)] ?? []).sorted { $0.lowerBound < $1.lowerBound }
      let gone = subtract(kept, from: added.lines)
      guard !gone.isEmpty else { continue }
      result.append(
        IntermediateLines(
          commit: commits[Int(added.commit)].id, path: tracker.paths[added.path].description, blob: added.blob,
          lines: gone))
    }
    return result
  }

  /// The parts of `ranges` (ascending) that none of `removing` (ascending by start) covers.
  static func subtract(_ removing: [Range<Int>], from ranges: [Range<Int>]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var index = 0
    for range in ranges {
      var start = range.lowerBound
      while index < removing.count, removing[index].upperBound <= start { index += 1 }
      var probe = index
      while start < range.upperBound {
        guard probe < removing.count, removing[probe].lowerBound < range.upperBound else {
          result.append(start..<range.upperBound)
          break
        }
        let cut = removing[probe]
        if cut.lowerBound > start { result.append(start..<cut.lowerBound) }
        start = max(start, cut.upperBound)
        probe += 1
      }
    }
    return result
  }

  /// A Git LFS pointer at head: a small text file whose first line is the LFS spec line. Only files whose added
  /// lines all sit in the first few lines qualify; when the diff shows line 1 its text decides, so the blob is read
  /// only for an edited pointer (a new `oid` line).
  fileprivate func isLFSPointer(_ file: FileDiff) throws -> Bool {
    guard !file.isBinary, !file.isSubmodule, !file.newBlob.isZero,
      let first = file.hunks.first, let last = file.hunks.last, last.newStart + last.newCount <= 8
    else { return false }
    let spec = "version https://git-lfs.github.com/spec/"
    if first.newStart == 1, let line = first.lines.first(where: { $0.newLine == 1 }) {
      return line.text.hasPrefix(spec)
    }
    let bytes = try repository.blob(file.newBlob)
    return bytes.count <= 1024 && bytes.starts(with: Array(spec.utf8))
  }
}

extension Attributor {
  /// The limitation for files whose content is missing, named in every format.
  package static func unreadableNote(_ paths: [String]) -> String {
    let count = paths.count
    return "\(count) file\(count == 1 ? "'s" : "s'") content could not be read "
      + "(\(paths.prefix(5).joined(separator: ", "))\(count > 5 ? ", …" : "")): the objects are missing, as in a partial "
      + "clone whose promisor remote could not supply them, or lost objects; their lines are not counted. Fetch them "
      + "(`git fetch` from the promisor remote; for a lost object, `git fsck --full` names it) and run again for full "
      + "figures."
  }
}

/// One pass over the range's files: each file's hunks and lines attributed, and (when counting) the range's figures
/// gathered as it goes. A streaming attribution makes two passes with one `FilePass`, so the second reuses the
/// notes read and the moved-line searches of the first.
private struct FilePass {
  /// An agent and model's lines, and the commits they came from.
  struct AgentLines {
    var agent: String
    var model: String?
    var lines = 0
    var commits: Set<Int32> = []
  }

  let attributor: Attributor
  let tracker: LineTracker
  let snapshot: LineTracker.Snapshot
  let resolver: CopyResolver
  let commits: [Commit]
  let classifications: [CommitClassification]
  let streaming: Bool
  /// The commits of the range that touched each path (by path id).
  private let touchedBy: [Int32: Set<Int32>]

  private(set) var linesPerCommit: [Int]
  /// AI lines credited as their commit's classification says, by commit: most lines, counted without building a key.
  private var classifiedAILines: [Int]
  /// AI lines whose agent a note gave, by agent and model.
  private var notedTallies: [String: AgentLines] = [:]
  private(set) var totals = LineCounts()
  private(set) var usedNotes = false
  private(set) var lfsPaths: [String] = []
  private(set) var unreadablePaths: [String] = []
  /// Notes are read only for the commits that introduced added lines, once each.
  private var parsedNotes: [Int32: AuthorshipNote?] = [:]
  /// With `streaming`, the maps the moved-line search gave each file in the first pass, for the second.
  private var resolvedMaps: [Int: LineMap] = [:]

  init(
    attributor: Attributor, tracker: LineTracker, snapshot: LineTracker.Snapshot, resolver: CopyResolver,
    commits: [Commit], classifications: [CommitClassification], streaming: Bool
  ) {
    self.attributor = attributor
    self.tracker = tracker
    self.snapshot = snapshot
    self.resolver = resolver
    self.commits = commits
    self.classifications = classifications
    self.streaming = streaming
    var touchedBy: [Int32: Set<Int32>] = [:]
    for (commit, path) in tracker.touched { touchedBy[path, default: []].insert(commit) }
    self.touchedBy = touchedBy
    self.linesPerCommit = [Int](repeating: 0, count: commits.count)
    self.classifiedAILines = [Int](repeating: 0, count: commits.count)
  }

  /// AI lines by agent and model, and the commits they came from.
  var tallies: [String: AgentLines] {
    var tallies = notedTallies
    for (commit, lines) in classifiedAILines.enumerated() where lines > 0 {
      let classification = classifications[commit]
      guard let agent = classification.agent else { continue }
      let key = Self.tallyKey(agent: agent, model: classification.model)
      tallies[key, default: AgentLines(agent: agent, model: classification.model)].lines += lines
      tallies[key]?.commits.insert(Int32(commit))
    }
    return tallies
  }

  private static func tallyKey(agent: String, model: String?) -> String { "\(agent)\u{0}\(model ?? "")" }

  /// The attribution of `file` (the range diff's file at `index`); with `counting`, its lines are added to the
  /// range's figures too.
  mutating func attribute(_ file: FileDiff, at index: Int, counting: Bool) throws -> FileAttribution {
    let pathText = file.path.description
    let pathID = tracker.paths.existingID(file.path)
    let map = try lineMap(for: file, at: index, pathID: pathID)
    if try attributor.isLFSPointer(file) {
      if counting { lfsPaths.append(pathText) }
      return lfsPointer(file, map: map)
    }
    var fileCounts = LineCounts()
    var hunks: [HunkAttribution] = []
    for hunk in file.hunks {
      let attributed = try attribute(hunk, path: pathText, map: map, counting: counting)
      fileCounts = fileCounts + attributed.counts
      hunks.append(attributed)
    }
    // Files without lines (binary files, submodules) take the authorship of their last change.
    var lastCommit: ObjectID?
    var authorship = fileCounts.summary
    if file.isBinary || file.isSubmodule, let pathID, let index = snapshot.withoutLines[pathID] {
      lastCommit = commits[Int(index)].id
      authorship = AuthorshipSummary(classifications[Int(index)].authorship)
    }
    if counting {
      totals = totals + fileCounts
      if file.isUnreadable { unreadablePaths.append(pathText) }
    }
    return FileAttribution(
      path: pathText, oldPath: file.status == .renamed ? file.oldPath?.description : nil, status: file.status,
      binary: file.isBinary, submodule: file.isSubmodule, symlink: file.isSymlink, commit: lastCommit,
      authorship: authorship, counts: fileCounts, hunks: hunks, blob: file.newBlob.isZero ? nil : file.newBlob,
      oldBlob: file.oldBlob.isZero ? nil : file.oldBlob, unreadable: file.isUnreadable ? true : nil,
      oldMode: file.oldMode, newMode: file.newMode, changedBy: changedBy(file))
  }

  /// Where each line of the file at head came from: the trace's map, with moved and copied lines followed when
  /// copy detection is on (searched once per file, even over two passes).
  private mutating func lineMap(for file: FileDiff, at index: Int, pathID: Int32?) throws -> LineMap {
    if let resolved = resolvedMaps[index] { return resolved }
    let map = pathID.flatMap { snapshot.maps[$0] } ?? LineMap()
    guard attributor.copies.isOn else { return map }
    let added = file.hunks.flatMap(\.lines).filter { $0.kind == .addition }.compactMap(\.newLine)
    let resolved = try resolver.resolving(map, lines: added)
    if streaming { resolvedMaps[index] = resolved }
    return resolved
  }

  /// A Git LFS pointer: its lines are not the file, so it counts none and is credited to the commit that last
  /// wrote its `oid` line.
  private func lfsPointer(_ file: FileDiff, map: LineMap) -> FileAttribution {
    let added = file.hunks.flatMap(\.lines).filter { $0.kind == .addition }.compactMap(\.newLine)
    let origin = map.origins(of: added).compactMap { $0 }.last
    return FileAttribution(
      path: file.path.description, oldPath: file.status == .renamed ? file.oldPath?.description : nil,
      status: file.status, binary: true, submodule: false, symlink: false,
      commit: origin.map { commits[Int($0.commit)].id },
      authorship: origin.map { AuthorshipSummary(classifications[Int($0.commit)].authorship) } ?? .unknown,
      counts: LineCounts(), hunks: [], blob: file.newBlob, oldBlob: file.oldBlob.isZero ? nil : file.oldBlob,
      lfsPointer: true, oldMode: file.oldMode, newMode: file.newMode, changedBy: changedBy(file))
  }

  /// A hunk's added lines, each traced to its commit (or a note), and their counts.
  private mutating func attribute(_ hunk: DiffHunk, path: String, map: LineMap, counting: Bool) throws
    -> HunkAttribution
  {
    let added = hunk.lines.filter { $0.kind == .addition }
    let origins = map.origins(of: added.compactMap(\.newLine))
    var counts = LineCounts()
    var lines: [LineAttribution] = []
    lines.reserveCapacity(added.count)
    for (line, origin) in zip(added, origins) {
      var record = LineAttribution(
        path: path, line: line.newLine ?? 0, commit: nil, authorship: .unknown, agent: nil, model: nil,
        source: .boundary, text: line.text)
      if let origin { try credit(&record, to: origin, counting: counting) }
      counts.add(record.authorship)
      lines.append(record)
    }
    return HunkAttribution(
      oldStart: hunk.oldStart, oldLines: hunk.oldCount, newStart: hunk.newStart, newLines: hunk.newCount,
      authorship: counts.summary, counts: counts, lines: lines)
  }

  /// Gives a line the authorship of the commit that introduced it, or of the authorship note on that commit.
  private mutating func credit(_ record: inout LineAttribution, to origin: LineMap.Run, counting: Bool) throws {
    let classification = classifications[Int(origin.commit)]
    record.commit = commits[Int(origin.commit)].id
    record.authorship = classification.authorship
    record.agent = classification.agent
    record.model = classification.model
    record.source = .commit
    if counting { linesPerCommit[Int(origin.commit)] += 1 }
    guard let note = try note(for: origin.commit),
      let (author, _) = note.author(path: tracker.paths[origin.path].description, line: Int(origin.start))
    else {
      if counting, record.authorship == .ai, record.agent != nil { classifiedAILines[Int(origin.commit)] += 1 }
      return
    }
    usedNotes = true
    record.source = .note
    switch author {
    case .agent(let tool, let model):
      record.authorship = .ai
      record.agent = attributor.classifier.agentID(forTool: tool)
      record.model = model ?? record.model
    case .human:
      record.authorship = .human
      record.agent = nil
      record.model = nil
    }
    if counting, record.authorship == .ai, let agent = record.agent {
      let key = Self.tallyKey(agent: agent, model: record.model)
      notedTallies[key, default: AgentLines(agent: agent, model: record.model)].lines += 1
      notedTallies[key]?.commits.insert(origin.commit)
    }
  }

  /// The commit's authorship note, read once.
  private mutating func note(for commit: Int32) throws -> AuthorshipNote? {
    if let cached = parsedNotes[commit] { return cached }
    let parsed = try attributor.repository.note(reference: attributor.notesRef, for: commits[Int(commit)].id)
      .flatMap(AuthorshipNote.parse)
    parsedNotes[commit] = parsed
    return parsed
  }

  /// The commits of the range that changed the file under its new or old path, by full id.
  private func changedBy(_ file: FileDiff) -> [ObjectID] {
    var indices = Set<Int32>()
    for path in [file.oldPath, file.newPath].compactMap({ $0 }) {
      if let id = tracker.paths.existingID(path) { indices.formUnion(touchedBy[id] ?? []) }
    }
    return indices.sorted().map { commits[Int($0)].id }
  }
}
