import Foundation
import PaddockChange
import PaddockCore
import PaddockGit

/// Who wrote the lines of a release, or of the whole tree at a revision.
///
/// Definition (the figure projects publish as "an AI wrote N% of this release"): for a range `A..B`, the lines
/// of the selected files at `B` whose last change, by blame, is a commit reachable from `B` and not from `A`.
/// Each line counts for the authorship of that commit (a git-ai note on the line overrides it). `ai_percentage`
/// is `ai_lines / total_lines`; bots' lines (`bot_lines`) and lines of unknown authorship (unrecognised bots) are
/// counted apart. A snapshot is the
/// same with no `A`: every line of the selected files at `B`.
package struct ReleaseRow: Sendable, Encodable, Hashable {
  /// The range's ends as given (tag names or revisions); `start` is nil for a snapshot.
  package var start: String?
  package var end: String
  package var startCommit: String?
  package var endCommit: String
  package var aiLines: Int
  package var humanLines: Int
  package var botLines: Int
  package var unknownLines: Int
  package var totalLines: Int
  /// `ai_lines / total_lines` in percent, to one decimal; 0 for no lines.
  package var aiPercentage: Double
  package var commits: Int
  package var aiCommits: Int
  /// AI commits carrying a person's review trailer, or a review note recording an approval by a person other
  /// than the author.
  package var reviewedAICommits: Int
  package var files: Int
  package var agents: [Bucket]
  package var models: [Bucket]
  /// Lines per top-level directory (`./` for files at the root).
  package var directories: [Bucket]
  /// Lines per directory, opened while one directory holds most of the lines (see `drilldown(_:)`), so a
  /// monorepo's `packages/` shows as `packages/a/`, `packages/b/`, ...; the buckets add up to the row's lines.
  package var directoryDrilldown: [Bucket]
  package var authors: [Bucket]

  /// Lines counted under one key (agent, model, top-level directory or author).
  package struct Bucket: Sendable, Encodable, Hashable {
    package var key: String
    package var ai: Int
    package var human: Int
    package var bot: Int
    package var unknown: Int
    /// Encoded too, for readers of the JSON.
    package var total: Int { ai + human + bot + unknown }

    enum CodingKeys: String, CodingKey {
      case key, ai, human, bot, unknown, total
    }

    package init(key: String, ai: Int = 0, human: Int = 0, bot: Int = 0, unknown: Int = 0) {
      self.key = key
      self.ai = ai
      self.human = human
      self.bot = bot
      self.unknown = unknown
    }

    package func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(key, forKey: .key)
      try container.encode(ai, forKey: .ai)
      try container.encode(human, forKey: .human)
      try container.encode(bot, forKey: .bot)
      try container.encode(unknown, forKey: .unknown)
      try container.encode(total, forKey: .total)
    }
  }

  enum CodingKeys: String, CodingKey {
    case start, end
    case startCommit = "start_commit"
    case endCommit = "end_commit"
    case aiLines = "ai_lines"
    case humanLines = "human_lines"
    case botLines = "bot_lines"
    case unknownLines = "unknown_lines"
    case totalLines = "total_lines"
    case aiPercentage = "ai_percentage"
    case commits
    case aiCommits = "ai_commits"
    case reviewedAICommits = "reviewed_ai_commits"
    case files, agents, models, directories, authors
    case directoryDrilldown = "directory_drilldown"
  }
}

extension ReleaseRow {
  /// The row of one range: `runs`, the surviving lines its commits introduced (see `HistoryBlame.forEachRun`),
  /// and `members`, its commits in `history`.
  init(
    start: String?, end: String, startCommit: ObjectID?, endCommit: ObjectID, runs: [SurvivingRun],
    members: Set<Int32>, history: History
  ) {
    var counts = LineCounts()
    var agents: [String: Bucket] = [:]
    var models: [String: Bucket] = [:]
    var directories: [String: Bucket] = [:]
    var perFile: [String: Bucket] = [:]
    var authors: [String: Bucket] = [:]
    var files: Set<String> = []
    func add(_ key: String, _ run: SurvivingRun, to buckets: inout [String: Bucket]) {
      var bucket = buckets[key] ?? Bucket(key: key)
      switch run.authorship {
      case .ai: bucket.ai += run.count
      case .human: bucket.human += run.count
      case .bot: bucket.bot += run.count
      case .unknown: bucket.unknown += run.count
      }
      buckets[key] = bucket
    }
    for run in runs {
      files.insert(run.path)
      counts.add(run.authorship, count: run.count)
      add(Self.directory(of: run.path), run, to: &directories)
      add(run.path, run, to: &perFile)
      if run.authorship == .ai || run.authorship == .unknown { add(run.agent ?? "unknown agent", run, to: &agents) }
      if let model = run.model { add(model, run, to: &models) }
      let author = history.commits[Int(run.commit)].author
      add("\(author.name) <\(author.email)>", run, to: &authors)
    }
    let sorted = { (buckets: [String: Bucket]) in
      buckets.values.sorted { ($0.total, $1.key) > ($1.total, $0.key) }
    }
    let aiCommits = members.filter { history.labels[Int($0)].authorship == .ai }
    self.init(
      start: start, end: end, startCommit: startCommit?.hex, endCommit: endCommit.hex, aiLines: counts.ai,
      humanLines: counts.human, botLines: counts.bot, unknownLines: counts.unknown, totalLines: counts.total,
      aiPercentage: Self.percentage(counts.ai, of: counts.total), commits: members.count,
      aiCommits: aiCommits.count, reviewedAICommits: aiCommits.filter { history.labels[Int($0)].reviewed }.count,
      files: files.count, agents: sorted(agents), models: sorted(models), directories: sorted(directories),
      directoryDrilldown: Self.drilldown(Array(perFile.values)), authors: sorted(authors))
  }

