import Foundation

/// The `duplicate-code` kind: a block of added lines that also stands elsewhere in the change or at head.
enum DuplicateCodeCheck {
  /// Where a window starts: a file (changed files first, then head files) and a line.
  private struct Location: Equatable {
    var file: Int32
    var line: Int32
  }

  /// Every window's locations by hash, as linked lists in one flat array: no array per hash.
  private struct WindowIndex {
    /// Per hash, its first and last entries; entries chain forwards in insertion order, so a search stops at the
    /// first accepted location instead of walking the whole chain (a file of one repeated line has one chain).
    private var chains: [Int: (first: Int32, last: Int32)] = [:]
    private var entries: [(location: Location, next: Int32)] = []

    mutating func insert(_ hash: Int, _ location: Location) {
      let position = Int32(entries.count)
      entries.append((location, -1))
      if let chain = chains[hash] {
        entries[Int(chain.last)].next = position
        chains[hash] = (chain.first, position)
      } else {
        chains[hash] = (position, position)
      }
    }

    /// The earliest-inserted location with this hash that passes `accept`.
    func first(_ hash: Int, where accept: (Location) -> Bool) -> Location? {
      var cursor = chains[hash]?.first ?? -1
      while cursor >= 0 {
        let entry = entries[Int(cursor)]
        if accept(entry.location) { return entry.location }
        cursor = entry.next
      }
      return nil
    }
  }

  static func findings(
    _ rule: Rule, _ minLines: Int, _ files: [ReviewFile], _ change: ReviewChange, _ inScope: (Authorship) -> Bool
  ) -> [Finding] {
    // Index every window of `minLines` significant lines in the files at head (changed ones included).
    var paths: [String] = []
    var fileNumbers: [String: Int32] = [:]
    var index = WindowIndex()
    func indexWindows(path: String, lines: [String]) {
      let file = Int32(paths.count)
      paths.append(path)
      fileNumbers[path] = fileNumbers[path] ?? file
      let significant = significantLines(lines.enumerated().map { ($0.offset + 1, $0.element) })
      forEachWindow(significant, size: minLines) { hash, start, _ in
        index.insert(hash, Location(file: file, line: Int32(start)))
      }
    }
    var addedLines: [Set<Int32>] = []
    for file in change.files where !file.isBinary {
      indexWindows(path: file.path, lines: file.content ?? file.added.map(\.text))
      addedLines.append(Set(file.added.map { Int32($0.number) }))
    }
    for file in change.headFiles { indexWindows(path: file.path, lines: file.lines) }

    var findings: [Finding] = []
    for file in files where !file.isBinary {
      guard let fileNumber = fileNumbers[file.path] else { continue }
      // Runs of consecutive added lines in scope.
      var runs: [[AddedLine]] = []
      for line in file.added where inScope(line.authorship) {
        if let last = runs.last?.last, last.number + 1 == line.number {
          runs[runs.count - 1].append(line)
        } else {
          runs.append([line])
        }
      }
      for run in runs {
        let significant = significantLines(run.map { ($0.number, $0.text) })
        // Overlapping or touching duplicated windows make one span, reported once.
        var spans: [(start: Int, end: Int, other: Location)] = []
        forEachWindow(significant, size: minLines) { hash, start, end in
          // Another place: not this window, nor one overlapping it in the same file.
          guard
            let other = index.first(
              hash,
              where: { $0.file != fileNumber || $0.line < Int32(start) || $0.line > Int32(end) })
          else { return }
          // Two added copies of one block are reported once, on the later copy.
          if Int(other.file) < addedLines.count, addedLines[Int(other.file)].contains(other.line),
            (paths[Int(other.file)], Int(other.line)) > (file.path, start)
          {
            return
          }
          if let last = spans.last, start <= last.end + 1 {
            spans[spans.count - 1].end = max(last.end, end)
          } else {
            spans.append((start, end, other))
          }
        }
        for span in spans {
          // A run's lines are consecutive, so a line number is an offset into it.
          let first = run[0].number
          let window = run[max(0, span.start - first)...min(run.count - 1, span.end - first)]
          let otherPath = paths[Int(span.other.file)]
          findings.append(
            ChangeChecks.finding(
              rule, file: file, line: window.first ?? run[0], change: change,
              message:
                "\(rule.message) Lines \(span.start)–\(span.end) also stand at \(otherPath):\(span.other.line).",
              key: window.map(\.text).joined(separator: "\n"), endLine: span.end))
        }
      }
    }
    return findings
  }

  /// Lines worth comparing, as (line number, hash of the trimmed text): not blank, not shorter than four
  /// characters, not an import or a comment. Works on UTF-8 bytes: this runs over every line at head.
  private static func significantLines(_ lines: [(Int, String)]) -> [(Int, Int)] {
    var result: [(Int, Int)] = []
    result.reserveCapacity(lines.count)
    for (number, text) in lines {
      var text = text
      let hash: Int? = text.withUTF8 { bytes in
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        guard end - start >= 4 else { return nil }
        let trimmed = UnsafeBufferPointer(rebasing: bytes[start..<end])
        for prefix in skippedPrefixes where trimmed.starts(with: prefix) { return nil }
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(trimmed))
        return hasher.finalize()
      }
      if let hash { result.append((number, hash)) }
    }
    return result
  }

  private static let skippedPrefixes: [[UInt8]] = [
    "import ", "#include", "using ", "use ", "from ", "package ", "//", "#", "/*", "*", "--", "@",
  ].map { Array($0.utf8) }

  /// Calls `body` with a hash, first and last line number of each window of `size` consecutive entries.
  private static func forEachWindow(_ lines: [(Int, Int)], size: Int, _ body: (Int, Int, Int) -> Void) {
    guard lines.count >= size else { return }
    let hashes = lines.map(\.1)
    for start in 0...(lines.count - size) {
      var hasher = Hasher()
      for offset in 0..<size { hasher.combine(hashes[start + offset]) }
      body(hasher.finalize(), lines[start].0, lines[start + size - 1].0)
    }
  }
}
