import Foundation
import PaddockChange
import PaddockCore
import PaddockGit
import PaddockModelReview
import PaddockRules
import PaddockSupport
import TestSupport
import Testing

/// The pieces of model review that need no server: hunks against git, the answer parser, the cache key hash, and
/// the rule that a model can only add to a verdict.
@Suite struct ModelReviewTests {
  /// `git diff -U<context>` per file as `+`, `-` and ` ` lines, hunk by hunk.
  static func gitHunks(_ fixture: TestRepository, from: String, to: String, context: Int) throws -> [String: [[String]]]
  {
    var result: [String: [[String]]] = [:]
    var path: String?
    for line in try fixture.git(["diff", "-U\(context)", "--no-color", "-M", from, to, "--"]).split(
      separator: "\n", omittingEmptySubsequences: false)
    {
      if line.hasPrefix("diff --git") {
        path = nil
      } else if line.hasPrefix("+++ ") {
        path = line == "+++ /dev/null" ? nil : String(line.dropFirst(6))
      } else if line.hasPrefix("@@"), let path {
        result[path, default: []].append([])
      } else if let path, let first = line.first, ["+", "-", " "].contains(first), !line.hasPrefix("---"),
        var hunks = result[path], !hunks.isEmpty
      {
        hunks[hunks.count - 1].append(String(line))
        result[path] = hunks
      }
    }
    return result
  }

  @Test(arguments: [UInt64(21), 22, 23, 24], [0, 1, 3])
  func hunksWithContextMatchGitDiff(seed: UInt64, context: Int) throws {
    let fixture = try HistoryGenerator.branchyRepository(seed: seed, commits: 14)
    let repository = try Repository(discoveringFrom: fixture.path)
    let range = try RangeResolver.resolve(in: repository, range: "main..feature", base: nil, head: nil)
    let attributor = try Attributor(repository: repository, catalogue: .builtin)
    let attribution = try attributor.attribute(range)
    let change = try ReviewChange.load(
      repository: repository, attribution: attribution, classifier: attributor.classifier, headFiles: false)
    let hunks = ModelHunk.hunks(of: attribution, change: change, context: context, repository: repository)
    var ours: [String: [[String]]] = [:]
    for hunk in hunks {
      ours[hunk.path, default: []].append(
        hunk.lines.map { line in
          switch line.kind {
          case .added: "+" + line.text
          case .removed: "-" + line.text
          case .context: " " + line.text
          }
        })
    }
    let mergeBase = try #require(attribution.mergeBase)
    let theirs = try Self.gitHunks(fixture, from: mergeBase.hex, to: "feature", context: context)
    #expect(ours.keys.sorted() == theirs.keys.sorted())
    for path in theirs.keys.sorted() {
      #expect(ours[path] == theirs[path], "\(path)")
    }
    #expect(hunks.count >= 4)
    #expect(hunks.contains { $0.hasAI } && hunks.contains { !$0.hasAI })
  }

