import Foundation
import PaddockChange
import PaddockCore
import PaddockGit
import PaddockNet
import PaddockRules
import TestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Properties that hold for every input, checked on random ones from a seeded generator. The seeds are fixed so a
/// failure reproduces; `PADDOCK_PROPERTY_RUNS=n` adds n more seeds (printed on failure) to explore further.
@Suite struct PropertyTests {
  static func seeds(_ fixed: [UInt64]) -> [UInt64] {
    let extra = ProcessInfo.processInfo.environment["PADDOCK_PROPERTY_RUNS"].flatMap(Int.init) ?? 0
    var generator = SystemRandomNumberGenerator()
    return fixed + (0..<extra).map { _ in generator.next() }
  }

  // MARK: Attribution

  /// Every line `git diff` shows as added is attributed exactly once, to the commit `git blame` names, on random
  /// linear histories of random length (the differential suite covers branchy ones).
  @Test(arguments: seeds([21, 22, 23, 24, 25, 26, 27, 28]))
  func everyAddedLineIsAttributedOnceAndAgreesWithBlame(seed: UInt64) throws {
    let fixture = try TestRepository()
    var generator = HistoryGenerator(seed: seed)
    try generator.mutate(prefix: "", in: fixture, allowRename: false)
    try generator.commit(fixture, subject: "base")
    try fixture.git(["tag", "base"])
    let commits = 2 + Int(generator.random.next() % 12)
    for index in 0..<commits {
      try generator.mutate(prefix: "", in: fixture)
      try generator.commit(fixture, subject: "change \(index)")
    }
    let repository = try Repository(discoveringFrom: fixture.path)
    let range = try RangeResolver.resolve(in: repository, range: "base..HEAD", base: nil, head: nil)
    let report = try Attributor(repository: repository, catalogue: .builtin).attribute(range)
    let records = report.files.flatMap { $0.hunks.flatMap(\.lines) }
    let ours = records.map { "\($0.path):\($0.line)" }
    #expect(Set(ours).count == ours.count, "seed \(seed): a line is attributed twice")
    #expect(ours == (try AttributionDifferentialTests.gitAddedLines(fixture, from: "base", to: "HEAD")), "seed \(seed)")
    // The totals count each line once, under the authorship its record has.
    #expect(report.totals.total == records.count, "seed \(seed)")
    #expect(report.totals.ai == records.filter { $0.authorship == .ai }.count, "seed \(seed)")
    #expect(report.totals.human == records.filter { $0.authorship == .human }.count, "seed \(seed)")
    for path in Set(records.map(\.path)) {
      let blame = try AttributionDifferentialTests.gitBlame(fixture, range: "base..HEAD", path: path)
      for record in records where record.path == path {
        #expect(record.commit?.hex == blame[record.line], "seed \(seed): \(path):\(record.line)")
      }
    }
  }

  // MARK: Verdicts

  /// Lines from the built-in rules' own firing examples, so random changes trip real rules.
  static let firingLines: [(path: String?, line: String)] = RuleCatalog.builtin.allRules.flatMap { rule in
    rule.examples.fire.filter { $0.files.isEmpty && $0.head.isEmpty && $0.context.isEmpty }.flatMap { example in
      example.lines.map { (example.path, $0) }
    }
  }

  /// The same commits, applied in two different orders, get the same verdict and the same findings: each commit
  /// touches its own file, so only the order differs.
  @Test(arguments: seeds([31, 32, 33, 34, 35]))
  func theVerdictDoesNotDependOnCommitOrder(seed: UInt64) throws {
    var random = SeededGenerator(seed: seed)
    struct Change {
      var path: String
      var lines: [String]
      var ai: Bool
    }
    let count = 3 + Int(random.next() % 4)
    let changes = (0..<count).map { index in
      let picks = (0..<(1 + Int(random.next() % 4))).map { _ in
        Self.firingLines[Int(random.next() % UInt64(Self.firingLines.count))]
      }
      let path = "c\(index)/" + (picks.first?.path ?? "src/module.py")
      return Change(
        path: path, lines: picks.map(\.line) + ["value = \(index)"], ai: random.next() % 2 == 0)
    }
    var order = Array(changes.indices)
    order.shuffle(using: &random)
    if order == Array(changes.indices) { order.reverse() }

    func review(_ order: [Int]) throws -> ReviewReport {
      let fixture = try TestRepository()
      try fixture.write("README.md", "base\n")
      try fixture.commit("base")
      try fixture.git(["tag", "base"])
      for index in order {
        let change = changes[index]
        try fixture.write(change.path, change.lines.joined(separator: "\n") + "\n")
        try fixture.commit("change \(index)" + (change.ai ? HistoryGenerator.claude : "\n"))
      }
      let repository = try Repository(discoveringFrom: fixture.path)
      let range = try RangeResolver.resolve(in: repository, range: "base..HEAD", base: nil, head: nil)
      return try ReviewPipeline(repository: repository, config: PaddockConfig()).review(range, version: "test")
    }
    func summary(_ report: ReviewReport) -> [String] {
      (report.findings + report.suppressed).map {
        "\($0.rule) \($0.path ?? "-"):\($0.line ?? 0) \($0.severity) \($0.decision) \($0.authorship) \($0.fingerprint)"
      }.sorted()
    }
    let inOrder = try review(Array(changes.indices))
    let shuffled = try review(order)
    #expect(inOrder.verdict == shuffled.verdict, "seed \(seed), order \(order)")
    #expect(summary(inOrder) == summary(shuffled), "seed \(seed), order \(order)")
    #expect(!inOrder.findings.isEmpty, "seed \(seed): the examples should fire")
    #expect(inOrder.summary.lines == shuffled.summary.lines)
  }

