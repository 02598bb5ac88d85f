import PaddockChange
import PaddockCore
import PaddockGit

/// One piece of the change as the model sees it: a hunk of the range's diff with lines of context around it,
/// removed lines, and who wrote each added line.
package struct ModelHunk: Sendable, Hashable {
  package enum Kind: String, Sendable, Hashable {
    case context
    case added
    case removed
  }

  package struct Line: Sendable, Hashable {
    package var kind: Kind
    /// The line's number in the file at head; nil for removed lines.
    package var number: Int?
    package var text: String
    /// Who wrote an added line.
    package var authorship: Authorship?
    package var agent: String?
    package var commit: ObjectID?

    package init(
      kind: Kind, number: Int?, text: String, authorship: Authorship? = nil, agent: String? = nil,
      commit: ObjectID? = nil
    ) {
      self.kind = kind
      self.number = number
      self.text = text
      self.authorship = authorship
      self.agent = agent
      self.commit = commit
    }
  }

  package var path: String
  package var language: Language?
  package var lines: [Line]

  package init(path: String, language: Language? = nil, lines: [Line]) {
    self.path = path
    self.language = language ?? Language.of(path: path)
    self.lines = lines
  }

  /// The first line number at head the hunk shows.
  package var start: Int { lines.compactMap(\.number).first ?? 0 }
  /// Lines the model may point a finding at.
  package var addedNumbers: Set<Int> { Set(lines.filter { $0.kind == .added }.compactMap(\.number)) }
  package var addedCount: Int { lines.filter { $0.kind == .added }.count }
  /// Some added line is AI-written, or of unknown authorship (treated as AI).
  package var hasAI: Bool { lines.contains { $0.kind == .added && $0.authorship?.isAIOrUnknown == true } }
  package var isDeleteOnly: Bool { addedCount == 0 }
  /// The agent of the first AI-written line.
  package var agent: String? { lines.first { $0.kind == .added && $0.agent != nil }?.agent }

  /// `ai` (unknown authorship counts as AI), `human`, `bot`, `mixed`, or `none` for a deletion.
  package var authorship: AuthorshipSummary {
    AuthorshipSummary(
      of: lines.filter { $0.kind == .added }.compactMap(\.authorship).map { $0.isAIOrUnknown ? .ai : $0 })
  }

  /// Whether the path looks like a test (such files are sent after source files).
  package var isTest: Bool {
    let parts = path.split(separator: "/")
    let folders: Set<String> = ["test", "tests", "spec", "specs", "__tests__", "testdata"]
    if parts.dropLast().contains(where: { folders.contains($0.lowercased()) }) { return true }
    guard let name = parts.last, let stem = name.split(separator: ".").first else { return false }
    let lower = stem.lowercased()
    return lower.hasPrefix("test_") || lower.hasSuffix("_test") || lower.hasSuffix("_spec")
      || stem.hasSuffix("Test") || stem.hasSuffix("Tests") || name.contains(".test.") || name.contains(".spec.")
  }

  /// Splits a hunk too big for one request into pieces of whole lines, each under `maxBytes` when rendered.
  package func split(maxBytes: Int) -> [ModelHunk] {
    var pieces: [ModelHunk] = []
    var current: [Line] = []
    var size = 0
    for line in lines {
      let cost = line.text.utf8.count + 12
      if size + cost > maxBytes, !current.isEmpty {
        pieces.append(ModelHunk(path: path, language: language, lines: current))
        current = []
        size = 0
      }
      current.append(line)
      size += cost
    }
    if !current.isEmpty { pieces.append(ModelHunk(path: path, language: language, lines: current)) }
    return pieces
  }
}

extension ModelHunk {
  /// The hunks of an attributed range as the model sees them: the zero-context hunks of `attribution`, widened by
  /// `context` unchanged lines from the file at head and merged where their context meets. `change` says which
  /// lines count as added (a push that creates a branch leaves out lines it did not introduce); `oldLines` gives a
  /// file's text before the change, for removed lines.
  package static func hunks(
    of attribution: RangeAttribution, change: ReviewChange, context: Int, oldLines: (FileAttribution) -> [String]?
  ) -> [ModelHunk] {
    let files = Dictionary(change.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    var result: [ModelHunk] = []
    for file in attribution.files where !file.binary && !file.submodule && file.status != .deleted {
      guard let reviewFile = files[file.path], let head = reviewFile.content, !file.hunks.isEmpty else { continue }
      let added = Dictionary(reviewFile.added.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
      let commits = change.commits
      let old = file.hunks.contains { $0.oldLines > 0 } ? oldLines(file) : nil
      // Each zero-context hunk covers head lines [first, end); a pure deletion sits after line `newStart`.
      let spans = file.hunks.map { hunk -> (hunk: HunkAttribution, first: Int, end: Int) in
        let first = hunk.newLines > 0 ? hunk.newStart : hunk.newStart + 1
        return (hunk, first, first + hunk.newLines)
      }
      var groups: [[(hunk: HunkAttribution, first: Int, end: Int)]] = []
      for span in spans {
        if let last = groups.last?.last, span.first - last.end <= 2 * context {
          groups[groups.count - 1].append(span)
        } else {
          groups.append([span])
        }
      }
      for group in groups {
        guard let firstSpan = group.first, let lastSpan = group.last else { continue }
        var lines: [Line] = []
        func contextLines(_ range: Range<Int>) {
          for number in range where number >= 1 && number <= head.count {
            lines.append(Line(kind: .context, number: number, text: head[number - 1]))
          }
        }
        contextLines(max(1, firstSpan.first - context)..<firstSpan.first)
        var previousEnd: Int?
        for span in group {
          if let previousEnd { contextLines(previousEnd..<span.first) }
          if let old, span.hunk.oldLines > 0 {
            for number in span.hunk.oldStart..<(span.hunk.oldStart + span.hunk.oldLines)
            where number >= 1 && number <= old.count {
              lines.append(Line(kind: .removed, number: nil, text: old[number - 1]))
            }
          }
          for number in span.first..<span.end where number >= 1 && number <= head.count {
            if let line = added[number] {
              lines.append(
                Line(
                  kind: .added, number: number, text: line.text, authorship: line.authorship, agent: line.agent,
                  commit: line.commit.map { commits[$0].id }))
            } else {
              lines.append(Line(kind: .context, number: number, text: head[number - 1]))
            }
          }
          previousEnd = span.end
        }
        contextLines(lastSpan.end..<min(head.count + 1, lastSpan.end + context))
        result.append(ModelHunk(path: file.path, language: reviewFile.language, lines: lines))
      }
    }
    return result
  }
}
