import Foundation
import PaddockChange
import PaddockSupport

/// The `duplicate-code` kind: a block of added lines that also stands elsewhere in the change or at head.
///
/// Only code is compared (`FileKind.isCode`): documentation, data, lock files, generated and vendored files are
/// copies by nature. Within code, imports, comments and short lines are not counted, and one finding names each
/// other file a block was copied from, however many pieces of it the copy has.
enum DuplicateCodeCheck {
  /// Where a window starts: a file (changed files first, then head files) and a line.
  private struct Location: Equatable {
    var file: Int32
    var line: Int32
  }

  /// Every window's locations by hash, as linked lists in one flat array: no array per hash, and one dictionary
  /// look-up per window.
  private struct WindowIndex {
    /// A hash's first and last entries, and the first few distinct files it stands in (enough to tell an idiom
    /// without walking the chain). Entries chain forwards in insertion order, so a search stops at the first
    /// accepted location instead of walking the whole chain (a file of one repeated line has one chain).
    private struct Chain {
      var first: Int32
      var last: Int32
      /// The first `fileCount` distinct files, up to `idiomFiles + 1` of them: enough to tell an idiom.
      var files = SIMD4<Int32>(repeating: -1)
      var fileCount = 1

      init(entry: Int32, file: Int32) {
        first = entry
        last = entry
        files[0] = file
      }

      mutating func add(_ file: Int32) {
        guard fileCount < files.scalarCount, !(0..<fileCount).contains(where: { files[$0] == file }) else { return }
        files[fileCount] = file
        fileCount += 1
      }
    }

    private var chains: [Int: Chain] = [:]
    private var entries: [(location: Location, next: Int32)] = []

    mutating func insert(_ hash: Int, _ location: Location) {
      let position = Int32(entries.count)
      entries.append((location, -1))
      if let index = chains.index(forKey: hash) {
        entries[Int(chains.values[index].last)].next = position
        chains.values[index].last = position
        chains.values[index].add(location.file)
      } else {
        chains[hash] = Chain(entry: position, file: location.file)
      }
    }

