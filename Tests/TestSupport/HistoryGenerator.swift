import Foundation

/// Builds random but reproducible histories: edits, additions, deletions,
/// renames, branches and merges, with AI and human authors.
public struct HistoryGenerator {
  public var random: SeededGenerator
  /// The working-tree model: path → lines.
  public var files: [String: [String]] = [:]
  private var counter = 0

  public static let claude = "\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>\n"

  public init(seed: UInt64) { random = SeededGenerator(seed: seed) }

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
  public mutating func mutate(prefix: String, in repository: TestRepository, allowRename: Bool = true) throws {
    let mine = files.keys.filter { $0.hasPrefix(prefix) }.sorted()
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
    for (path, lines) in files where path.hasPrefix(prefix) {
      try repository.write(path, lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n")
    }
  }

  /// Commits with an AI or a human author, at random.
  @discardableResult
  public mutating func commit(_ repository: TestRepository, subject: String) throws -> String {
    let ai = next(2) == 0
    return try repository.commit(subject + (ai ? Self.claude : "\n"), allowEmpty: true)
  }

  /// Re-reads the model from disk after a merge.
  public mutating func reload(from repository: TestRepository) throws {
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
  public static func branchyRepository(seed: UInt64, commits: Int = 12) throws -> TestRepository {
    let repository = try TestRepository()
    var generator = HistoryGenerator(seed: seed)
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
