import PaddockGit

/// Follows moved and copied lines as `git blame -M<n> -C<n> [-C]` does, for the blocks of lines a forward trace left
/// with the commits that added them.
///
/// git blame looks for each block that a commit is still blamed for (after its parents took the lines they have
/// unchanged) in the parents' files: a block is a run of lines that reached the commit together, so it depends on
/// the revision blamed (later edits split blocks, and each piece is looked for on its own). The forward trace keeps
/// exactly those blocks apart (`LineMap.keepsFragments`) and records where each commit's lines may come from
/// (`CopySources`); this resolver then replays, block by block, what `pass_blame` in git's blame.c does after the
/// plain diff: blocks scoring at most the threshold stay; the rest are diffed against the parent's version of the
/// file (`moves`), then against the other candidate files (`same-commit`, `any-commit`); the best-scoring matching
/// stretch goes to that file in the parent, where it takes the origin that file's map gives it (and is looked for
/// again if that origin is itself a commit's added block), and what is left over is searched again.
final class CopyResolver {
  let detection: CopyDetection
  private let sources: [CopySources.Key: CopySources]
  private let paths: LineTracker.PathTable
  private let versions: LineMapVersions
  private let repository: Repository
  private var indexes: [ObjectID: LineIndex] = [:]
  private var trees: [ObjectID: [CopySources.File]] = [:]
  private var resolved: [LineMap.Run: [LineMap.Run]] = [:]

  init(tracker: LineTracker, repository: Repository) {
    detection = tracker.detection
    sources = tracker.copySources
    paths = tracker.paths
    versions = tracker.versions
    self.repository = repository
  }

  /// `map` with every block that a commit added replaced by where git blame finds its lines. With `lines`
  /// (1-based, ascending), only the blocks holding one of them are searched; the others are kept as they are.
  func resolving(_ map: LineMap, lines: [Int]? = nil) throws -> LineMap {
    guard detection.isOn, !sources.isEmpty else { return map }
    var out = LineMap(keepingFragments: true)
    var first = 1
    var wanted = lines?.makeIterator()
    var nextWanted = wanted?.next()
    for run in map.runs {
      let last = first + Int(run.length) - 1
      defer { first = last + 1 }
      if lines != nil {
        while let line = nextWanted, line < first { nextWanted = wanted?.next() }
        guard let line = nextWanted, line <= last else {
          out.append(run)
          continue
        }
      }
      for piece in try resolve(run) { out.append(piece) }
    }
    return out
  }

  /// The runs that replace `run`, in line order.
  func resolve(_ run: LineMap.Run) throws -> [LineMap.Run] {
    guard run.commit != LineMap.boundary,
      let source = sources[CopySources.Key(commit: run.commit, path: run.path)]
    else { return [run] }
    if let known = resolved[run] { return known }
    let text = try index(source.blob)
    let block = Block(start: Int(run.start) - 1, count: Int(run.length))
    guard block.start >= 0, block.start + block.count <= text.count else { return [run] }
    var out: [LineMap.Run] = []
    for piece in try search(block, in: text, source: source) {
      guard let found = piece.found else {
        out.append(
          LineMap.Run(
            commit: run.commit, path: run.path, start: Int32(piece.block.start + 1), length: Int32(piece.block.count)))
        continue
      }
      // The stretch takes the origins its lines have in the parent's file, block by block.
      let map = found.parent.flatMap { versions.map(of: found.file.path, at: $0) } ?? LineMap()
      var there = LineMap(keepingFragments: true)
      var reader = LineMap.Reader(map)
      reader.copy(found.line + 1, found.line + piece.block.count, into: &there)
      for origin in there.runs { out += try resolve(origin) }
    }
    resolved[run] = out
    return out
  }

  // MARK: - git's pass_blame, after the plain diff

  /// Lines of a text, 0-based: `start` and `count`.
  struct Block: Hashable {
    var start: Int
    var count: Int
  }

  /// A piece of a searched block, and where in a parent's file it was found (nil: the commit keeps it).
  private struct Piece {
    var block: Block
    var found: (file: CopySources.File, parent: Int32?, line: Int)?
  }

  /// One way to split a block: the matching stretch `middle` (found at `line` of the parent's file, 0-based) and
  /// what is left before and after it.
  private struct Split {
    var before: Block?
    var middle: Block
    var line: Int
    var after: Block?
    var score: Int
  }

