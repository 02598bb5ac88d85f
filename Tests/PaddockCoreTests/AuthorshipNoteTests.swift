import Foundation
import PaddockCore
import PaddockGit
import TestSupport
import Testing

/// git-ai line-level notes override commit-level attribution for the lines they cover.
@Suite struct AuthorshipNoteTests {
  static let note = """
    src/app.swift
      s_c9883b05a2487d::t_9f8e7d6c5b4a32 1-2
      h_31dce776f88375 3
    "docs/read me.md"
      s_c9883b05a2487d::t_aaaaaaaaaaaaaa 1
    ---
    {
      "schema_version": "authorship/3.0.0",
      "base_commit_sha": "7734793b756b3921c88db5375a8c156e9532447b",
      "prompts": {},
      "humans": { "h_31dce776f88375": { "author": "Ada <ada@example.com>" } },
      "sessions": {
        "s_c9883b05a2487d": { "agent_id": { "tool": "cursor", "id": "x", "model": "gpt-5" } }
      }
    }
    """

  @Test func parsesTheAttestationAndMetadata() throws {
    let parsed = try #require(AuthorshipNote.parse(Self.note))
    #expect(parsed.schemaVersion == "authorship/3.0.0")
    #expect(parsed.author(path: "src/app.swift", line: 2)?.author == .agent(tool: "cursor", model: "gpt-5"))
    #expect(parsed.author(path: "src/app.swift", line: 3)?.author == .human("Ada <ada@example.com>"))
    #expect(parsed.author(path: "src/app.swift", line: 4) == nil)
    #expect(parsed.author(path: "docs/read me.md", line: 1)?.author == .agent(tool: "cursor", model: "gpt-5"))
    #expect(AuthorshipNote.parse("just a note\n") == nil)
    #expect(AuthorshipNote.parse("a\n---\n{\"schema_version\": \"other/1\"}") == nil)
  }

  @Test func notesOverrideCommitAttribution() throws {
    let fixture = try TestRepository()
    try fixture.write("README", "x\n")
    try fixture.commit("base")
    try fixture.git(["checkout", "-q", "-b", "feature"])
    // A human commit whose note says lines 1-2 came from a Cursor session and line 3 from a person.
    try fixture.write("src/app.swift", "a\nb\nc\nd\n")
    let commit = try fixture.commit("human commit with a note")
    try fixture.git(
      ["notes", "--ref", "refs/notes/ai", "add", "-m", Self.note, commit],
      extraEnvironment: [
        "GIT_AUTHOR_NAME": "git-ai", "GIT_AUTHOR_EMAIL": "ai@example.com",
        "GIT_COMMITTER_NAME": "git-ai", "GIT_COMMITTER_EMAIL": "ai@example.com",
      ])
    // A later edit above shifts the lines: the note still applies to the lines it covered.
    try fixture.write("src/app.swift", "new top\na\nb\nc\nd\n")
    try fixture.commit("another human commit")

    let repository = try Repository(discoveringFrom: fixture.path)
    let range = try RangeResolver.resolve(in: repository, range: "main..feature", base: nil, head: nil)
    let report = try Attributor(repository: repository, catalogue: .builtin).attribute(range)
    let lines = report.files.flatMap { $0.hunks.flatMap(\.lines) }
    let byText = Dictionary(uniqueKeysWithValues: lines.map { ($0.text, $0) })
    #expect(byText["a"]?.authorship == .ai && byText["a"]?.agent == "cursor" && byText["a"]?.model == "gpt-5")
    #expect(byText["a"]?.source == .note)
    #expect(byText["b"]?.authorship == .ai)
    #expect(byText["c"]?.authorship == .human && byText["c"]?.source == .note)
    #expect(byText["d"]?.authorship == .human && byText["d"]?.source == .commit)
    #expect(byText["new top"]?.source == .commit)
    #expect(report.notesRef == "refs/notes/ai")
    #expect(report.agents.first?.agent == "cursor" && report.agents.first?.lines == 2)
  }
}
