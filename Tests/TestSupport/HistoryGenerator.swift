import Foundation

/// Builds random but reproducible histories: edits, additions, deletions,
/// renames, branches and merges, with AI and human authors.
package struct HistoryGenerator {
  package var random: SeededGenerator
  /// The working-tree model: path → lines.
  package var files: [String: [String]] = [:]
  /// Whether some commits move or copy blocks of lines (within a file, to another file, to a new file), for
  /// `git blame -M`/`-C`. Off, the histories are those the other tests were written against.
  package var moves = false
  private var counter = 0

  package static let claude = "\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>\n"

  package init(seed: UInt64) { random = SeededGenerator(seed: seed) }

  mutating func next(_ bound: Int) -> Int { Int(random.next() % UInt64(max(bound, 1))) }

  /// A new line; some lines repeat on purpose (braces, blanks) to make diffs ambiguous.
  mutating func line() -> String {
    counter += 1
    switch next(10) {
    case 0: return "}"
    case 1: return ""
    case 2: return "    return nil"
    default: return "let value\(counter) = compute(\(next(1000)))"
    }
  }

  /// Applies a few random edits under `prefix` (so two branches can edit disjoint files).
  package mutating func mutate(prefix: String, in repository: TestRepository, allowRename: Bool = true) throws {
    let mine = files.keys.filter { $0.hasPrefix(prefix) }.sorted()
    if moves, !mine.isEmpty, next(5) < 2 {
      moveBlock(among: mine, prefix: prefix)
      try writeFiles(prefix: prefix, in: repository)
      return
    }
    let action = mine.isEmpty ? 0 : next(10)
    switch action {
    case 0, 1:
      let path = "\(prefix)file\(counter)_\(next(1000)).swift"
      files[path] = (0..<(3 + next(20))).map { _ in line() }
    case 2 where allowRename && !mine.isEmpty:
      let old = mine[next(mine.count)]
      let new = "\(prefix)renamed\(counter)_\(next(1000)).swift"
      var lines = files.removeValue(forKey: old) ?? []
      if !lines.isEmpty, next(2) == 0 { lines[next(lines.count)] = line() }
      files[new] = lines
      try FileManager.default.removeItem(atPath: repository.path + "/" + old)
    case 3 where mine.count > 2:
      let old = mine[next(mine.count)]
      files[old] = nil
      try FileManager.default.removeItem(atPath: repository.path + "/" + old)
    default:
      for _ in 0..<(1 + next(3)) {
        let path = mine[next(mine.count)]
        var lines = files[path] ?? []
        switch next(4) {
        case 0 where !lines.isEmpty:
          let start = next(lines.count)
          lines.removeSubrange(start..<min(lines.count, start + 1 + next(3)))
        case 1 where !lines.isEmpty:
          lines[next(lines.count)] = line()
        default:
          let at = next(lines.count + 1)
          lines.insert(contentsOf: (0..<(1 + next(4))).map { _ in line() }, at: at)
        }
        files[path] = lines
      }
    }
    try writeFiles(prefix: prefix, in: repository)
  }

  private func writeFiles(prefix: String, in repository: TestRepository) throws {
    for (path, lines) in files where path.hasPrefix(prefix) {
      try repository.write(path, lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n")
    }
  }

  /// Moves or copies a block of 1 to 8 lines of one of `mine`: within the file, into another of `mine` or into a
  /// new file (with a few new lines around it); sometimes one of its lines is edited on the way, and sometimes the
  /// source file is also edited elsewhere.
  private mutating func moveBlock(among mine: [String], prefix: String) {
    let from = mine[next(mine.count)]
    var lines = files[from] ?? []
    guard !lines.isEmpty else {
      files[from] = [line(), line()]
      return
    }
    let start = next(lines.count)
    let length = min(lines.count - start, 1 + next(8))
    var block = Array(lines[start..<(start + length)])
    let copying = next(3) == 0
    if !copying { lines.removeSubrange(start..<(start + length)) }
    if next(4) == 0 { block[next(block.count)] = line() }
    if copying, next(2) == 0, !lines.isEmpty { lines[next(lines.count)] = line() }
    let others = mine.filter { $0 != from }
    switch next(3) {
    case 0 where !others.isEmpty:
      files[from] = lines
      let to = others[next(others.count)]
      var target = files[to] ?? []
      target.insert(contentsOf: block, at: next(target.count + 1))
      files[to] = target
    case 1:
      files[from] = lines
      let path = "\(prefix)file\(counter)_\(next(1000)).swift"
      files[path] = (0..<next(3)).map { _ in line() } + block + (0..<next(3)).map { _ in line() }
    default:
      lines.insert(contentsOf: block, at: next(lines.count + 1))
      files[from] = lines
    }
  }

  /// Commits with an AI or a human author, at random.
  @discardableResult
  package mutating func commit(_ repository: TestRepository, subject: String) throws -> String {
    let ai = next(2) == 0
    return try repository.commit(subject + (ai ? Self.claude : "\n"), allowEmpty: true)
  }

  /// Re-reads the model from disk after a merge.
  package mutating func reload(from repository: TestRepository) throws {
    files = [:]
    let listed = try repository.git(["ls-files", "-z"]).split(separator: "\0").map(String.init)
    for path in listed {
      let text = try String(contentsOfFile: repository.path + "/" + path, encoding: .utf8)
      var lines = text.components(separatedBy: "\n")
      if lines.last == "" { lines.removeLast() }
      files[path] = lines
    }
  }

  /// A history with a base on `main` and a `feature` branch that merges `main` back in mid-way.
  /// Returns the repository; `main` and `feature` are the range's ends.
  package static func branchyRepository(seed: UInt64, commits: Int = 12, moves: Bool = false) throws -> TestRepository {
    let repository = try TestRepository()
    var generator = HistoryGenerator(seed: seed)
    generator.moves = moves
    for index in 0..<4 {
      try generator.mutate(prefix: "shared/", in: repository, allowRename: false)
      try generator.mutate(prefix: "main/", in: repository, allowRename: false)
      try generator.commit(repository, subject: "base \(index)")
    }
    try repository.git(["checkout", "-q", "-b", "feature"])
    for index in 0..<commits {
      try generator.mutate(prefix: index % 3 == 0 ? "shared/" : "feature/", in: repository)
      try generator.commit(repository, subject: "feature \(index)")
      if index == commits / 2 {
        // Meanwhile on main: edits to main's own files, merged into the feature branch.
        try repository.git(["checkout", "-q", "main"])
        var mainGenerator = HistoryGenerator(seed: seed &+ 99)
        mainGenerator.moves = moves
        try mainGenerator.reload(from: repository)
        for sub in 0..<3 {
          try mainGenerator.mutate(prefix: "main/", in: repository, allowRename: false)
          try mainGenerator.commit(repository, subject: "main \(sub)")
        }
        try repository.git(["checkout", "-q", "feature"])
        try repository.merge("main", message: "Merge main into feature")
        try generator.reload(from: repository)
      }
    }
    return repository
  }
}
