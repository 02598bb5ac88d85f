import Foundation
import TestSupport
import Testing

/// `paddock report trends`, `failures`, `agent-trace` and the report cache, on histories with known answers.
@Suite struct ReportHistoryTests {
  static let claude = ReportEndToEndTests.claude
  static let codex = ReportEndToEndTests.codex

  static func json(_ result: ProcessResult) throws -> [String: Any] {
    #expect(result.status == 0, "\(result.err)")
    return try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
  }

  static func lines(_ count: Int, _ prefix: String) -> String {
    (1...count).map { "\(prefix)\($0) = \($0)\n" }.joined()
  }

  @Test func trendsCountCommitsAddedLinesAgentsAndReviewPerMonthAndWeek() throws {
    let repository = try TestRepository()
    // November 2023 (the week of Monday the 13th).
    try repository.write("a.py", Self.lines(3, "a"))
    try repository.commit("Start")
    try repository.write("b.py", Self.lines(4, "b"))
    try repository.commit("Add b" + Self.claude + "Reviewed-by: Grace Hopper <grace@example.com>\n")
    // December 2023 (the week of Monday the 18th): two AI commits, one on a branch merged back, and a person's.
    repository.advanceClock(days: 40)
    try repository.write("a.py", Self.lines(3, "a") + "a4 = 4\na5 = 5\n")
    try repository.commit("Extend a" + Self.codex)
    try repository.git(["checkout", "-q", "-b", "side"])
    try repository.write("c.py", Self.lines(5, "c"))
    try repository.commit("Add c" + Self.claude)
    try repository.git(["checkout", "-q", "main"])
    try repository.write(
      "b.py", "b1 = 'one'\n" + Self.lines(4, "b").split(separator: "\n").dropFirst().map { $0 + "\n" }.joined())
    try repository.commit("Tweak b")
    try repository.merge("side", message: "Merge side")

    let month = try Self.json(try repository.paddock(["report", "trends", "--format", "json"]))
    #expect(month["schema"] as? String == "paddock.trends/1" && month["period"] as? String == "month")
    let rows = try #require(month["rows"] as? [[String: Any]])
    #expect(rows.map { $0["period"] as? String } == ["2023-11", "2023-12"])
    let november = rows[0]
    let december = rows[1]
    #expect(november["commits"] as? Int == 2 && november["ai_commits"] as? Int == 1)
    #expect(november["added_ai"] as? Int == 4 && november["added_human"] as? Int == 3)
    #expect(november["reviewed_ai_commits"] as? Int == 1 && november["review_coverage"] as? Double == 100)
    // The merge is not a commit of its own here; its branch's commit is.
    #expect(december["commits"] as? Int == 3 && december["ai_commits"] as? Int == 2)
    #expect(december["added_ai"] as? Int == 7 && december["added_human"] as? Int == 1)
    #expect(december["review_coverage"] as? Double == 0)
    #expect(december["agents"] as? [String: Int] == ["claude-code": 1, "codex": 1])
    #expect(december["ai_added_percentage"] as? Double == 87.5)

    let week = try Self.json(try repository.paddock(["report", "trends", "--period", "week", "--format", "json"]))
    #expect((week["rows"] as? [[String: Any]])?.map { $0["period"] as? String } == ["2023-11-13", "2023-12-18"])

    let csv = try repository.paddock(["report", "trends", "--format", "csv"])
    #expect(
      csv.out.hasPrefix(
        "period,commits,ai_commits,human_commits,bot_commits,unknown_commits,added_ai,added_human,added_bot"))
    #expect(csv.out.contains("2023-12,3,2,1,0,0,7,1,0,0,87.5,0,0.0,"), "\(csv.out)")
  }

  /// h1 (person) writes f.py, a1 (Claude) g.py, a2 (Codex) h.py. Fixes: one names a1 and changes two of its lines;
  /// one (by subject only) changes a line of h1; one names h1 but changes a line of a2 (the method disagrees with
  /// the trailer); one only adds lines. A later non-fix change is ignored.
  @Test func failuresBlameTheLinesFixesChangeAndMeasurePrecision() throws {
    let repository = try TestRepository()
    try repository.write("f.py", Self.lines(10, "f"))
    let h1 = try repository.commit("Start")
    try repository.write("g.py", Self.lines(10, "g"))
    let a1 = try repository.commit("Add g" + Self.claude)
    try repository.write("h.py", Self.lines(10, "h"))
    try repository.commit("Add h" + Self.codex)

    func replace(_ path: String, _ count: Int, _ prefix: String, lines changed: Set<Int>) throws {
      let text = (1...count).map { changed.contains($0) ? "\(prefix)\($0) = -\($0)\n" : "\(prefix)\($0) = \($0)\n" }
      try repository.write(path, text.joined())
    }
    try replace("g.py", 10, "g", lines: [3, 4])
    try repository.commit("Fix g overflow\n\nFixes: \(a1.prefix(12)) (\"Add g\")\n")
    try replace("f.py", 10, "f", lines: [5])
    try repository.commit("Fix typo in f")
    try replace("h.py", 10, "h", lines: [7])
    try repository.commit("Fix h\n\nFixes: \(h1.prefix(12)) (\"Start\")\n")
    try replace("g.py", 10, "g", lines: [3, 4, 9])
    try repository.commit("Tweak g")
    try repository.write(
      "f.py", Self.lines(10, "f").replacingOccurrences(of: "f5 = 5", with: "f5 = -5") + "f11 = 11\nf12 = 12\n")
    try repository.commit("fix: add the missing entries")

    let report = try Self.json(try repository.paddock(["report", "failures", "--format", "json"]))
    #expect(report["schema"] as? String == "paddock.failures/1")
    #expect(report["fixes"] as? Int == 4 && report["fixes_without_blame"] as? Int == 1)
    let precision = try #require(report["precision"] as? [String: Any])
    #expect(precision["named"] as? Int == 2 && precision["matched"] as? Int == 1)
    #expect(precision["percentage"] as? Double == 50)
    var groups: [String: [String: Any]] = [:]
    for group in report["groups"] as? [[String: Any]] ?? [] {
      groups["\(group["kind"] ?? ""):\(group["key"] ?? "")"] = group
    }
    let ai = try #require(groups["authorship:ai"])
    let human = try #require(groups["authorship:human"])
    #expect(ai["added_lines"] as? Int == 20 && ai["fixes"] as? Int == 2 && ai["fixed_lines"] as? Int == 3)
    #expect(ai["fixes_per_kloc"] as? Double == 100 && ai["fixed_lines_per_kloc"] as? Double == 150)
    // People added f.py (10), the fixes' changed lines (2 + 1 + 1), the tweak's (1) and the two new entries (2).
    #expect(human["added_lines"] as? Int == 17 && human["fixes"] as? Int == 1 && human["fixed_lines"] as? Int == 1)
    #expect(human["fixes_per_kloc"] as? Double == 58.82)
    #expect(groups["agent:claude-code"]?["fixes"] as? Int == 1 && groups["agent:codex"]?["fixes"] as? Int == 1)
    #expect(groups["model:gpt-5"]?["fixes"] as? Int == 1)
    let fixes = report["fix_commits"] as? [[String: Any]] ?? []
    #expect(
      fixes.map { $0["lands_on"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") } == ["ai", "ai", "human", "none"])

    // Custom patterns replace the defaults: only trailers and "Fix h" count now.
    let custom = try Self.json(
      try repository.paddock(["report", "failures", "--fix-pattern", "^Fix h$", "--format", "json"]))
    #expect(custom["fixes"] as? Int == 2)
    let bad = try repository.paddock(["report", "failures", "--fix-pattern", "(unclosed"])
    #expect(bad.status == 2 && bad.err.contains("not a valid regular expression"))
    let text = try repository.paddock(["report", "failures"])
    #expect(text.out.contains("include the named culprit in 1 of 2 fixes (50.0%)"), "\(text.out)")
  }

  @Test func agentTraceExportsAndReadsBackLineEvidence() throws {
    let repository = try TestRepository()
    try repository.write("x.py", Self.lines(4, "x"))
    let first = try repository.commit("Start")
    try repository.write("y.py", Self.lines(2, "y"))
    let second = try repository.commit("Add y" + Self.claude)

    let exported = try repository.paddock(["report", "agent-trace", "HEAD~1..HEAD"])
    #expect(exported.status == 0, "\(exported.err)")
    let record = try Self.json(exported)
    #expect(record["version"] as? String == "0.1.0")
    #expect((record["vcs"] as? [String: String]) == ["type": "git", "revision": second])
    #expect((record["id"] as? String)?.count == 36 && record["timestamp"] as? String == "2023-11-14T22:15:20Z")
    let files = try #require(record["files"] as? [[String: Any]])
    #expect(files.map { $0["path"] as? String } == ["y.py"])
    let conversation = try #require((files.first?["conversations"] as? [[String: Any]])?.first)
    #expect((conversation["contributor"] as? [String: String])?["type"] == "ai")
    #expect((conversation["ranges"] as? [[String: Int]]) == [["start_line": 1, "end_line": 2]])
    // The same input gives the same record.
    #expect(try repository.paddock(["report", "agent-trace", "HEAD~1..HEAD"]).out == exported.out)

    // A record says a person's commit had an agent write lines 2-3 of x.py; a broken line is skipped with a warning.
    let trace = """
      {"version":"0.1.0","id":"7d0f6c2e-0000-4000-8000-000000000001","timestamp":"2023-11-14T22:14:20Z","files":[{"path":"x.py","conversations":[{"contributor":{"type":"ai","model_id":"anthropic/claude-opus-4-5"},"ranges":[{"start_line":2,"end_line":3}]}]}],"vcs":{"type":"git","revision":"\(first)"}}
      not json
      {"version":"0.1.0","id":"7d0f6c2e-0000-4000-8000-000000000002","timestamp":"2023-11-14T22:14:20Z","files":[{"path":"x.py","conversations":[{"contributor":{"type":"ai"},"ranges":[{"start_line":1,"end_line":4}]}]}]}

      """
    try repository.write(".agent-trace/traces.jsonl", trace)
    let snapshot = try repository.paddock(["report", "snapshot", "--include", "*.py", "--format", "json"])
    #expect(snapshot.err.contains("1 line(s) are not Agent Trace records (line 2)"), "\(snapshot.err)")
    // A record without a git revision cannot be placed: it is reported, and it changes nothing.
    #expect(snapshot.err.contains("1 record(s) name no git commit"), "\(snapshot.err)")
    let row = try #require((try Self.json(snapshot)["releases"] as? [[String: Any]])?.first)
    #expect(row["ai_lines"] as? Int == 4 && row["human_lines"] as? Int == 2)
    #expect(ReportEndToEndTests.buckets(row, "models")["claude-opus-4-5"] == 2)
    #expect(ReportEndToEndTests.buckets(row, "agents")["claude-code"] == 4)
    // The exported record reads back as evidence too, from a file named on the command line.
    let elsewhere = repository.siblingPath("exported.jsonl")
    try Data(exported.stdout).write(to: URL(fileURLWithPath: elsewhere))
    let again = try repository.paddock(["report", "snapshot", "--agent-trace", elsewhere, "--format", "json"])
    #expect(((try Self.json(again)["releases"] as? [[String: Any]])?.first?["ai_lines"] as? Int) == 2)
  }

  @Test func theCacheServesASecondReportAndOnlyNewCommitsAreRead() throws {
    let repository = try ReportEndToEndTests.history()
    let arguments = ["report", "release", "--tags", "v*", "--format", "json", "--cache-stats"]
    let cold = try repository.paddock(arguments)
    #expect(cold.status == 0, "\(cold.err)")
    #expect(cold.err.contains("changes 0 cached, 6 diffed"), "\(cold.err)")
    let warm = try repository.paddock(arguments)
    #expect(warm.err.contains("changes 6 cached, 0 diffed") && warm.err.contains("0 computed"), "\(warm.err)")
    #expect(warm.out == cold.out)
    let uncached = try repository.paddock(["report", "release", "--tags", "v*", "--format", "json", "--no-cache"])
    #expect(uncached.out == cold.out)

    // Two new commits and a tag: only they are read from git.
    try repository.write("d.py", "d1 = 1\nd2 = 2\n")
    try repository.commit("Add d" + Self.claude)
    try repository.write("d.py", "d1 = 1\nd2 = 2\nd3 = 3\n")
    try repository.commit("Extend d")
    try repository.git(["tag", "v4"])
    let next = try repository.paddock(arguments)
    #expect(next.err.contains("changes 6 cached, 2 diffed") && next.err.contains("2 computed"), "\(next.err)")
    let rows = try #require(try Self.json(next)["releases"] as? [[String: Any]])
    #expect(rows.last?["ai_lines"] as? Int == 2 && rows.last?["human_lines"] as? Int == 1)

    // A damaged cache is read up to the damage, rewritten, and never changes a figure.
    let cacheFile = try repository.git(["rev-parse", "--git-common-dir"]).trimmingCharacters(
      in: .whitespacesAndNewlines)
    let commits = repository.path + "/" + cacheFile + "/paddock/report-cache/commits"
    let handle = try #require(FileHandle(forWritingAtPath: commits))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data([0x40, 0, 0, 0, 1, 2, 3]))
    try handle.close()
    let damaged = try repository.paddock(arguments)
    #expect(damaged.status == 0 && damaged.out == next.out, "\(damaged.err)")
    let repaired = try repository.paddock(arguments)
    #expect(repaired.err.contains("changes 8 cached, 0 diffed"), "\(repaired.err)")

    // Changing the AI markers starts a new classification file instead of reusing stale answers.
    try repository.write(".paddock.yml", "disable: [codex]\n")
    let reclassified = try repository.paddock(arguments)
    #expect(reclassified.err.contains("0 cached, 8 computed"), "\(reclassified.err)")
    #expect(try Self.json(reclassified)["releases"] as? [[String: Any]] != nil)
  }

  @Test func reportConfigurationSetsSelectionTagsAndPatterns() throws {
    let repository = try ReportEndToEndTests.history()
    try repository.write(".paddock.yml", "report:\n  exclude: ['docs/**']\n  tags: 'v*'\n")
    let rows = try #require(
      try Self.json(try repository.paddock(["report", "release", "--format", "json"]))["releases"] as? [[String: Any]])
    #expect(rows.first?["ai_percentage"] as? Double == 90.9 && rows.count == 2)
    try repository.write(".paddock.yml", "report:\n  fix-patterns: ['(broken']\n")
    let broken = try repository.paddock(["report", "failures"])
    #expect(broken.status == 2 && broken.err.contains("report.fix-patterns"), "\(broken.err)")
    try repository.write(".paddock.yml", "report:\n  period: fortnight\n")
    let period = try repository.paddock(["report", "trends"])
    #expect(period.status == 2 && period.err.contains("week, month"), "\(period.err)")
  }

  /// On a terminal stderr shows a progress bar; piped, it stays silent (the other tests read stderr piped).
  @Test func aProgressBarShowsOnlyOnATerminal() throws {
    let repository = try ReportEndToEndTests.history()
    let piped = try repository.paddock(["report", "snapshot", "--no-cache"])
    #expect(piped.status == 0 && !piped.err.contains("reading changes"), "\(piped.err)")
    // `script` runs the command on a pseudo-terminal and copies what it printed.
    let command = "'\(PaddockBinary.path)' report snapshot --no-cache >/dev/null"
    let terminal = try ProcessRunner.run(
      "/usr/bin/script", ["-qec", command, "/dev/null"], in: repository.path, environment: repository.environment)
    #expect(terminal.status == 0, "\(terminal.err)")
    #expect(terminal.out.contains("reading changes [") && terminal.out.contains("] 7/7"), "\(terminal.out)")
    let quiet = try ProcessRunner.run(
      "/usr/bin/script",
      ["-qec", command.replacingOccurrences(of: ">/dev/null", with: "--no-progress >/dev/null"), "/dev/null"],
      in: repository.path, environment: repository.environment)
    #expect(quiet.status == 0 && !quiet.out.contains("reading changes"), "\(quiet.out)")
  }
}