  /// Per-file buckets grouped by directory: top-level directories first; then, while one directory holds more
  /// than half of all the lines and has subdirectories, it is opened: replaced by its subdirectories and, for the
  /// files directly in it, `dir/*`. Largest first.
  static func drilldown(_ files: [Bucket]) -> [Bucket] {
    let total = files.reduce(0) { $0 + $1.total }
    var opened: Set<String> = []
    // The bucket a file falls in, with the directories opened so far.
    func key(of path: String) -> String {
      var prefix = ""
      while true {
        let rest = path.dropFirst(prefix.count)
        guard let slash = rest.firstIndex(of: "/") else { return prefix.isEmpty ? "./" : prefix + "*" }
        let directory = prefix + rest[...slash]
        guard opened.contains(directory) else { return directory }
        prefix = directory
      }
    }
    func group() -> [Bucket] {
      var buckets: [String: Bucket] = [:]
      for file in files {
        let name = key(of: file.key)
        var bucket = buckets[name] ?? Bucket(key: name)
        bucket.ai += file.ai
        bucket.human += file.human
        bucket.bot += file.bot
        bucket.unknown += file.unknown
        buckets[name] = bucket
      }
      return buckets.values.sorted { ($0.total, $1.key) > ($1.total, $0.key) }
    }
    var buckets = group()
    // Each pass opens one directory one level deeper; paths are finite, so this ends.
    while let largest = buckets.first, largest.key.hasSuffix("/"), largest.key != "./", largest.total * 2 > total,
      files.contains(where: { $0.key.hasPrefix(largest.key) && $0.key.dropFirst(largest.key.count).contains("/") })
    {
      opened.insert(largest.key)
      buckets = group()
    }
    return buckets
  }

  /// The top-level directory of a path, with a trailing slash; `./` for files at the root.
  static func directory(of path: String) -> String {
    guard let slash = path.firstIndex(of: "/") else { return "./" }
    return String(path[...slash])
  }

  /// `part / whole` in percent, to one decimal; 0 when `whole` is 0.
  static func percentage(_ part: Int, of whole: Int) -> Double {
    whole == 0 ? 0 : (Double(part) * 1000 / Double(whole)).rounded() / 10
  }
}

/// A release report: one row per range, as `paddock report release` prints it (schema `paddock.release/1`).
package struct ReleaseReport: Sendable, Encodable, Hashable {
  package static let schemaID = "paddock.release/1"
  package var schema = ReleaseReport.schemaID
  /// How the figures are defined, in words, so a published number can be reproduced.
  package var definition = ReleaseReport.definition
  package var include: [String]
  package var exclude: [String]
  package var releases: [ReleaseRow]
  /// What the figures cannot see (a shallow clone's missing history).
  package var limitations: [String]
  /// How moved and copied lines were followed; absent when they were not (plain blame).
  package var copies: CopyDetection?
  /// The file kinds left out of the figures (`lockfile`, `generated`, `vendored` unless asked to count them).
  package var excludedKinds: [FileKind]
  /// Accounts whose commits are of unknown authorship (bot accounts the catalogue does not know), most commits
  /// first: classify them in `.paddock.yml`.
  package var unrecognisedAccounts: [Account]

  /// An author identity and how many of the history's commits it made.
  package struct Account: Sendable, Encodable, Hashable {
    package var account: String
    package var commits: Int

    package init(account: String, commits: Int) {
      self.account = account
      self.commits = commits
    }
  }

  enum CodingKeys: String, CodingKey {
    case schema, definition, include, exclude, releases, limitations, copies
    case excludedKinds = "excluded_kinds"
    case unrecognisedAccounts = "unrecognised_accounts"
  }

  package static let definition =
    "lines of the selected files at `end` whose last change (by blame) is a commit in start..end, by that commit's authorship; ai_percentage = ai_lines / total_lines"

  /// The definition when moved and copied lines are followed: blame means `git blame` with these options.
  package static func definition(copies: CopyDetection) -> String {
    guard copies.isOn else { return definition }
    return
      "lines of the selected files at `end` whose last change (by `git blame \(copies.gitOptions)`: lines moved or copied keep their origin) is a commit in start..end, by that commit's authorship; ai_percentage = ai_lines / total_lines"
  }

  package init(
    include: [String], exclude: [String], releases: [ReleaseRow], limitations: [String] = [],
    copies: CopyDetection = .off, excludedKinds: [FileKind] = [], unrecognisedAccounts: [String: Int] = [:]
  ) {
    self.include = include
    self.exclude = exclude
    self.releases = releases
    self.limitations = limitations
    self.excludedKinds = excludedKinds
    self.unrecognisedAccounts = unrecognisedAccounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
      Account(account: $0.key, commits: $0.value)
    }
    self.copies = copies.isOn ? copies : nil
    definition = Self.definition(copies: copies)
  }
}
