import PaddockGit
import PaddockSupport

/// Follows moved and copied lines as `git blame -M<n> [-C<n> [-C [-C]]]` does, for the blocks of lines a forward
/// trace left with the commits that added them.
///
/// git blame looks for each block that a commit is still blamed for (after its parents took the lines they have
/// unchanged) in the parents' files: a block is a run of lines that reached the commit together, so it depends on
/// the revision blamed (later edits split blocks, and each piece is looked for on its own). The forward trace keeps
/// exactly those blocks apart (`LineMap.keepsFragments`) and records where each commit's lines may come from
/// (`CopySources`); this resolver then replays, block by block, what `pass_blame` in git's blame.c does after the
/// plain diff: blocks scoring at most the threshold stay; the rest are diffed against the parent's version of the
/// file (`moves`), then against the other candidate files (the copy modes); the best-scoring matching
/// stretch goes to that file in the parent, where it takes the origin that file's map gives it (and is looked for
/// again if that origin is itself a commit's added block), and what is left over is searched again.
package final class CopyResolver {
  let detection: CopyDetection
  private let sources: [CopySources.Key: CopySources]
  private let paths: LineTracker.PathTable
  private let versions: LineMapVersions
  private let repository: Repository
  private var indexes: [ObjectID: LineIndex] = [:]
  /// Parents' trees for `creating-commit` and `any-commit`: the recent ones, and those of the generation before.
  private var trees: [ObjectID: [Candidate]] = [:]
  private var olderTrees: [ObjectID: [Candidate]] = [:]
  private var resolved: [LineMap.Run: [LineMap.Run]] = [:]
  /// Texts the object database lacks (a partial clone whose promisor could not supply them, lost objects): the
  /// search reads them as empty, so no line is found to come from them. By path where the path is known.
  private(set) var unreadable: [ObjectID: String] = [:]

  package init(tracker: LineTracker, repository: Repository) {
    detection = tracker.detection
    sources = tracker.copySources
    paths = tracker.paths
    versions = tracker.versions
    self.repository = repository
  }

  /// `map` with every block that a commit added replaced by where git blame finds its lines. With `lines`
  /// (1-based, ascending), only the blocks holding one of them are searched; the others are kept as they are.
  package func resolving(_ map: LineMap, lines: [Int]? = nil) throws -> LineMap {
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

  /// Reads, on every core, the texts the search of `maps`' blocks starts with, so that `resolving` seldom waits for
  /// git: first each block's own text, then, for the blocks that score above a threshold, the texts of the files
  /// they are first looked for in. Versions of a file are read in history order, which is what libgit2's delta
  /// cache is good at.
  package func prefetch(_ maps: [LineMap]) throws {
    guard detection.isOn, !sources.isEmpty else { return }
    var blocks: [(run: LineMap.Run, source: CopySources)] = []
    var seen: Set<LineMap.Run> = []
    for map in maps {
      for run in map.runs where run.commit != LineMap.boundary && resolved[run] == nil && seen.insert(run).inserted {
        guard let source = sources[CopySources.Key(commit: run.commit, path: run.path)] else { continue }
        blocks.append((run, source))
      }
    }
    try read(blocks.map { ($0.run.path, $0.run.commit, $0.source.blob) })
    let threshold =
      detection.mode >= .sameCommit ? min(detection.moveThreshold, detection.copyThreshold) : detection.moveThreshold
    var wanted: [(path: Int32, commit: Int32, blob: ObjectID)] = []
    for (run, source) in blocks {
      guard let text = indexes[source.blob], Int(run.start) - 1 + Int(run.length) <= text.count else { continue }
      let score = text.score(Block(start: Int(run.start) - 1, count: Int(run.length)))
      guard score > threshold else { continue }
      for parent in source.parents {
        let commit = parent.index ?? -1
        if let origin = parent.origin { wanted.append((origin.path, commit, origin.blob)) }
        for file in parent.changed { wanted.append((file.path, commit, file.blob)) }
      }
    }
    try read(wanted)
  }

  /// Indexes the texts not indexed yet, on every core, in path and history order.
  private func read(_ texts: [(path: Int32, commit: Int32, blob: ObjectID)]) throws {
    var missing: [ObjectID] = []
    var queued: Set<ObjectID> = []
    for item in texts.sorted(by: { ($0.path, $0.commit) < ($1.path, $1.commit) })
    where indexes[item.blob] == nil && queued.insert(item.blob).inserted {
      missing.append(item.blob)
    }
    guard !missing.isEmpty else { return }
    // Bounded: a long history's texts need not all stay in memory.
    if indexes.count + missing.count > 500_000 { indexes.removeAll(keepingCapacity: true) }
    let pathOf = Dictionary(texts.map { ($0.blob, $0.path) }, uniquingKeysWith: { first, _ in first })
    let present = missing.filter { blob in
      guard repository.contains(blob) else {
        indexes[blob] = LineIndex(blob: blob, bytes: [])
        unreadable[blob] = pathOf[blob].flatMap { $0 >= 0 ? paths[$0].description : nil } ?? blob.abbreviated()
        return false
      }
      return true
    }
    for index in try repository.blobs(present, threads: Parallel.defaultWorkers, transform: LineIndex.init) {
      indexes[index.blob] = index
    }
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

  /// A file a block may come from, with its text.
  private struct Candidate {
    var file: CopySources.File
    var text: LineIndex
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
      // find_move_in_parent is find_copy_in_parent's search over one file, the parent's version of this one.
      let files = [Candidate(file: origin, text: try index(origin.blob))]
      suspects = try searchMany(suspects, in: text, files: files, parent: parent.index, threshold: move, found: &found)
      {
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
        let files = try candidates(parent).filter { $0.file.path != parent.origin?.path }
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

  /// find_copy_in_parent: each block against every file, the best split over all files winning (a later file on a
  /// tie), again for what is left of a block after a match.
  private func searchMany(
    _ blocks: [Block], in text: LineIndex, files: [Candidate], parent: Int32?, threshold: Int,
    found: inout [Piece], filter: ([Block]) -> [Block]
  ) throws -> [Block] {
    var unsearched = blocks
    var leftover: [Block] = []
    while !unsearched.isEmpty {
      var best: [(split: Split, file: CopySources.File)?] = Array(repeating: nil, count: unsearched.count)
      for candidate in files {
        for (position, block) in unsearched.enumerated() {
          guard let split = try bestSplit(block, of: text, in: candidate.text, threshold: threshold) else { continue }
          if let current = best[position], split.score < current.split.score { continue }
          best[position] = (split, candidate.file)
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
    let hunks = try Repository.diffTexts(
      old: try bytes(of: other.blob), new: LineIndex.lines(block, of: try bytes(of: text.blob)))
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
  private func candidates(_ parent: CopySources.Parent) throws -> [Candidate] {
    guard parent.everyFile else { return try parent.changed.map { Candidate(file: $0, text: try index($0.blob)) } }
    if let known = trees[parent.id] { return known }
    if let known = olderTrees[parent.id] {
      trees[parent.id] = known
      return known
    }
    var files: [Candidate] = []
    for entry in try repository.files(at: parent.id, symlinks: true).sorted(by: { $0.path < $1.path }) {
      let file = CopySources.File(path: paths.existingID(entry.path) ?? -1, blob: entry.blob)
      files.append(Candidate(file: file, text: try index(entry.blob, path: entry.path.description)))
    }
    // Bounded, keeping the trees used lately: blocks are resolved file by file, end by end.
    if trees.count >= 4096 {
      olderTrees = trees
      trees = [:]
    }
    trees[parent.id] = files
    return files
  }

  // MARK: - Text

  private func index(_ blob: ObjectID, path: String? = nil) throws -> LineIndex {
    if let known = indexes[blob] { return known }
    let made = LineIndex(blob: blob, bytes: try bytes(of: blob, path: path))
    indexes[blob] = made
    return made
  }

  /// A text's bytes, or none when the object database lacks it (recorded in `unreadable`).
  private func bytes(of blob: ObjectID, path: String? = nil) throws -> [UInt8] {
    if let bytes = try repository.blobIfPresent(blob) { return bytes }
    if unreadable[blob] == nil { unreadable[blob] = path ?? blob.abbreviated() }
    return []
  }

  /// What a report says when texts the search needed could not be read.
  package var unreadableNote: String? {
    guard !unreadable.isEmpty else { return nil }
    let names = Set(unreadable.values).sorted()
    return "Moved and copied lines were not looked for in \(names.count) file\(names.count == 1 ? "" : "s") whose "
      + "content is missing (\(names.prefix(5).joined(separator: ", "))\(names.count > 5 ? ", …" : "")), as in a "
      + "partial clone whose promisor remote could not supply them: a line copied from one of them counts for the "
      + "commit that added it. Fetch them (`git fetch` from the promisor remote) and run again for git blame's figures."
  }
}

/// A blob's lines as git's diff compares them (each with its newline), reduced to what the search needs fast: each
/// line's hash, the sorted set of them, and running counts of alphanumeric characters (git's score of a block). The
/// text itself is read again for the rare block that needs a diff.
final class LineIndex: Sendable {
  let blob: ObjectID
  /// Each line's FNV-1a hash (32 bits: a collision only makes the check below pass more often), newline included.
  private let hashes: [UInt32]
  /// The distinct hashes, sorted.
  private let distinct: [UInt32]
  /// `alphanumerics[i]`: ASCII letters and digits in the lines before line `i`.
  private let alphanumerics: [Int32]

  init(blob: ObjectID, bytes: [UInt8]) {
    self.blob = blob
    var hashes: [UInt32] = []
    var alphanumerics: [Int32] = [0]
    bytes.withUnsafeBufferPointer { buffer in
      var count: Int32 = 0
      var hash: UInt32 = 0x811c_9dc5
      let last = buffer.count - 1
      for offset in 0..<buffer.count {
        let byte = buffer[offset]
        hash = (hash ^ UInt32(byte)) &* 0x0100_0193
        // ASCII letters and digits, as git's isalnum.
        let letter = (byte | 0x20) &- UInt8(ascii: "a") < 26
        let digit = byte &- UInt8(ascii: "0") < 10
        if letter || digit { count += 1 }
        guard byte == UInt8(ascii: "\n") || offset == last else { continue }
        hashes.append(hash)
        alphanumerics.append(count)
        hash = 0x811c_9dc5
      }
    }
    self.hashes = hashes
    self.alphanumerics = alphanumerics
    var distinct = hashes
    distinct.sort()
    distinct.removeDuplicates()
    self.distinct = distinct
  }

  var count: Int { hashes.count }

  /// git's `blame_entry_score`: one more than the block's alphanumeric characters.
  func score(_ block: CopyResolver.Block) -> Int {
    1 + Int(alphanumerics[block.start + block.count] - alphanumerics[block.start])
  }

  private func holds(_ hash: UInt32) -> Bool {
    var low = 0
    var high = distinct.count
    while low < high {
      let middle = (low + high) / 2
      if distinct[middle] < hash { low = middle + 1 } else { high = middle }
    }
    return low < distinct.count && distinct[low] == hash
  }

  /// Whether some run of consecutive lines of `block` (of `text`) that all occur in this text scores above
  /// `threshold`: only then can a diff against this text yield a stretch git would take. (A hash collision only
  /// makes the answer yes more often.)
  func mayHold(_ block: CopyResolver.Block, of text: LineIndex, above threshold: Int) -> Bool {
    var runStart = block.start
    for line in block.start..<(block.start + block.count) {
      if holds(text.hashes[line]) {
        if text.score(CopyResolver.Block(start: runStart, count: line + 1 - runStart)) > threshold { return true }
      } else {
        runStart = line + 1
      }
    }
    return false
  }

  /// The bytes of `block`'s lines in `bytes` (this index's blob).
  static func lines(_ block: CopyResolver.Block, of bytes: [UInt8]) -> [UInt8] {
    var line = 0
    var first = block.start == 0 ? 0 : -1
    var end = bytes.count
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      line += 1
      if line == block.start { first = offset + 1 }
      if line == block.start + block.count {
        end = offset + 1
        break
      }
    }
    return first < 0 ? [] : Array(bytes[first..<end])
  }
}

extension Array where Element: Equatable {
  /// Removes adjacent duplicates (all duplicates, when sorted).
  fileprivate mutating func removeDuplicates() {
    guard count > 1 else { return }
    var kept = 1
    for index in 1..<count where self[index] != self[kept - 1] {
      self[kept] = self[index]
      kept += 1
    }
    removeLast(count - kept)
  }
}
