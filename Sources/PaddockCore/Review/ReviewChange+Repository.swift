import PaddockChange
import PaddockGit
import PaddockRules
import PaddockSupport

extension ReviewChange {
  /// Files larger than this are reviewed by their added lines only, without the lines around them.
  package static let contentLimit = 4 << 20

  /// Builds the change from an attributed range: added lines with their authorship, each changed file's text at
  /// head, the commits with their review and sign-off trailers, and, when `headFiles` is set, the other text files
  /// at head in the languages the change touches.
  ///
  /// With `onlyTracedLines`, added lines that no commit of the range introduced (lines a merge brought in from
  /// commits the range excludes) are left out: a push that creates a branch is judged by its own commits only.
  /// With `intermediateLines`, the lines commits added and later commits removed are read from their blobs.
  package static func load(
    repository: Repository, attribution: RangeAttribution, classifier: CommitClassifier, headFiles: Bool,
    onlyTracedLines: Bool = false, intermediateLines: Bool = false
  ) throws -> ReviewChange {
    var commitIndex: [ObjectID: Int] = [:]
    var commits: [ReviewCommit] = []
    for record in attribution.commits {
      commitIndex[record.id] = commits.count
      var signoffs: [String] = []
      // Sign-offs matter only on AI commits (ai-signoff), so only those are read again for their trailers.
      if record.authorship.isAIOrUnknown {
        let commit = try repository.commit(record.id)
        for trailer in commit.trailers where trailer.key.lowercased() == "signed-off-by" {
          if classifier.isAgentIdentity(trailer.value) { signoffs.append(trailer.value) }
        }
      }
      commits.append(
        ReviewCommit(
          id: record.id, summary: record.summary, author: "\(record.authorName) <\(record.authorEmail)>",
          authorship: record.authorship, agent: record.agent,
          humanReviewers: record.review.map { $0.text }, agentSignoffs: signoffs,
          refusedReviews: record.refusedReview))
    }
    for (index, record) in attribution.commits.enumerated() {
      commits[index].parents = record.parents.compactMap { commitIndex[$0] }
    }
    var paths: [PathChange] = []
    paths.reserveCapacity(attribution.files.count)
    for file in attribution.files {
      paths.append(
        PathChange(
          path: file.path, oldPath: file.oldPath, status: file.status, oldMode: file.oldMode, newMode: file.newMode,
          isBinary: file.binary, addedLines: file.counts.total, removedLines: file.hunks.reduce(0) { $0 + $1.oldLines },
          commits: file.changedBy.compactMap { commitIndex[$0] }.sorted()))
    }
    // The base of the change: where the repository's own settings are read, which the change cannot alter.
    let base = attribution.mergeBase ?? attribution.base
    let attributes = linguistAttributes(repository: repository, at: base)
    // The lines commits added and later removed come from blobs the changed files do not share: a second thread
    // with a handle of its own reads them while this one reads the files.
    let records = intermediateLines ? attribution.intermediate : []
    let ownThread = records.count >= Self.intermediateBlobsForThread
    var loaded: Result<[ReviewFile], any Error> = .success([])
    var intermediate: Result<[ReviewFile], any Error> = .success([])
    let location = repository.gitDirectory
    Parallel.run(workers: ownThread ? 2 : 1) { worker in
      if worker == 1 {
        intermediate = Result {
          try loadIntermediate(
            repository: Repository(historyOf: location), records, commits: commits, index: commitIndex)
        }
        return
      }
      loaded = Result {
        try loadFiles(
          repository: repository, attribution: attribution, index: commitIndex, attributes: attributes,
          onlyTracedLines: onlyTracedLines)
      }
      if !ownThread {
        intermediate = Result {
          try loadIntermediate(repository: repository, records, commits: commits, index: commitIndex)
        }
      }
    }
    let files = try loaded.get()
    let intermediateFiles = try intermediate.get()
    let dependencies =
      files.contains { ManifestParser.isManifest($0.path) }
      ? declaredDependencies(repository: repository, at: base, attributes: attributes) : [:]
    var head: [HeadFile] = []
    var unreadable: [String] = []
    if headFiles {
      (head, unreadable) = try loadHeadFiles(
        repository: repository, head: attribution.head, except: files, attributes: attributes)
    }
    var limitations: [String] = []
    if let first = unreadable.first {
      let count = unreadable.count
      limitations.append(
        "\(count) file\(count == 1 ? "" : "s") at head could not be read (\(first)\(count > 1 ? " and others" : ""): an object missing from a partial or damaged clone), so duplicate-code did not compare the change with \(count == 1 ? "it" : "them")."
      )
    }
    return ReviewChange(
      files: files, commits: commits, headFiles: head, paths: paths, intermediate: intermediateFiles,
      declaredDependencies: dependencies, limitations: limitations)
  }