  // MARK: Renderers

  /// Text meant to break formats: markup, escapes, control characters, separators, long runs, other scripts.
  static let hostileTexts = [
    "", " ", "plain", "a:b,c%25\n::error::injected", "<script>alert(1)</script>", "]]><![CDATA[", "<!-- x -->",
    "\"quoted\" 'single' `tick`", "back\\slash\\", "tab\tcarriage\rreturn", "\u{0}nul\u{1}\u{7f}",
    "\u{1b}[31mred\u{1b}[0m",
    "line\u{2028}separator\u{2029}", "größe, v1 ✓ 日本語 🤖", "e\u{301}\u{301}\u{301}", "%0A%25%3A", "|pipe|table|",
    "# heading\n- list\n```fence", "@mention #123", String(repeating: "x", count: 5000),
  ]

  static func randomFinding(_ random: inout SeededGenerator) -> Finding {
    func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
    let line: Int? = pick([nil, 1, 2, 40, 0, -3, Int(Int32.max)])
    var finding = Finding(
      rule: pick(["aws-access-key-id", "no-eval", "x", "rule with space", "model-review"]), title: pick(hostileTexts),
      severity: pick(Severity.allCases), path: pick([nil, "src/a.py", "dir with space/ü.swift", "a\nb", "../x", ""]),
      line: line, endLine: pick([nil, line, (line ?? 0) + 3, 1]), column: pick([nil, 1, 7, 0]),
      endColumn: pick([nil, 2, 90]), authorship: pick(Authorship.allCases), agent: pick([nil, "claude-code", "a\"b"]),
      commit: pick([nil, .repeating("a")]), message: pick(hostileTexts),
      fix: pick(hostileTexts), snippet: pick([nil] + hostileTexts), fingerprint: pick(["", "f00", "a b", "<!--"]),
      decision: pick(Verdict.allCases))
    if random.next() % 3 == 0 {
      finding.source = .model
      finding.confidence = pick([0, 0.5, 1])
      finding.model = pick(hostileTexts)
    }
    if random.next() % 5 == 0 { finding.suppression = Suppression(kind: .inline, reason: pick(hostileTexts), line: 2) }
    return finding
  }

  /// Every format renders any set of findings, and what it renders still parses as that format.
  @Test(arguments: seeds([41, 42, 43, 44, 45, 46, 47, 48, 49, 50]))
  func everyFormatRendersAnyFindingSet(seed: UInt64) throws {
    var random = SeededGenerator(seed: seed)
    var report = try ReviewGoldenTests.report()
    let count = Int(random.next() % 30)
    report.findings = (0..<count).map { _ in Self.randomFinding(&random) }
    report.suppressed = (0..<Int(random.next() % 3)).map { _ in Self.randomFinding(&random) }
    report.verdict = report.findings.map(\.decision).max() ?? .pass
    for format in OutputFormat.Menu.review.formats {
      let output = try format.render(report)
      switch format {
      case .json, .rdjson, .codeclimate:
        #expect(throws: Never.self, "\(format), seed \(seed)") { try JSONValue.parse(output) }
      case .sarif:
        let errors = JSONSchemaValidator(schema: ReviewGoldenTests.sarifSchema).validate(try JSONValue.parse(output))
        #expect(errors.isEmpty, "seed \(seed): \(errors.prefix(5))")
      case .rdjsonl:
        for line in output.split(separator: "\n") {
          #expect(throws: Never.self, "rdjsonl, seed \(seed)") { try JSONValue.parse(String(line)) }
        }
      case .junit:
        let parser = XMLParser(data: Data(output.utf8))
        #expect(parser.parse(), "junit, seed \(seed): \(parser.parserError.map { "\($0)" } ?? "")")
      case .github:
        // One workflow command per line: a finding's text never starts a command of its own.
        let commands = output.split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(commands.count == output.split(separator: "\n").count, "seed \(seed): a line that is not a command")
        #expect(!output.contains("\n::error::injected"), "seed \(seed)")
      case .text, .markdown:
        for finding in report.findings { #expect(output.contains(finding.rule), "\(format), seed \(seed)") }
      case .csv, .html:
        Issue.record("\(format) is not on the review menu")
      }
    }
  }
}
