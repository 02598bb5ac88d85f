import PaddockGit

extension ReviewChange {
  /// Files larger than this are reviewed by their added lines only, without the lines around them.
  public static let contentLimit = 4 << 20

  /// Builds the change from an attributed range: added lines with their authorship, each changed file's text at
  /// head, the commits with their review and sign-off trailers, and, when `headFiles` is set, the other text files
  /// at head in the languages the change touches.
  ///
  /// With `onlyTracedLines`, added lines that no commit of the range introduced (lines a merge brought in from
  /// commits the range excludes) are left out: a push that creates a branch is judged by its own commits only.
  /// With `intermediateLines`, the lines commits added and later commits removed are read from their blobs.
  public static func load(
    repository: Repository, attribution: RangeAttribution, classifier: CommitClassifier, headFiles: Bool,
    onlyTracedLines: Bool = false, intermediateLines: Bool = false
  ) throws -> ReviewChange {
    var commitIndex: [String: Int] = [:]
    var commits: [ReviewCommit] = []
    for record in attribution.commits {
      commitIndex[record.id] = commits.count
      var signoffs: [String] = []
      // Sign-offs matter only on AI commits (ai-signoff), so only those are read again for their trailers.
      if record.authorship.isAIOrUnknown, let id = ObjectID(hex: record.id) {
        let commit = try repository.commit(id)
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
      var reviewFile = ReviewFile(
        path: file.path, oldPath: file.oldPath, status: file.status, isBinary: file.binary, added: added,
        content: content, oldContent: oldContent)
      if file.unreadable == true { reviewFile.unreadableBy = Authorship(rawValue: file.authorship) ?? .unknown }
      files.append(reviewFile)
    }
    let head = headFiles ? try loadHeadFiles(repository: repository, head: attribution.head, except: files) : []
    let intermediate =
      intermediateLines
      ? try loadIntermediate(repository: repository, attribution.intermediate, commits: commits, index: commitIndex)
      : []
    return ReviewChange(files: files, commits: commits, headFiles: head, paths: paths, intermediate: intermediate)
  }

  /// The text of lines that commits added and later commits removed, oldest commit first, as one file per commit
  /// and path; binary blobs give nothing.
  static func loadIntermediate(
    repository: Repository, _ records: [IntermediateLines], commits: [ReviewCommit], index: [String: Int]
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

  /// Every text file at `head` as if it were added, of unknown authorship: what a baseline records.
  public static func snapshot(repository: Repository, head: ObjectID) throws -> ReviewChange {
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

  /// The text files at head in the change's languages, except the changed ones, within fixed limits.
  static func loadHeadFiles(repository: Repository, head: String, except changed: [ReviewFile]) throws -> [HeadFile] {
    guard let headID = ObjectID(hex: head) else { return [] }
    let languages = Set(changed.compactMap(\.language))
    let changedPaths = Set(changed.map(\.path))
    var result: [HeadFile] = []
    var budget = 64 << 20
    for entry in try repository.files(at: headID, limit: 50_000) {
      let path = entry.path.description
      guard !changedPaths.contains(path), let language = Language.of(path: path), languages.contains(language) else {
        continue
      }
      // A file a partial clone does not have is left out of the comparison.
      guard let bytes = try repository.blobIfPresent(entry.blob), bytes.count <= 1 << 20, let lines = textLines(bytes)
      else { continue }
      budget -= bytes.count
      if budget < 0 { break }
      result.append(HeadFile(path: path, lines: lines))
    }
    return result
  }

  /// Splits bytes into lines (without `\n` or `\r\n`), decoding leniently; nil for binary content.
  static func textLines(_ bytes: [UInt8]) -> [String]? {
    // git's own test: a NUL in the first 8000 bytes means binary.
    if bytes.prefix(8000).contains(0) { return nil }
    var lines: [String] = []
    var start = 0
    bytes.withUnsafeBufferPointer { buffer in
      for index in 0..<buffer.count where buffer[index] == 0x0A {
        var end = index
        if end > start, buffer[end - 1] == 0x0D { end -= 1 }
        lines.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self))
        start = index + 1
      }
      if start < buffer.count {
        lines.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<buffer.count]), as: UTF8.self))
      }
    }
    return lines
  }
}