  /// From this many blobs of intermediate lines on, they are read on a thread of their own; below, opening a second
  /// handle costs about what it saves.
  static let intermediateBlobsForThread = 8

  /// The changed files (not deleted ones, not submodules), each with its added lines, its text at head and, for a
  /// dependency manifest, its text at the base.
  private static func loadFiles(
    repository: Repository, attribution: RangeAttribution, index commitIndex: [ObjectID: Int],
    attributes: LinguistAttributes?, onlyTracedLines: Bool
  ) throws -> [ReviewFile] {
    var files: [ReviewFile] = []
    for file in attribution.files where file.status != .deleted && !file.submodule {

      var added: [AddedLine] = []
      for hunk in file.hunks {
        for line in hunk.lines where !onlyTracedLines || line.source != .boundary {
          added.append(
            AddedLine(
              number: line.line, text: line.text, authorship: line.authorship,
              commit: line.commit.flatMap { commitIndex[$0] }, agent: line.agent))
        }
      }
      var content: [String]?
      if !file.binary, let blob = file.blob, let bytes = try repository.blobIfPresent(blob) {
        if bytes.count <= contentLimit { content = textLines(bytes) }
      }
      var oldContent: [String]?
      if !file.binary, let oldBlob = file.oldBlob, ManifestParser.isManifest(file.path) {
        oldContent = try repository.blobIfPresent(oldBlob).flatMap(textLines)
      }
      let kind = FileKind.of(
        path: file.path, firstLines: (content ?? added.map(\.text)).prefix(FileKind.headerLines),
        attributes: attributes)
      var reviewFile = ReviewFile(
        path: file.path, oldPath: file.oldPath, status: file.status, isBinary: file.binary, kind: kind,
        added: added, content: content, oldContent: oldContent)
      if file.unreadable == true { reviewFile.unreadableBy = file.authorship.single ?? .unknown }
      files.append(reviewFile)
    }
    return files
  }

  /// The text of lines that commits added and later commits removed, oldest commit first, as one file per commit
  /// and path; binary blobs give nothing.
  static func loadIntermediate(
    repository: Repository, _ records: [IntermediateLines], commits: [ReviewCommit], index: [ObjectID: Int]
  ) throws -> [ReviewFile] {
    var files: [ReviewFile] = []
    // Commits are listed newest first, so the highest index is the oldest: a secret is reported where it entered.
    let ordered = records.compactMap { record in index[record.commit].map { (record, $0) } }.sorted { $0.1 > $1.1 }
    for (record, commitIndex) in ordered {
      guard let lines = textLines(try repository.blob(record.blob)) else { continue }
      let commit = commits[commitIndex]
      var added: [AddedLine] = []
      for range in record.lines {
        for number in range where number >= 1 && number <= lines.count {
          added.append(
            AddedLine(
              number: number, text: lines[number - 1], authorship: commit.authorship, commit: commitIndex,
              agent: commit.agent))
        }
      }
      if !added.isEmpty { files.append(ReviewFile(path: record.path, added: added)) }
    }
    return files
  }