    /// Whether locations with this hash stand in at least `idiomFiles` files other than `file`.
    func isIdiom(_ hash: Int, outside file: Int32) -> Bool {
      guard let chain = chains[hash] else { return false }
      return (0..<chain.fileCount).count { chain.files[$0] != file } >= DuplicateCodeCheck.idiomFiles
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

  /// A line worth comparing: its number, the hash of its trimmed text, that text's length in bytes, and whether it
  /// does something (a call, a condition, an assignment) rather than declare or list something.
  private struct Significant {
    var line: Int
    var hash: Int
    var length: Int
    var isStatement: Bool
  }

  /// A window's lines must average this many bytes: six lines of `.int()`, `"id",` or `},` are not a copy of logic.
  static let minAverageLength = 20

  /// A block that already stands in this many other files is the codebase's idiom (a handler's preamble, a test's
  /// setup), not a copy this change should undo.
  static let idiomFiles = 3

  /// How many times `min-lines` a copied block in a test must be. Tests repeat their setup and assertions so that
  /// each reads on its own; a copy that long deserves a helper.
  static let testFactor = 3

  static func findings(
    _ rule: Rule, _ minLines: Int, _ files: [ReviewFile], _ change: ReviewChange, _ inScope: (Authorship) -> Bool
  ) -> [Finding] {
    // Index every window of `minLines` significant lines in the code files at head (changed ones included).
    var paths: [String] = []
    var isTest: [Bool] = []
    var fileNumbers: [String: Int32] = [:]
    assert(idiomFiles < SIMD4<Int32>.scalarCount, "a window's chain keeps idiomFiles + 1 files")
    var index = WindowIndex()
    // Per changed file, its significant lines: read over the whole file, so a run of added lines inside an import
    // block is known to be one.
    var significantByFile: [Int32: [Significant]] = [:]
    func indexWindows(path: String, kind: FileKind, lines: [String], keep: Bool = false) {
      let file = Int32(paths.count)
      paths.append(path)
      isTest.append(kind == .test)
      fileNumbers[path] = fileNumbers[path] ?? file
      let significant = significantLines(lines, firstLine: 1)
      forEachWindow(significant, size: minLines) { hash, start, _ in
        index.insert(hash, Location(file: file, line: Int32(start)))
      }
      if keep { significantByFile[file] = significant }
    }
    var addedLines: [Set<Int32>] = []
    for file in change.files where !file.isBinary && file.kind.isCode {
      indexWindows(
        path: file.path, kind: file.kind, lines: file.content ?? file.added.map(\.text), keep: file.content != nil)
      addedLines.append(Set(file.added.map { Int32($0.number) }))
    }
    for file in change.headFiles where file.kind.isCode {
      indexWindows(path: file.path, kind: file.kind, lines: file.lines)
    }

    var findings: [Finding] = []
    for file in files where !file.isBinary && file.kind.isCode {
      guard let fileNumber = fileNumbers[file.path] else { continue }
      let test = file.kind == .test
      // Duplicated spans of this file, grouped by the file they also stand in.
      var byOther: [Int32: [(start: Int, end: Int, other: Location, lines: ArraySlice<AddedLine>)]] = [:]
      var otherOrder: [Int32] = []
      let wholeFile = significantByFile[fileNumber] ?? []
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
        let first = run[0].number
        let last = first + run.count - 1
        let significant =
          file.content == nil
          ? significantLines(run.lazy.map(\.text), firstLine: first)
          : Array(wholeFile[lowerBound(wholeFile, first)...].prefix { $0.line <= last })
        // Overlapping or touching duplicated windows make one span, reported once.
        var spans: [(start: Int, end: Int, other: Location)] = []
        forEachWindow(significant, size: minLines) { hash, start, end in
          guard !index.isIdiom(hash, outside: fileNumber) else { return }
          // Another place: code for code and a test for a test (a test repeats the values the code uses), and not
          // this window nor one overlapping it in the same file.
          guard
            let other = index.first(
              hash,
              where: {
                isTest[Int($0.file)] == test
                  && ($0.file != fileNumber || $0.line < Int32(start) || $0.line > Int32(end))
              })
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
          if test {
            let count = significant.lazy.filter { $0.line >= span.start && $0.line <= span.end }.count
            guard count >= minLines * testFactor else { continue }
          }
          // A run's lines are consecutive, so a line number is an offset into it.
          let window = run[max(0, span.start - first)...min(run.count - 1, span.end - first)]
          if byOther[span.other.file] == nil { otherOrder.append(span.other.file) }
          byOther[span.other.file, default: []].append((span.start, span.end, span.other, window))
        }
      }
      for other in otherOrder {
        guard let spans = byOther[other], let first = spans.first else { continue }
        let otherPath = paths[Int(other)]
        let location = "\(otherPath):\(first.other.line)"
        let more = spans.count - 1
        let message =
          more == 0
          ? "\(rule.message) Lines \(first.start)–\(first.end) also stand at \(location)."
          : "\(rule.message) Lines \(first.start)–\(first.end) and \(more) more block\(more == 1 ? "" : "s") up to line \(spans[more].end) also stand in \(otherPath), from \(location)."
        findings.append(
          ChangeChecks.finding(
            rule, file: file, line: first.lines.first, change: change, message: message,
            key: spans.map { $0.lines.map(\.text).joined(separator: "\n") }.joined(separator: "\n\n"),
            endLine: first.end))
      }
    }
    return findings
  }

