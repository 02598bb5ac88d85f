import Foundation
import PaddockCore
import PaddockNet

/// Many repositories' reports combined into one (`paddock report merge`, schema `paddock.organisation/1`): one row
/// per repository and the totals, the AI share weighted by lines (`sum ai_lines / sum total_lines`, never an
/// average of percentages), reviewed AI commits, and agents across repositories.
///
/// The inputs are the JSON of `paddock report snapshot` or of `paddock report release A..B` (both
/// `paddock.release/1`), one range each; all of one kind, and counted by the same definition.
package struct OrganisationReport: Sendable, Encodable, Hashable {
  package static let schemaID = "paddock.organisation/1"
  /// The schema of the reports it reads.
  package static let inputSchema = ReleaseReport.schemaID

  package var schema = OrganisationReport.schemaID
  /// The inputs' definition of the figures, shared by all of them.
  package var definition: String
  /// `snapshot` (every line at a revision) or `release` (the lines a range added that survive at its end).
  package var kind: String
  package var repositories: [Row]
  package var totals: Row
  /// Lines per agent summed over the repositories, with how many repositories each appears in.
  package var agents: [Agent]
  /// The inputs' limitations, each prefixed with its repository.
  package var limitations: [String]

  /// One repository's figures, or the totals (`name` is `total`).
  package struct Row: Sendable, Encodable, Hashable {
    /// The input file's name without `.json`.
    package var name: String
    /// The input file as given; nil for the totals.
    package var file: String?
    package var start: String?
    package var end: String?
    package var endCommit: String?
    package var aiLines: Int
    package var humanLines: Int
    package var botLines: Int
    package var unknownLines: Int
    package var totalLines: Int
    package var aiPercentage: Double
    package var commits: Int
    package var aiCommits: Int
    package var reviewedAICommits: Int
    /// `reviewed_ai_commits / ai_commits` in percent; nil without AI commits.
    package var reviewCoverage: Double?
    package var agents: [ReleaseRow.Bucket]

    enum CodingKeys: String, CodingKey {
      case name, file, start, end, agents, commits
      case endCommit = "end_commit"
      case aiLines = "ai_lines"
      case humanLines = "human_lines"
      case botLines = "bot_lines"
      case unknownLines = "unknown_lines"
      case totalLines = "total_lines"
      case aiPercentage = "ai_percentage"
      case aiCommits = "ai_commits"
      case reviewedAICommits = "reviewed_ai_commits"
      case reviewCoverage = "review_coverage"
    }

    /// Always writes `review_coverage` (null without AI commits), so readers find every key in every row.
    package func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(name, forKey: .name)
      try container.encode(file, forKey: .file)
      try container.encode(start, forKey: .start)
      try container.encode(end, forKey: .end)
      try container.encode(endCommit, forKey: .endCommit)
      try container.encode(aiLines, forKey: .aiLines)
      try container.encode(humanLines, forKey: .humanLines)
      try container.encode(botLines, forKey: .botLines)
      try container.encode(unknownLines, forKey: .unknownLines)
      try container.encode(totalLines, forKey: .totalLines)
      try container.encode(aiPercentage, forKey: .aiPercentage)
      try container.encode(commits, forKey: .commits)
      try container.encode(aiCommits, forKey: .aiCommits)
      try container.encode(reviewedAICommits, forKey: .reviewedAICommits)
      try container.encode(reviewCoverage, forKey: .reviewCoverage)
      try container.encode(agents, forKey: .agents)
    }
  }

  /// An agent's lines over all repositories.
  package struct Agent: Sendable, Encodable, Hashable {
    package var key: String
    package var lines: Int
    package var repositories: Int
  }

  enum CodingKeys: String, CodingKey {
    case schema, definition, kind, repositories, totals, agents, limitations
  }
}

