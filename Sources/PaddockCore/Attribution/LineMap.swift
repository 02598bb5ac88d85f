/// Where each line of one file came from, as runs of consecutive lines.
///
/// Lines past the last run are implicitly "boundary": they predate the range
/// being traced. This lets a file enter the map without reading its length.
package struct LineMap: Sendable, Equatable {
  /// Commit index (into the traced range) for lines that predate it.
  package static let boundary: Int32 = -1

  package struct Run: Sendable, Hashable {
    /// Index of the introducing commit, or `LineMap.boundary`.
    package var commit: Int32
    /// Interned path of the file in that commit.
    package var path: Int32
    /// Line number in that commit's version of the first line of the run.
    package var start: Int32
    package var length: Int32
  }

  package private(set) var runs: [Run] = []
  /// Whether runs that git blame would keep apart stay apart: lines that reached a commit by different ways, or
  /// that a later change split (even one that was undone), are separate runs. Detecting moves and copies needs this,
  /// because git looks for each such block on its own; plain blame merges them.
  private(set) var keepsFragments = false

  init(keepingFragments: Bool = false) { keepsFragments = keepingFragments }

  /// Lines covered by explicit runs.
  var coveredLines: Int { runs.reduce(0) { $0 + Int($1.length) } }

  /// Adds a run after the last, merged with it when it continues it. Lengths and starts stay within `Int32`
  /// whatever the hunks said (they may come from a forged cache record): a run that would overflow starts anew.
  mutating func append(_ run: Run) {
    guard run.length > 0 else { return }
    if var last = runs.last, last.commit == run.commit, last.path == run.path,
      run.commit == LineMap.boundary || (!keepsFragments && Int(last.start) + Int(last.length) == Int(run.start)),
      Int(last.length) + Int(run.length) <= Int(Int32.max)
    {
      last.length += run.length
      runs[runs.count - 1] = last
    } else {
      runs.append(run)
    }
  }

  mutating func appendBoundary(_ count: Int) {
    var remaining = count
    while remaining > 0 {
      let length = Int32(clamping: remaining)
      append(Run(commit: LineMap.boundary, path: -1, start: 0, length: length))
      remaining -= Int(length)
    }
  }

  /// A forward-only reader that copies line ranges out of a map.
  struct Reader {
    let map: LineMap
    private var index = 0
    /// Line number of the first line of `map.runs[index]`.
    private var runFirstLine = 1

    init(_ map: LineMap) { self.map = map }

    /// Appends the origins of lines `first...last` (1-based, ascending calls only) to `out`.
    mutating func copy(_ first: Int, _ last: Int, into out: inout LineMap) {
      guard last >= first else { return }
      var line = first
      while line <= last {
        while index < map.runs.count, runFirstLine + Int(map.runs[index].length) <= line {
          runFirstLine += Int(map.runs[index].length)
          index += 1
        }
        guard index < map.runs.count else {
          out.appendBoundary(last - line + 1)
          return
        }
        let run = map.runs[index]
        let offset = line - runFirstLine
        let available = Int(run.length) - offset
        let take = min(available, last - line + 1)
        let start = run.commit == LineMap.boundary ? 0 : Int32(clamping: Int(run.start) + offset)
        out.append(Run(commit: run.commit, path: run.path, start: start, length: Int32(clamping: take)))
        line += take
      }
    }

    /// Appends every explicit run from `first` on; the implicit boundary tail stays implicit.
    mutating func copyRest(from first: Int, into out: inout LineMap) {
      let end = map.coveredLines
      if first <= end { copy(first, end, into: &out) }
    }
  }

  /// The map after a change whose zero-context hunks are `hunks`, with added
  /// lines attributed to `commit` at `path`.
  func applying(_ hunks: [HunkShape], commit: Int32, path: Int32) -> LineMap {
    var out = LineMap(keepingFragments: keepsFragments)
    var reader = Reader(self)
    var cursor = 1
    for hunk in hunks {
      // With no old lines, oldStart is the line after which the insertion goes.
      let keepUntil = hunk.oldCount == 0 ? hunk.oldStart : hunk.oldStart - 1
      reader.copy(cursor, keepUntil, into: &out)
      out.append(
        Run(
          commit: commit, path: path, start: Int32(clamping: hunk.newStart), length: Int32(clamping: hunk.newCount)))
      cursor = hunk.oldCount == 0 ? hunk.oldStart + 1 : hunk.oldStart + hunk.oldCount
    }
    reader.copyRest(from: cursor, into: &out)
    return out
  }

  /// The line numbers (in this map's file) whose origin is `commit`, as ascending runs.
  func lines(of commit: Int32) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var first = 1
    for run in runs {
      if run.commit == commit { result.append(first..<(first + Int(run.length))) }
      first += Int(run.length)
    }
    return result
  }

  /// How many lines of `ranges` (1-based, ascending, not overlapping) each commit introduced; boundary lines are
  /// not counted. Works on runs, so a change of millions of lines costs no more than its runs.
  package func originCounts(of ranges: [Range<Int>]) -> [Int32: Int] {
    var counts: [Int32: Int] = [:]
    var index = 0
    var runFirstLine = 1
    for range in ranges where !range.isEmpty {
      var line = range.lowerBound
      while line < range.upperBound {
        while index < runs.count, runFirstLine + Int(runs[index].length) <= line {
          runFirstLine += Int(runs[index].length)
          index += 1
        }
        guard index < runs.count else { return counts }
        let runEnd = runFirstLine + Int(runs[index].length)
        let first = max(line, runFirstLine)
        let end = min(range.upperBound, runEnd)
        if first < end, runs[index].commit != LineMap.boundary { counts[runs[index].commit, default: 0] += end - first }
        line = max(end, first)
      }
    }
    return counts
  }

  /// The origin of each line in `lines` (ascending), or nil for boundary lines.
  func origins(of lines: [Int]) -> [Run?] {
    var result: [Run?] = []
    result.reserveCapacity(lines.count)
    var index = 0
    var runFirstLine = 1
    for line in lines {
      while index < runs.count, runFirstLine + Int(runs[index].length) <= line {
        runFirstLine += Int(runs[index].length)
        index += 1
      }
      guard index < runs.count, line >= runFirstLine, runs[index].commit != LineMap.boundary else {
        result.append(nil)
        continue
      }
      var run = runs[index]
      run.start = Int32(clamping: Int(run.start) + line - runFirstLine)
      run.length = 1
      result.append(run)
    }
    return result
  }
}

/// The numbers of a zero-context hunk, which is all line tracking needs.
struct HunkShape: Sendable, Equatable {
  var oldStart: Int
  var oldCount: Int
  var newStart: Int
  var newCount: Int
}