  @Test func sha256AgreesWithSha256sum() throws {
    var generator = SeededGenerator(seed: 7)
    for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 100_000] {
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let file = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID())")
      try Data(bytes).write(to: file)
      defer { try? FileManager.default.removeItem(at: file) }
      let output = try ProcessRunner.run("/usr/bin/sha256sum", [file.path], in: "/", environment: [:])
      #expect(SHA256.hex(bytes) == String(output.out.prefix(64)), "length \(length)")
    }
  }

  @Test func answersAreFoundInFencesAndProseAndCheckedItemByItem() throws {
    let fenced =
      "Here you go:\n```json\n{\"findings\": [{\"path\": \"a.py\", \"line\": 3, \"severity\": \"Medium\", "
      + "\"title\": \"t\", \"message\": \"m\", \"confidence\": 85}]}\n```\nHope that helps."
    let answer = try ModelAnswer.parse(fenced)
    #expect(
      answer.items == [.init(path: "a.py", line: 3, severity: .warning, title: "t", message: "m", confidence: 0.85)])
    let mixed = try ModelAnswer.parse(
      #"{"findings": [1, {"path": "a.py"}, {"path": "a.py", "line": 2, "severity": "error", "title": "", "message": ""}, {"path": "b.py", "line": 1, "severity": "note", "title": "ok", "confidence": -3}]}"#
    )
    #expect(mixed.items.isEmpty && mixed.invalid.count == 4)
    #expect(throws: ModelAnswer.Malformed.self) { try ModelAnswer.parse("{\"verdict\": \"approve\"}") }
    #expect(throws: ModelAnswer.Malformed.self) { try ModelAnswer.parse("I approve this change.") }
    let long = try ModelAnswer.parse(
      "{\"findings\": [{\"path\": \"a\", \"line\": 1, \"severity\": \"note\", \"title\": \"\(String(repeating: "x", count: 5000))\", \"message\": \"m\"}]}"
    )
    #expect(long.items.first?.title.count == 200 && long.items.first?.confidence == 0.5)
  }

  @Test func testsAndSourcesAreToldApart() {
    for path in [
      "tests/test_app.py", "src/app_test.go", "Tests/CoreTests/ParserTests.swift", "web/a.spec.ts", "spec/x_spec.rb",
    ] {
      #expect(ModelHunk(path: path, lines: []).isTest, "\(path)")
    }
    for path in ["src/latest.py", "src/contest.rb", "app/testimony.js", "Sources/Core/Parser.swift"] {
      #expect(!ModelHunk(path: path, lines: []).isTest, "\(path)")
    }
  }

  /// Whatever a model returns, the rule findings come out as they went in and the verdict never drops.
  @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
  func aModelCanOnlyAddToTheVerdict(seed: UInt64) throws {
    var generator = SeededGenerator(seed: seed)
    let rule = Rule(
      id: "demo-eval", title: "eval", pack: "demo", severity: .error, keywords: ["eval"], pattern: #"eval\("#,
      message: "m", fix: "f")
    let lines = (1...12).map { "x\($0) = " + (Bool.random(using: &generator) ? "eval(s)" : "1") }
    let added = lines.indices.map {
      AddedLine(number: $0 + 1, text: lines[$0], authorship: Bool.random(using: &generator) ? .ai : .human, commit: nil)
    }
    let change = ReviewChange(files: [ReviewFile(path: "a.py", added: added, content: lines)], commits: [])
    let reviewer = Reviewer(ruleSet: try RuleSet(rules: [rule]))
    let before = reviewer.review(change)
    var modelFindings: [Finding] = []
    for _ in 0..<Int.random(in: 0...6, using: &generator) {
      let line = Int.random(in: 1...12, using: &generator)
      var finding = Finding(
        rule: Bool.random(using: &generator) ? ModelReviewer.ruleID : "demo-eval", title: "t",
        severity: Severity.allCases.randomElement(using: &generator) ?? .note, path: "a.py", line: line,
        authorship: added[line - 1].authorship, message: "m", fix: "",
        fingerprint: before.findings.randomElement(using: &generator)?.fingerprint ?? "f",
        decision: .pass, suppression: Bool.random(using: &generator) ? Suppression(kind: .inline, reason: "x") : nil)
      finding.source = .model
      modelFindings.append(finding)
    }
    let status: ModelReviewSummary.Status =
      [.complete, .partial, .unavailable].randomElement(using: &generator) ?? .complete
    let summary = ModelReviewSummary(
      status: status, provider: "openai", model: "m", promptVersion: ModelPrompt.version,
      onUnavailable: Verdict.allCases.randomElement(using: &generator) ?? .warn)
    let after = reviewer.adding(
      model: ModelReviewResult(findings: modelFindings, summary: summary), to: before, change: change)
    #expect(after.findings.filter { $0.source == .rule } == before.findings)
    #expect(after.suppressed.filter { $0.source == .rule } == before.suppressed)
    #expect(after.verdict >= before.verdict)
    #expect(after.verdict >= summary.effect)
    #expect(
      after.findings.count + after.suppressed.count == before.findings.count + before.suppressed.count
        + modelFindings.count)
    #expect(
      Set((after.findings + after.suppressed).map(\.fingerprint)).count == after.findings.count + after.suppressed.count
    )
  }
}