/// Why reports cannot be merged, naming the file and what to do.
package enum ReportMergeError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
  case noFiles
  case unreadable(file: String)
  case notJSON(file: String)
  case notAReport(file: String)
  case otherReport(file: String, schema: String)
  case unknownVersion(file: String, schema: String)
  case incomplete(file: String, missing: String)
  case severalRanges(file: String, count: Int)
  case mixedKinds(file: String, kind: String, first: String, firstKind: String)
  case differentDefinitions(file: String, first: String)
  case duplicateName(name: String, files: [String])

  package var description: String { errorDescription ?? "cannot merge the reports" }

  package var errorDescription: String? {
    let make =
      "make one per repository with `paddock report snapshot --format json -o NAME.json` (or `paddock report release A..B --format json`)"
    switch self {
    case .noFiles:
      return "no reports to merge: give the JSON files of `paddock report snapshot` or `release`, one per repository"
    case .unreadable(let file):
      return "cannot read \(file): check the path"
    case .notJSON(let file):
      return "\(file) is not JSON: \(make)"
    case .notAReport(let file):
      return "\(file) is JSON but not a Paddock report (no `schema` \(OrganisationReport.inputSchema)): \(make)"
    case .otherReport(let file, let schema):
      return
        "\(file) is a \(schema) report, which cannot be merged: merge reads \(OrganisationReport.inputSchema); \(make)"
    case .unknownVersion(let file, let schema):
      return
        "\(file) has schema \(schema), but this Paddock merges \(OrganisationReport.inputSchema): make every report with the same Paddock version as the one that merges them"
    case .incomplete(let file, let missing):
      return
        "\(file) is not a complete \(OrganisationReport.inputSchema) report (\(missing)): make it again with `paddock report`"
    case .severalRanges(let file, let count):
      return
        "\(file) has \(count) ranges (a release report over several releases); merge takes one per repository: make it with one range, `paddock report release A..B --format json`, or a snapshot"
    case .mixedKinds(let file, let kind, let first, let firstKind):
      return
        "\(file) is a \(kind) report but \(first) is a \(firstKind) report: their figures do not add up; merge only snapshots or only releases"
    case .differentDefinitions(let file, let first):
      return
        "\(file) counts lines differently from \(first) (another --copies setting): make every report with the same options"
    case .duplicateName(let name, let files):
      return
        "\(files.joined(separator: " and ")) are both named `\(name)`: a row is named after its file, so give each repository's report its own file name"
    }
  }
}

extension OrganisationReport {
  /// The shape of a `paddock.release/1` report that merging reads.
  private struct Input: Decodable {
    var schema: String
    var definition: String
    var releases: [InputRow]
    var limitations: [String]?
  }

  private struct InputRow: Decodable {
    var start: String?
    var end: String
    var endCommit: String
    var aiLines: Int
    var humanLines: Int
    var botLines: Int
    var unknownLines: Int
    var totalLines: Int
    var commits: Int
    var aiCommits: Int
    var reviewedAICommits: Int
    var agents: [InputBucket]

    enum CodingKeys: String, CodingKey {
      case start, end, commits, agents
      case endCommit = "end_commit"
      case aiLines = "ai_lines"
      case humanLines = "human_lines"
      case botLines = "bot_lines"
      case unknownLines = "unknown_lines"
      case totalLines = "total_lines"
      case aiCommits = "ai_commits"
      case reviewedAICommits = "reviewed_ai_commits"
    }
  }

  private struct InputBucket: Decodable {
    var key: String
    var ai: Int
    var human: Int
    var bot: Int
    var unknown: Int
  }

  /// Merges reports given as (file name, contents), in the order given.
  package static func merge(_ files: [(file: String, data: Data)]) throws(ReportMergeError) -> OrganisationReport {
    guard !files.isEmpty else { throw .noFiles }
    var rows: [Row] = []
    var limitations: [String] = []
    var first: (file: String, kind: String, definition: String)?
    var names: [String: String] = [:]
    for (file, data) in files {
      let input = try decode(file, data)
      guard input.releases.count == 1, let row = input.releases.first else {
        throw .severalRanges(file: file, count: input.releases.count)
      }
      let kind = row.start == nil ? "snapshot" : "release"
      if let first {
        guard kind == first.kind else {
          throw .mixedKinds(file: file, kind: kind, first: first.file, firstKind: first.kind)
        }
        guard input.definition == first.definition else { throw .differentDefinitions(file: file, first: first.file) }
      } else {
        first = (file, kind, input.definition)
      }
      let name = Self.name(of: file)
      if let other = names[name] { throw .duplicateName(name: name, files: [other, file]) }
      names[name] = file
      limitations += (input.limitations ?? []).map { "\(name): \($0)" }
      rows.append(
        Row(
          name: name, file: file, start: row.start, end: row.end, endCommit: row.endCommit, aiLines: row.aiLines,
          humanLines: row.humanLines, botLines: row.botLines, unknownLines: row.unknownLines,
          totalLines: row.totalLines, aiPercentage: ReleaseRow.percentage(row.aiLines, of: row.totalLines),
          commits: row.commits, aiCommits: row.aiCommits, reviewedAICommits: row.reviewedAICommits,
          reviewCoverage: row.aiCommits == 0 ? nil : ReleaseRow.percentage(row.reviewedAICommits, of: row.aiCommits),
          agents: row.agents.map {
            ReleaseRow.Bucket(key: $0.key, ai: $0.ai, human: $0.human, bot: $0.bot, unknown: $0.unknown)
          }))
    }
    func sum(_ value: (Row) -> Int) -> Int { rows.reduce(0) { $0 + value($1) } }
    var agentLines: [String: ReleaseRow.Bucket] = [:]
    var agentRepositories: [String: Int] = [:]
    for row in rows {
      for bucket in row.agents {
        var total = agentLines[bucket.key] ?? ReleaseRow.Bucket(key: bucket.key)
        total.ai += bucket.ai
        total.human += bucket.human
        total.bot += bucket.bot
        total.unknown += bucket.unknown
        agentLines[bucket.key] = total
        agentRepositories[bucket.key, default: 0] += 1
      }
    }
    let agentBuckets = agentLines.values.sorted { ($0.total, $1.key) > ($1.total, $0.key) }
    let aiCommits = sum(\.aiCommits)
    let reviewed = sum(\.reviewedAICommits)
    let totals = Row(
      name: "total", file: nil, start: nil, end: nil, endCommit: nil, aiLines: sum(\.aiLines),
      humanLines: sum(\.humanLines), botLines: sum(\.botLines), unknownLines: sum(\.unknownLines),
      totalLines: sum(\.totalLines), aiPercentage: ReleaseRow.percentage(sum(\.aiLines), of: sum(\.totalLines)),
      commits: sum(\.commits), aiCommits: aiCommits, reviewedAICommits: reviewed,
      reviewCoverage: aiCommits == 0 ? nil : ReleaseRow.percentage(reviewed, of: aiCommits), agents: agentBuckets)
    return OrganisationReport(
      definition: first?.definition ?? ReleaseReport.definition, kind: first?.kind ?? "snapshot", repositories: rows,
      totals: totals,
      agents: agentBuckets.map {
        Agent(key: $0.key, lines: $0.total, repositories: agentRepositories[$0.key] ?? 0)
      }, limitations: limitations)
  }

