import PaddockGit

/// Blames files and classifies the commits the lines come from.
package struct Blamer {
  package let repository: Repository
  package let classifier: CommitClassifier
  /// Whether lines moved or copied from elsewhere keep their origin (`git blame -M`/`-C`); off by default.
  package var copies = CopyDetection.off
  /// With copies on: the trace of the last revision blamed, reused for the next file at that revision.
  private let traces = TraceHolder()

  private final class TraceHolder {
    var trace: HistoryCopyTrace?
  }

  package init(repository: Repository, catalogue: AgentCatalogue) throws {
    self.repository = repository
    do {
      classifier = try CommitClassifier(catalogue: catalogue)
    } catch {
      throw AttributionError.catalogue(error)
    }
  }

  /// Blames `path` at `revision`, optionally only `lines` (1-based, inclusive).
  ///
  /// Traces with Paddock's own line maps over blob diffs that use git's indent
  /// heuristic, so results agree with `git blame` (libgit2 1.5's blame does
  /// not use the heuristic and differs on ambiguous hunks).
  package func blame(path: GitPath, revision: ObjectID, lines: ClosedRange<Int>? = nil) throws -> FileBlame {
    guard let contents = try repository.fileContents(path: path, at: revision) else {
      throw BlameError.noSuchFile(path: path.description, revision: revision.abbreviated())
    }
    // git's own test for binary content: a NUL byte in the first 8000 bytes.
    if contents.prefix(8000).contains(0) { throw BlameError.binaryFile(path: path.description) }
    let texts = Self.splitLines(contents)
    if let lines, lines.lowerBound < 1 || lines.upperBound > texts.count {
      throw BlameError.lineRangeOutOfBounds(
        path: path.description, requested: "\(lines.lowerBound),\(lines.upperBound)", lineCount: texts.count)
    }
    let origins: [FileHistoryTracer.Origin]
    if texts.isEmpty {
      origins = []
    } else if copies.isOn {
      if traces.trace?.revision != revision {
        traces.trace = try HistoryCopyTrace(repository: repository, revision: revision, detection: copies)
      }
      origins = try traces.trace?.origins(of: path) ?? []
    } else {
      origins = try FileHistoryTracer(repository: repository).trace(path: path, at: revision)
    }
    guard origins.count == texts.count else {
      throw BlameError.incompleteHistory(
        path: path.description,
        hint: repository.isShallow ? "this is a shallow clone: run `git fetch --unshallow`" : "run `git fsck`")
    }
    var classifications: [ObjectID: (Commit, CommitClassification)] = [:]
    var result: [BlameLine] = []
    let wanted = lines ?? 1...max(texts.count, 1)
    for (index, origin) in origins.enumerated() where wanted.contains(index + 1) {
      let entry: (Commit, CommitClassification)
      if let cached = classifications[origin.commit] {
        entry = cached
      } else {
        let commit = try repository.commit(origin.commit)
        entry = (commit, classifier.classify(commit))
        classifications[origin.commit] = entry
      }
      let (commit, classification) = entry
      result.append(
        BlameLine(
          path: path.description, line: index + 1, commit: origin.commit, authorship: classification.authorship,
          agent: classification.agent, model: classification.model, authorName: commit.author.name,
          authorEmail: commit.author.email, time: commit.author.time, originalLine: origin.line,
          originalPath: origin.path.description, boundary: commit.parents.isEmpty, text: texts[index]))
    }
    return FileBlame(path: path.description, revision: revision.hex, lines: result)
  }

  /// Splits file bytes into lines as git counts them (a final line without a newline still counts).
  static func splitLines(_ bytes: [UInt8]) -> [String] {
    var lines: [String] = []
    var start = 0
    for index in bytes.indices where bytes[index] == 0x0A {
      var end = index
      if end > start, bytes[end - 1] == 0x0D { end -= 1 }
      lines.append(String(decoding: bytes[start..<end], as: UTF8.self))
      start = index + 1
    }
    if start < bytes.count { lines.append(String(decoding: bytes[start...], as: UTF8.self)) }
    return lines
  }
}
