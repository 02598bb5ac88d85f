import Foundation
import TestSupport
import Testing

/// `paddock agents audit` shows what Paddock makes of a history: commits per agent and bot, the evidence, and what
/// looks like an agent or a bot but matched nothing.
@Suite struct AgentAuditTests {
  @Test func auditCountsAgentsBotsEvidenceAndLookAlikes() throws {
    let repository = try TestRepository()
    try repository.write("a.txt", "1\n")
    try repository.commit("Start")
    try repository.write("a.txt", "2\n")
    try repository.commit("Fix" + ReportEndToEndTests.claude)
    try repository.write("a.txt", "3\n")
    try repository.commit("Bump", author: .init("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"))
    try repository.write("a.txt", "4\n")
    try repository.commit("Tweak", author: .init("Helper Agent", "helper-agent@corp.example"))
    try repository.write("a.txt", "5\n")
    try repository.commit("Quoted\n\n```\nCo-Authored-By: Claude <noreply@anthropic.com>\n```\n")

    let result = try repository.paddock(["agents", "audit", "--format", "json"])
    #expect(result.status == 0, "\(result.err)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    #expect(json["commits"] as? Int == 5)
    #expect(json["authorship"] as? [String: Int] == ["ai": 1, "bot": 1, "human": 3])
    #expect(json["agents"] as? [String: Int] == ["claude-code": 1])
    #expect(json["bots"] as? [String: Int] == ["dependabot": 1])
    #expect(json["evidence"] as? [String: Int] == ["trailer/strong": 1, "identity/strong": 1])
    #expect(json["unmatched"] as? [String: Int] == ["Helper Agent <helper-agent@corp.example>": 1], "\(json)")

    let text = try repository.paddock(["agents", "audit", "HEAD~3..HEAD"])
    #expect(text.out.hasPrefix("3 commits: ai 0, human 2, bot 1, unknown 0"), "\(text.out)")
  }
}