  /// A row's name: the file's name without its folders and `.json`.
  static func name(of file: String) -> String {
    let base = (file as NSString).lastPathComponent
    return base.lowercased().hasSuffix(".json") ? String(base.dropLast(5)) : base
  }

  private static func decode(_ file: String, _ data: Data) throws(ReportMergeError) -> Input {
    guard let object = try? JSONDecoder().decode(JSONValue.self, from: data) else { throw .notJSON(file: file) }
    guard case .string(let schema) = object["schema"] else { throw .notAReport(file: file) }
    guard schema == inputSchema else {
      if schema.hasPrefix("paddock.release/") { throw .unknownVersion(file: file, schema: schema) }
      if schema.hasPrefix("paddock.") { throw .otherReport(file: file, schema: schema) }
      throw .notAReport(file: file)
    }
    do {
      return try JSONDecoder().decode(Input.self, from: data)
    } catch let DecodingError.keyNotFound(key, context) {
      throw .incomplete(file: file, missing: "no `\(path(context.codingPath + [key]))`")
    } catch let DecodingError.typeMismatch(_, context) {
      throw .incomplete(file: file, missing: "`\(path(context.codingPath))` has the wrong type")
    } catch let DecodingError.valueNotFound(_, context) {
      throw .incomplete(file: file, missing: "`\(path(context.codingPath))` is null")
    } catch {
      throw .incomplete(file: file, missing: "\(error)")
    }
  }

  private static func path(_ keys: [any CodingKey]) -> String {
    keys.map { key in key.intValue.map { index in "[\(index)]" } ?? ".\(key.stringValue)" }.joined()
      .trimmingCharacters(in: ["."])
  }
}

extension OrganisationReport {
  /// Rows per repository, then the totals; agents across repositories, the definition and limitations below.
  package var table: ReportTable {
    func cells(_ row: Row) -> [String] {
      [
        row.name, "\(row.aiLines)", "\(row.humanLines)", "\(row.botLines)", "\(row.unknownLines)",
        "\(row.totalLines)", String(format: "%.1f", row.aiPercentage), "\(row.commits)", "\(row.aiCommits)",
        "\(row.reviewedAICommits)", row.reviewCoverage.map { String(format: "%.1f", $0) } ?? "",
      ]
    }
    var notes: [String] = []
    if !agents.isEmpty {
      notes.append(
        "Agents across repositories: "
          + agents.map {
            "\($0.key) \($0.lines) lines in \($0.repositories) repositor\($0.repositories == 1 ? "y" : "ies")"
          }
          .joined(separator: ", "))
    }
    notes.append(
      "Counted in each repository (\(kind)): \(definition); totals add the lines, so AI % is weighted by lines.")
    notes += limitations
    return ReportTable(
      keys: [
        "repository", "ai_lines", "human_lines", "bot_lines", "unknown_lines", "total_lines", "ai_percentage",
        "commits", "ai_commits", "reviewed_ai_commits", "review_coverage",
      ],
      titles: [
        "repository", "AI", "human", "bot", "unknown", "total", "AI %", "commits", "AI commits", "AI reviewed",
        "review %",
      ],
      rows: (repositories + [totals]).map(cells), notes: notes)
  }
}