  /// The packages every dependency manifest at `revision` declares, by ecosystem, outside vendored folders; at most
  /// 1,000 manifests of up to 1 MiB each. A manifest that cannot be read is left out.
  static func declaredDependencies(repository: Repository, at revision: ObjectID?, attributes: LinguistAttributes?)
    -> [String: Set<String>]
  {
    guard let id = revision, let entries = try? repository.files(at: id, limit: 200_000)
    else { return [:] }
    var result: [String: Set<String>] = [:]
    var read = 0
    for entry in entries where read < 1_000 {
      let path = entry.path.description
      guard let ecosystem = ManifestParser.ecosystem(of: path),
        !FileKind.of(path: path, attributes: attributes).isMachineWritten,
        let bytes = try? repository.blob(entry.blob), bytes.count <= 1 << 20, let lines = textLines(bytes)
      else { continue }
      read += 1
      result[ecosystem.rawValue, default: []].formUnion(ManifestParser.packages(in: lines, path: path))
    }
    return result
  }

  /// The linguist attributes of the root `.gitattributes` at `revision` (the base of the change, so the change
  /// cannot mark itself generated); nil without one, or when it cannot be read.
  static func linguistAttributes(repository: Repository, at revision: ObjectID?) -> LinguistAttributes? {
    guard let id = revision,
      let bytes = try? repository.fileContents(path: GitPath(".gitattributes"), at: id), bytes.count <= 1 << 20
    else { return nil }
    let attributes = LinguistAttributes(gitattributes: String(decoding: bytes, as: UTF8.self))
    return attributes.isEmpty ? nil : attributes
  }

  /// Every text file at `head` as if it were added, of unknown authorship: what a baseline records.
  package static func snapshot(repository: Repository, head: ObjectID) throws -> ReviewChange {
    var files: [ReviewFile] = []
    for entry in try repository.files(at: head) {
      let bytes = try repository.blob(entry.blob)
      let path = entry.path.description
      guard bytes.count <= contentLimit, let lines = textLines(bytes) else {
        files.append(ReviewFile(path: path, status: .added, isBinary: true, added: []))
        continue
      }
      let added = lines.enumerated().map {
        AddedLine(number: $0.offset + 1, text: $0.element, authorship: .unknown, commit: nil)
      }
      files.append(ReviewFile(path: path, status: .added, added: added, content: lines))
    }
    return ReviewChange(files: files, commits: [])
  }

  /// The code files at head in the changed code's languages, except the changed ones, within fixed limits, and the
  /// paths of those whose blob could not be read (missing from a partial clone): those are left out, never an error.
  static func loadHeadFiles(
    repository: Repository, head headID: ObjectID, except changed: [ReviewFile], attributes: LinguistAttributes?
  ) throws -> (files: [HeadFile], unreadable: [String]) {
    let languages = Set(changed.filter(\.kind.isCode).compactMap(\.language))
    let changedPaths = Set(changed.map(\.path))
    var result: [HeadFile] = []
    var unreadable: [String] = []
    var budget = 64 << 20
    for entry in try repository.files(at: headID, limit: 50_000) {
      let path = entry.path.description
      guard !changedPaths.contains(path), let language = Language.of(path: path), languages.contains(language),
        FileKind.of(path: path, attributes: attributes).isCode
      else { continue }
      guard let bytes = try? repository.blob(entry.blob) else {
        unreadable.append(path)
        continue
      }
      guard bytes.count <= 1 << 20, let lines = textLines(bytes) else { continue }
      budget -= bytes.count
      if budget < 0 { break }
      let kind = FileKind.of(path: path, firstLines: lines.prefix(FileKind.headerLines), attributes: attributes)
      guard kind.isCode else { continue }
      result.append(HeadFile(path: path, lines: lines, kind: kind))
    }
    return (result, unreadable)
  }
}
