import Foundation

/// The `duplicate-code` kind: a block of added lines that also stands elsewhere in the change or at head.
enum DuplicateCodeCheck {
  private struct Location: Hashable {
    var path: String
    var line: Int
  }

  static func findings(
    _ rule: Rule, _ minLines: Int, _ files: [ReviewFile], _ change: ReviewChange, _ inScope: (Authorship) -> Bool
  ) -> [Finding] {
    // Index every window of `minLines` significant lines in the files at head (changed ones included).
    var index: [Int: [Location]] = [:]
    func indexWindows(path: String, lines: [String]) {
      let significant = significantLines(lines.enumerated().map { ($0.offset + 1, $0.element) })
      forEachWindow(significant, size: minLines) { hash, start, _ in
        index[hash, default: []].append(Location(path: path, line: start))
      }
    }
    for file in change.files where !file.isBinary {
      indexWindows(path: file.path, lines: file.content ?? file.added.map(\.text))
    }
    for file in change.headFiles { indexWindows(path: file.path, lines: file.lines) }

    var added: Set<Location> = []
    for file in change.files {
      for line in file.added { added.insert(Location(path: file.path, line: line.number)) }
    }
    var findings: [Finding] = []
    for file in files where !file.isBinary {
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
        var reportedUntil = 0
        forEachWindow(significant, size: minLines) { hash, start, end in
          guard start > reportedUntil else { return }
          let own = Location(path: file.path, line: start)
          guard let other = index[hash]?.first(where: { $0 != own && !overlaps($0, own, file.path, start, end) })
          else { return }
          // Two added copies of one block are reported once, on the later copy.
          if added.contains(other), (other.path, other.line) > (file.path, start) { return }
          reportedUntil = end
          let line = run.first { $0.number == start } ?? run[0]
          let block = run.filter { $0.number >= start && $0.number <= end }.map(\.text).joined(separator: "\n")
          findings.append(
            ChangeChecks.finding(
              rule, file: file, line: line, change: change,
              message: "\(rule.message) Lines \(start)–\(end) also stand at \(other.path):\(other.line).",
              key: block, endLine: end))
        }
      }
    }
    return findings
  }

  private static func overlaps(_ other: Location, _ own: Location, _ path: String, _ start: Int, _ end: Int) -> Bool {
    other.path == path && other.line >= start && other.line <= end
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
