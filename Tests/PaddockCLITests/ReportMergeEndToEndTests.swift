import Foundation
import TestSupport
import Testing

/// `paddock report merge` on reports the binary itself wrote for two repositories, and on files it must refuse.
@Suite struct ReportMergeEndToEndTests {
  static let claude = "\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>\n"

  /// A repository with `human` lines by a person and `ai` lines by Claude.
  static func repository(human: Int, ai: Int) throws -> TestRepository {
    let repository = try TestRepository()
    try repository.write("src/a.py", (0..<human).map { "h\($0) = \($0)" }.joined(separator: "\n") + "\n")
    try repository.commit("Initial commit")
    try repository.write("src/b.py", (0..<ai).map { "a\($0) = \($0)" }.joined(separator: "\n") + "\n")
    try repository.commit("Add b" + claude)
    return repository
  }

  @Test func mergesSnapshotsOfTwoRepositories() throws {
    let app = try Self.repository(human: 30, ai: 10)
    let api = try Self.repository(human: 5, ai: 55)
    let appFile = app.siblingPath("app.json")
    let apiFile = api.siblingPath("api.json")
    for (repository, file) in [(app, appFile), (api, apiFile)] {
      let made = try PaddockBinary.run(
        ["report", "snapshot", "--format", "json", "-o", file], in: repository.path,
        environment: repository.environment)
      #expect(made.status == 0, "\(made.err)")
    }
    let json = try PaddockBinary.run(
      ["report", "merge", appFile, apiFile, "--format", "json"], in: app.path, environment: app.environment)
    #expect(json.status == 0, "\(json.err)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    let totals = try #require(object["totals"] as? [String: Any])
    #expect(totals["total_lines"] as? Int == 100)
    #expect(totals["ai_lines"] as? Int == 65)
    #expect(totals["ai_percentage"] as? Double == 65.0, "weighted by lines, not the mean of 25% and 91.7%")
    #expect((object["repositories"] as? [[String: Any]])?.map { $0["name"] as? String } == ["app", "api"])

    let text = try PaddockBinary.run(["report", "merge", appFile, apiFile], in: app.path, environment: app.environment)
    #expect(text.out.contains("total"), "\(text.out)")
    #expect(text.out.contains("claude-code 65 lines in 2 repositories"), "\(text.out)")

    let page = app.siblingPath("organisation.html")
    let html = try PaddockBinary.run(
      ["report", "merge", appFile, apiFile, "--format", "html", "-o", page], in: app.path,
      environment: app.environment)
    #expect(html.status == 0, "\(html.err)")
    let written = try String(contentsOfFile: page, encoding: .utf8)
    #expect(written.hasPrefix("<!DOCTYPE html>") && written.contains("65.0%"))
  }

  @Test func refusesWhatIsNotAReport() throws {
    let repository = try Self.repository(human: 1, ai: 1)
    let trends = repository.siblingPath("trends.json")
    let made = try PaddockBinary.run(
      ["report", "trends", "--format", "json", "-o", trends], in: repository.path,
      environment: repository.environment)
    #expect(made.status == 0)
    let result = try PaddockBinary.run(
      ["report", "merge", trends], in: repository.path, environment: repository.environment)
    #expect(result.status == 2)
    #expect(result.err.contains("\(trends) is a paddock.trends/1 report, which cannot be merged"), "\(result.err)")
    #expect(result.err.contains("paddock report snapshot --format json"), "\(result.err)")
    #expect(result.out.isEmpty)

    let missing = try PaddockBinary.run(
      ["report", "merge", repository.siblingPath("nope.json")], in: repository.path,
      environment: repository.environment)
    #expect(missing.status == 2)
    #expect(missing.err.contains("cannot read \(repository.siblingPath("nope.json"))"), "\(missing.err)")

    let none = try PaddockBinary.run(["report", "merge"], in: repository.path, environment: repository.environment)
    #expect(none.status == 64)
    #expect(none.err.contains("give the JSON reports to merge"), "\(none.err)")
  }
}