  /// What `pass_blame` does with one block the commit is still blamed for: moves within the file, then copies.
  private func search(_ block: Block, in text: LineIndex, source: CopySources) throws -> [Piece] {
    let move = detection.moveThreshold
    let copy = detection.copyThreshold
    var found: [Piece] = []
    var small: [Block] = []
    var suspects = [block]
    // filter_small: a block scoring at most the threshold is not worth looking for.
    func filter(_ blocks: [Block], _ threshold: Int) -> [Block] {
      var kept: [Block] = []
      for block in blocks {
        if text.score(block) <= threshold { small.append(block) } else { kept.append(block) }
      }
      return kept
    }
    suspects = filter(suspects, move)
    for parent in source.parents where !suspects.isEmpty {
      guard let origin = parent.origin else { continue }
      suspects = try searchOne(suspects, in: text, file: origin, parent: parent.index, threshold: move, found: &found) {
        filter($0, move)
      }
    }
    if detection.mode >= .sameCommit {
      if copy > move {
        suspects = filter(suspects, copy)
      } else if copy < move {
        let all = suspects + small
        small = []
        suspects = filter(all, copy)
      }
      for parent in source.parents where !suspects.isEmpty {
        let files = try candidates(parent).filter { $0.path != parent.origin?.path }
        suspects = try searchMany(
          suspects, in: text, files: files, parent: parent.index, threshold: copy, found: &found
        ) {
          filter($0, copy)
        }
      }
    }
    var pieces = found
    for block in small + suspects { pieces.append(Piece(block: block, found: nil)) }
    return pieces.sorted { $0.block.start < $1.block.start }
  }

  /// find_move_in_parent: each block against one file, again for what is left of a block after a match.
  private func searchOne(
    _ blocks: [Block], in text: LineIndex, file: CopySources.File, parent: Int32?, threshold: Int,
    found: inout [Piece], filter: ([Block]) -> [Block]
  ) throws -> [Block] {
    let other = try index(file.blob)
    var unsearched = blocks
    var leftover: [Block] = []
    while !unsearched.isEmpty {
      var pieces: [Block] = []
      for block in unsearched {
        if let split = try bestSplit(block, of: text, in: other, threshold: threshold), split.score > threshold {
          found.append(Piece(block: split.middle, found: (file, parent, split.line)))
          pieces += [split.before, split.after].compactMap { $0 }
        } else {
          leftover.append(block)
        }
      }
      unsearched = filter(pieces)
    }
    return leftover
  }

  /// find_copy_in_parent: each block against every file, the best split over all files winning (a later file on a
  /// tie), again for what is left of a block after a match.
  private func searchMany(
    _ blocks: [Block], in text: LineIndex, files: [CopySources.File], parent: Int32?, threshold: Int,
    found: inout [Piece], filter: ([Block]) -> [Block]
  ) throws -> [Block] {
    var unsearched = blocks
    var leftover: [Block] = []
    while !unsearched.isEmpty {
      var best: [(split: Split, file: CopySources.File)?] = Array(repeating: nil, count: unsearched.count)
      for file in files {
        let other = try index(file.blob)
        for (position, block) in unsearched.enumerated() {
          guard let split = try bestSplit(block, of: text, in: other, threshold: threshold) else { continue }
          if let current = best[position], split.score < current.split.score { continue }
          best[position] = (split, file)
        }
      }
      var pieces: [Block] = []
      for (position, block) in unsearched.enumerated() {
        if let (split, file) = best[position], split.score > threshold {
          found.append(Piece(block: split.middle, found: (file, parent, split.line)))
          pieces += [split.before, split.after].compactMap { $0 }
        } else {
          leftover.append(block)
        }
      }
      unsearched = filter(pieces)
    }
    return leftover
  }

