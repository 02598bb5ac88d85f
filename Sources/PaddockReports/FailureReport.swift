import Foundation
import PaddockChange
import PaddockCore
import PaddockGit
import PaddockRegex

/// Where later fixes landed: the SZZ method over a history (schema `paddock.failures/1`).
///
/// For each fix commit in the range (not merges), the lines it removes or changes are blamed in its first
/// parent; the commits found introduced them. Introducing commits are looked for in all of the end's history.
/// Each group (authorship, agent, model) reports the fixes that touched at least one line its commits
/// introduced, and the lines; rates divide by the lines the group's commits added in that history.
package struct FailureReport: Sendable, Encodable, Hashable {
  package static let schemaID = "paddock.failures/1"
  package var schema = FailureReport.schemaID
  package var definition =
    "fix commits (Fixes: trailer or a subject matching a pattern) in the range; the lines each removes or changes are blamed in its first parent (SZZ); a group's fixes are the fix commits that changed at least one line its commits introduced; per_kloc = per 1,000 lines the group added"
  package var patterns: [String]
  package var fixes: Int
  /// Fixes that only add lines: nothing to blame.
  package var fixesWithoutBlame: Int
  package var groups: [Group]
  package var precision: Precision
  package var fixCommits: [Fix]

  package struct Group: Sendable, Encodable, Hashable {
    /// `authorship`, `agent` or `model`.
    package var kind: String
    package var key: String
    package var commits: Int
    package var addedLines: Int
    package var fixes: Int
    package var fixedLines: Int
    package var fixesPerKLOC: Double
    package var fixedLinesPerKLOC: Double

    enum CodingKeys: String, CodingKey {
      case kind, key, commits
      case addedLines = "added_lines"
      case fixes
      case fixedLines = "fixed_lines"
      case fixesPerKLOC = "fixes_per_kloc"
      case fixedLinesPerKLOC = "fixed_lines_per_kloc"
    }
  }

  /// How often the blamed commits include the commit a `Fixes:` trailer names.
  package struct Precision: Sendable, Encodable, Hashable {
    /// Fixes naming a culprit that exists in the history.
    package var named: Int
    /// Of those, fixes whose blamed commits include it.
    package var matched: Int
    package var percentage: Double?
  }

  package struct Fix: Sendable, Encodable, Hashable {
    package var commit: ObjectID
    package var summary: String
    package var named: [ObjectID]
    package var blamed: [Blamed]
    /// One authorship, `mixed`, or `none` (the fix only added lines, or they predate the history).
    package var landsOn: AuthorshipSummary

    enum CodingKeys: String, CodingKey {
      case commit, summary, named, blamed
      case landsOn = "lands_on"
    }
  }

  package struct Blamed: Sendable, Encodable, Hashable {
    package var commit: ObjectID
    package var authorship: Authorship
    package var agent: String?
    package var model: String?
    package var lines: Int
  }

  enum CodingKeys: String, CodingKey {
    case schema, definition, patterns, fixes
    case fixesWithoutBlame = "fixes_without_blame"
    case groups, precision
    case fixCommits = "fix_commits"
  }
}

