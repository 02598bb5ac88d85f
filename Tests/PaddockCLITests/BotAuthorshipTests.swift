import Foundation
import TestSupport
import Testing

/// Dependency and release bots are `bot`: their own authorship with a person's policy by default, so a Dependabot
/// bump of a workflow does not block; an unrecognised `[bot]` account is `unknown`, treated like AI, and named with
/// the lines that classify it.
@Suite struct BotAuthorshipTests {
  static let dependabot = TestRepository.Identity(
    "dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com")
  static let deployer = TestRepository.Identity("acme-deployer[bot]", "12+acme-deployer[bot]@users.noreply.github.com")

  static func repository() throws -> TestRepository {
    let repository = try TestRepository()
    try repository.write(".github/workflows/ci.yml", "jobs:\n  test:\n    steps:\n      - uses: actions/checkout@v4\n")
    try repository.commit("Start")
    try repository.git(["checkout", "-q", "-b", "bump"])
    return repository
  }

  @Test func aDependabotBumpOfAWorkflowDoesNotBlock() throws {
    let repository = try Self.repository()
    try repository.write(".github/workflows/ci.yml", "jobs:\n  test:\n    steps:\n      - uses: actions/checkout@v5\n")
    try repository.commit("Bump actions/checkout from 4 to 5", author: Self.dependabot)
    let result = try repository.paddock(["review", "main..bump", "--format", "json"])
    #expect(result.status == 0, "\(result.out)\n\(result.err)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    let lines = (json["summary"] as? [String: Any])?["lines"] as? [String: Any]
    #expect(lines?["bot"] as? Int == 1 && lines?["ai"] as? Int == 0 && lines?["unknown"] as? Int == 0, "\(json)")

    let attribution = try repository.paddock(["attribute", "main..bump"])
    #expect(attribution.out.contains("bot 1"), "\(attribution.out)")
    #expect(attribution.out.contains("bot dependabot"), "\(attribution.out)")
  }

  /// A key a bot adds warns, as a person's would; `policy.bot` makes it block.
  @Test func aBotPolicyCanBeSet() throws {
    let repository = try Self.repository()
    try repository.write("deploy/env.sh", "export AWS_ACCESS_KEY_ID=AKIA4X3YDICBBPBHM35X\n")
    try repository.commit("Update env", author: Self.dependabot)
    let byDefault = try repository.paddock(["review", "main..bump", "--format", "json"])
    #expect(byDefault.status == 0 && byDefault.out.contains("aws-access-key-id"), "\(byDefault.out)")
    // The working tree's configuration applies to `paddock review`.
    try repository.write(".paddock.yml", "version: 1\npolicy:\n  bot: { block: error }\n")
    let withPolicy = try repository.paddock(["review", "main..bump", "--format", "json"])
    #expect(withPolicy.status == 1, "\(withPolicy.out)\n\(withPolicy.err)")
  }

  @Test func anUnrecognisedBotIsUnknownAndNamedWithTheLinesThatClassifyIt() throws {
    let repository = try Self.repository()
    try repository.write("deploy.txt", "deployed\n")
    try repository.commit("Deploy", author: Self.deployer)
    for command in [["attribute", "main..bump"], ["review", "main..bump"], ["report", "release", "main..bump"]] {
      let result = try repository.paddock(command)
      #expect(
        result.out.contains("acme-deployer[bot] <12+acme-deployer[bot]@users.noreply.github.com> (1 commit)"),
        "\(command): \(result.out)")
      #expect(
        result.out.contains(#"bots: [{id: acme-deployer, identities: ['^acme-deployer\[bot\] ']}]"#), "\(command)")
    }
    // The line it suggests classifies the account.
    try repository.write(
      ".paddock.yml", "version: 1\nbots: [{id: acme-deployer, identities: ['^acme-deployer\\[bot\\] ']}]\n")
    let attribution = try repository.paddock(["attribute", "main..bump", "--format", "json"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(attribution.out.utf8)) as? [String: Any])
    let commits = json["commits"] as? [[String: Any]] ?? []
    #expect(commits.map { $0["authorship"] as? String } == ["bot"], "\(attribution.out) \(attribution.err)")
  }
}