  /// find_copy_in_blob: diffs the file against the block's lines and returns the best-scoring stretch they share
  /// (the last one on a tie). Returns nil without diffing when no stretch of the block's lines that all occur in the
  /// file scores above `threshold`: then no split could be taken.
  private func bestSplit(_ block: Block, of text: LineIndex, in other: LineIndex, threshold: Int) throws -> Split? {
    guard other.mayHold(block, of: text, above: threshold) else { return nil }
    let hunks = try Repository.diffTexts(old: other.bytes, new: text.bytes(block))
    var best: Split?
    func consider(_ from: Int, _ line: Int, _ same: Int) {
      guard from < block.count, from < same else { return }
      let middle = Block(start: block.start + from, count: same - from)
      let score = text.score(middle)
      if let best, score < best.score { return }
      best = Split(
        before: from > 0 ? Block(start: block.start, count: from) : nil, middle: middle, line: line,
        after: same < block.count ? Block(start: block.start + same, count: block.count - same) : nil, score: score)
    }
    var from = 0
    var line = 0
    for hunk in hunks {
      // With no lines on a side, a hunk's start is the line before it.
      let oldFirst = hunk.oldCount == 0 ? hunk.oldStart : hunk.oldStart - 1
      let newFirst = hunk.newCount == 0 ? hunk.newStart : hunk.newStart - 1
      consider(from, line, newFirst)
      line = oldFirst + hunk.oldCount
      from = newFirst + hunk.newCount
    }
    consider(from, line, block.count)
    return best
  }

  /// The files a block may be copied from in `parent`: every file of its tree when git would look there, else
  /// those the commit changed. A file the trace never saw has no map: its lines predate the range.
  private func candidates(_ parent: CopySources.Parent) throws -> [CopySources.File] {
    guard parent.everyFile else { return parent.changed }
    if let known = trees[parent.id] { return known }
    let files = try repository.files(at: parent.id, symlinks: true).sorted { $0.path < $1.path }.map { entry in
      CopySources.File(path: paths.existingID(entry.path) ?? -1, blob: entry.blob)
    }
    trees[parent.id] = files
    return files
  }

  // MARK: - Text

  private func index(_ blob: ObjectID) throws -> LineIndex {
    if let known = indexes[blob] { return known }
    let made = LineIndex(try repository.blob(blob), blob: blob)
    indexes[blob] = made
    return made
  }
}

/// A blob's lines as git's diff compares them (each with its newline), with what the search needs fast: each line's
/// hash, the set of them, and running counts of alphanumeric characters (git's score of a block).
struct LineIndex {
  let blob: ObjectID
  let bytes: [UInt8]
  /// Byte offset of each line's start, then of the end.
  let starts: [Int]
  private let hashes: [Int]
  private let lineSet: Set<Int>
  /// `alphanumerics[i]`: ASCII letters and digits in lines before line `i`.
  private let alphanumerics: [Int]

  init(_ bytes: [UInt8], blob: ObjectID) {
    self.blob = blob
    self.bytes = bytes
    var starts = [0]
    var hashes: [Int] = []
    var alphanumerics = [0]
    var count = 0
    var hasher = Hasher()
    var lineStart = 0
    for (offset, byte) in bytes.enumerated() {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "a")...UInt8(ascii: "z"):
        count += 1
      default: break
      }
      guard byte == UInt8(ascii: "\n") || offset == bytes.count - 1 else { continue }
      hasher = Hasher()
      bytes[lineStart...offset].withUnsafeBytes { hasher.combine(bytes: $0) }
      hashes.append(hasher.finalize())
      alphanumerics.append(count)
      lineStart = offset + 1
      starts.append(lineStart)
    }
    self.starts = starts
    self.hashes = hashes
    self.alphanumerics = alphanumerics
    lineSet = Set(hashes)
  }

  var count: Int { hashes.count }

  /// The bytes of a block's lines.
  func bytes(_ block: CopyResolver.Block) -> [UInt8] {
    Array(bytes[starts[block.start]..<starts[block.start + block.count]])
  }

  /// git's `blame_entry_score`: one more than the block's alphanumeric characters.
  func score(_ block: CopyResolver.Block) -> Int {
    1 + alphanumerics[block.start + block.count] - alphanumerics[block.start]
  }

  /// Whether some run of consecutive lines of `block` (of `text`) that all occur in this text scores above
  /// `threshold`: only then can a diff against this text yield a stretch git would take.
  func mayHold(_ block: CopyResolver.Block, of text: LineIndex, above threshold: Int) -> Bool {
    var runStart = block.start
    for line in block.start..<(block.start + block.count) {
      if lineSet.contains(text.hashes[line]) {
        if text.score(CopyResolver.Block(start: runStart, count: line + 1 - runStart)) > threshold { return true }
      } else {
        runStart = line + 1
      }
    }
    return false
  }
}