extension FailureReport {
  /// Runs SZZ over `history`: fixes are the commits of `members` that `matcher` accepts; `resolve` turns a
  /// `Fixes:` id prefix into a commit id (nil when it names nothing).
  package init(
    history: History, members: Set<Int32>, matcher: FixMatcher, resolve: (String) -> ObjectID?
  ) {
    let fixIndices = Set(
      members.filter { history.commits[Int($0)].parents.count == 1 && matcher.isFix(history.commits[Int($0)]) })
    var blamedPerFix: [Int32: [Int32: Int]] = [:]
    _ = HistoryBlame(history, at: [], visiting: fixIndices) { fix, parentState, diff, paths in
      var blamed: [Int32: Int] = [:]
      for file in diff where !file.isBinary && file.status != .added {
        guard let oldPath = file.oldPath, let id = paths.existingID(oldPath), let map = parentState.maps[id]
        else { continue }
        let removed = file.hunks.filter { $0.oldCount > 0 }.map { $0.oldStart..<$0.oldStart + $0.oldCount }
        for (origin, lines) in map.originCounts(of: removed) { blamed[origin, default: 0] += lines }
      }
      blamedPerFix[fix] = blamed
    }

    // Denominators: what each group's commits added in the whole history.
    var groups: [String: Group] = [:]
    func keys(for label: CommitLabel) -> [(kind: String, key: String)] {
      var keys = [("authorship", label.authorship.rawValue)]
      if label.authorship == .ai { keys.append(("agent", label.agent ?? "unknown agent")) }
      if let model = label.model { keys.append(("model", model)) }
      return keys
    }
    for index in history.commits.indices where history.commits[index].parents.count <= 1 {
      for (kind, key) in keys(for: history.labels[index]) {
        var group =
          groups[kind + "\u{0}" + key]
          ?? Group(
            kind: kind, key: key, commits: 0, addedLines: 0, fixes: 0, fixedLines: 0, fixesPerKLOC: 0,
            fixedLinesPerKLOC: 0)
        group.commits += 1
        group.addedLines += history.addedLines(index)
        groups[kind + "\u{0}" + key] = group
      }
    }

    var fixes: [Fix] = []
    var withoutBlame = 0
    var named = 0
    var matched = 0
    for fixIndex in fixIndices.sorted() {
      let commit = history.commits[Int(fixIndex)]
      let blamed = blamedPerFix[fixIndex] ?? [:]
      if blamed.isEmpty { withoutBlame += 1 }
      var touched: Set<String> = []
      var landsOn: Set<Authorship> = []
      for (origin, lines) in blamed {
        let label = history.labels[Int(origin)]
        landsOn.insert(label.authorship)
        for (kind, key) in keys(for: label) {
          let id = kind + "\u{0}" + key
          groups[id]?.fixedLines += lines
          if touched.insert(id).inserted { groups[id]?.fixes += 1 }
        }
      }
      let namedIDs = FixMatcher.named(in: commit).compactMap(resolve)
      if !namedIDs.isEmpty {
        named += 1
        let blamedIDs = Set(blamed.keys.map { history.commits[Int($0)].id })
        if namedIDs.contains(where: blamedIDs.contains) { matched += 1 }
      }
      fixes.append(
        Fix(
          commit: commit.id, summary: commit.summary, named: namedIDs,
          blamed: blamed.map { origin, lines in
            let label = history.labels[Int(origin)]
            return Blamed(
              commit: history.commits[Int(origin)].id, authorship: label.authorship, agent: label.agent,
              model: label.model, lines: lines)
          }.sorted { ($1.lines, $0.commit) < ($0.lines, $1.commit) },
          landsOn: AuthorshipSummary(of: landsOn)))
    }
    let kinds = ["authorship", "agent", "model"]
    let rows = groups.values.map { group in
      var group = group
      group.fixesPerKLOC = Self.perKLOC(group.fixes, group.addedLines)
      group.fixedLinesPerKLOC = Self.perKLOC(group.fixedLines, group.addedLines)
      return group
    }.sorted {
      (kinds.firstIndex(of: $0.kind) ?? 3, $1.addedLines, $0.key) < (
        kinds.firstIndex(of: $1.kind) ?? 3, $0.addedLines, $1.key
      )
    }
    self.init(
      patterns: matcher.patterns, fixes: fixes.count, fixesWithoutBlame: withoutBlame, groups: rows,
      precision: Precision(
        named: named, matched: matched, percentage: named == 0 ? nil : ReleaseRow.percentage(matched, of: named)),
      fixCommits: fixes)
  }

  /// `count` per 1,000 of `lines`, to two decimals; 0 without lines.
  static func perKLOC(_ count: Int, _ lines: Int) -> Double {
    lines == 0 ? 0 : (Double(count) * 1_000 * 100 / Double(lines)).rounded() / 100
  }
}