  /// The position of the first entry of `lines` (sorted by line number) at or after line `number`.
  private static func lowerBound(_ lines: [Significant], _ number: Int) -> Int {
    var low = 0
    var high = lines.count
    while low < high {
      let middle = (low + high) / 2
      if lines[middle].line < number { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// An import that runs over several lines, until the line that closes it.
  private enum ImportBlock {
    case none
    /// Go `import (`, Python `from x import (`: until a line with `)`.
    case parenthesised
    /// JavaScript `import {`, `export {`, Rust `use a::{`: until a line with `}`.
    case braced
  }

  /// Lines worth comparing (`lines` numbered from `firstLine`), with the hash of their trimmed text: not blank, not
  /// shorter than four characters, not a comment, and not an import, single-line or a block of them. Works on UTF-8
  /// bytes: this runs over every line at head.
  private static func significantLines(_ lines: some Collection<String>, firstLine: Int) -> [Significant] {
    var result: [Significant] = []
    result.reserveCapacity(lines.count)
    var block = ImportBlock.none
    for (offset, line) in lines.enumerated() {
      let number = firstLine + offset
      var text = line
      let hash: (Int, Int, Bool)? = text.withUTF8 { bytes in
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        let trimmed = UnsafeBufferPointer(rebasing: bytes[start..<end])
        switch block {
        case .parenthesised:
          if trimmed.contains(UInt8(ascii: ")")) { block = .none }
          return nil
        case .braced:
          if trimmed.contains(UInt8(ascii: "}")) { block = .none }
          return nil
        case .none: break
        }
        block = opensImportBlock(trimmed)
        if block != .none { return nil }
        guard trimmed.count >= 4 else { return nil }
        for prefix in skippedPrefixes where trimmed.starts(with: prefix) { return nil }
        if isRequire(trimmed) { return nil }
        return (lineHash(trimmed), trimmed.count, isStatement(trimmed))
      }
      if let (hash, length, statement) = hash {
        result.append(Significant(line: number, hash: hash, length: length, isStatement: statement))
      }
    }
    return result
  }

  /// Whether a trimmed line opens an import block that later lines close.
  private static func opensImportBlock(_ line: UnsafeBufferPointer<UInt8>) -> ImportBlock {
    if line.starts(with: goImportBlock) || line.starts(with: fromPrefix) && line.last == UInt8(ascii: "(") {
      return line.contains(UInt8(ascii: ")")) ? .none : .parenthesised
    }
    if braceImports.contains(where: { line.starts(with: $0) }) && line.contains(UInt8(ascii: "{")) {
      return line.contains(UInt8(ascii: "}")) ? .none : .braced
    }
    return .none
  }

  /// Whether a trimmed line does something: it calls or groups (`(`), starts with a control keyword, or assigns.
  /// Declarations and data do not: `name: value,`, `field?: string;`, `Name string`, `<a href="...">`, a table row
  /// of literals.
  private static func isStatement(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    if line.contains(UInt8(ascii: "(")) { return true }
    if statementKeywords.contains(where: { keyword in
      line.starts(with: keyword) && (line.count == keyword.count || !isWordByte(line[keyword.count]))
    }) {
      return true
    }
    // An assignment: ` = `, `:=`, or an operator followed by `=` (`+=`), but not `==`, `!=`, `<=`, `>=` or `=>`.
    for index in line.indices.dropFirst() where line[index] == UInt8(ascii: "=") {
      let before = line[index - 1]
      let after = index + 1 < line.count ? line[index + 1] : UInt8(ascii: " ")
      if after == UInt8(ascii: "=") || after == UInt8(ascii: ">") { continue }
      if before == UInt8(ascii: " ") && after == UInt8(ascii: " ") { return true }
      if [
        UInt8(ascii: ":"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"),
        UInt8(ascii: "|"), UInt8(ascii: "&"), UInt8(ascii: "%"),
      ].contains(before) {
        return true
      }
    }
    return false
  }

  private static func isWordByte(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  private static let statementKeywords = [
    "if", "else", "for", "while", "do", "switch", "case", "return", "throw", "raise", "try", "catch", "except",
    "finally", "await", "yield", "defer", "go", "break", "continue", "guard", "elif", "with", "assert", "def", "func",
    "function", "fn", "async",
  ].map { Array($0.utf8) }

  /// `const x = require("y")`, `let { a } = require("y")`: CommonJS imports.
  private static func isRequire(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    guard declarations.contains(where: { line.starts(with: $0) }) else { return false }
    return line.contains(bytes: requireCall)
  }

  private static let skippedPrefixes: [[UInt8]] = [
    "import ", "#include", "#import", "using ", "use ", "from ", "package ", "export * ", "export {", "export type {",
    "//", "#", "/*", "*", "--", "@",
  ].map { Array($0.utf8) }
  private static let goImportBlock = Array("import (".utf8)
  private static let fromPrefix = Array("from ".utf8)
  private static let braceImports = ["import ", "export {", "export type {", "use ", "pub use "].map { Array($0.utf8) }
  private static let declarations = ["const ", "let ", "var "].map { Array($0.utf8) }
  private static let requireCall = Array("require(".utf8)

  /// Calls `body` with a hash, first and last line number of each window of `size` consecutive entries whose
  /// lines average at least `minAverageLength` bytes and are at least half statements: a copy of logic, not of
  /// declarations, markup or a table of values.
  private static func forEachWindow(_ lines: [Significant], size: Int, _ body: (Int, Int, Int) -> Void) {
    guard lines.count >= size else { return }
    var length = lines[0..<size].reduce(0) { $0 + $1.length }
    var statements = lines[0..<size].reduce(0) { $0 + ($1.isStatement ? 1 : 0) }
    for start in 0...(lines.count - size) {
      if start > 0 {
        length += lines[start + size - 1].length - lines[start - 1].length
        statements += (lines[start + size - 1].isStatement ? 1 : 0) - (lines[start - 1].isStatement ? 1 : 0)
      }
      guard length >= size * minAverageLength, statements * 2 >= size else { continue }
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for offset in 0..<size { hash = mix(hash ^ UInt64(bitPattern: Int64(lines[start + offset].hash))) }
      body(Int(Int64(bitPattern: hash)), lines[start].line, lines[start + size - 1].line)
    }
  }

  /// A line's hash: FNV-1a over its bytes, then `mix`. Cheaper per line than a seeded `Hasher`, which this runs
  /// for every line at head and every window of them; only equal text has to hash equal, and 64 bits keep
  /// different blocks apart.
  private static func lineHash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    return Int(Int64(bitPattern: mix(hash)))
  }

  /// SplitMix64's finaliser: spreads every input bit over the whole result.
  private static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
