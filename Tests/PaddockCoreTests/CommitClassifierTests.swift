import PaddockCore
import PaddockGit
import Testing

/// Every marker in the reference table is recognised, with its agent, model and evidence kind;
/// look-alikes are not.
@Suite struct CommitClassifierTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var author = "Ada Lovelace <ada@example.com>"
    var committer: String? = nil
    var message: String
    var authorship: Authorship
    var agent: String? = nil
    var model: String? = nil
    var kind: EvidenceKind? = nil
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "Claude Code trailer", message: "Fix\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n",
      authorship: .ai, agent: "claude-code", kind: .trailer),
    Case(
      name: "Claude Code trailer with model",
      message: "Fix\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>\n",
      authorship: .ai, agent: "claude-code", model: "Claude Opus 4.5", kind: .trailer),
    Case(
      name: "Claude Code marker only",
      message: "Fix\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n",
      authorship: .ai, agent: "claude-code", kind: .messageMarker),
    Case(
      name: "Claude trailer git does not parse (same paragraph as the marker)",
      message:
        "Fix\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\nCo-Authored-By: Claude <noreply@anthropic.com>\n",
      authorship: .ai, agent: "claude-code", kind: .trailerLine),
    Case(
      name: "Claude session trailer", message: "Fix\n\nClaude-Session: https://claude.ai/code/session_01abc\n",
      authorship: .ai, agent: "claude-code", kind: .trailer),
    Case(
      name: "claude[bot] author", author: "claude[bot] <209825114+claude[bot]@users.noreply.github.com>",
      message: "Fix\n", authorship: .ai, agent: "claude-code", kind: .identity),
    Case(
      name: "Aider name suffix", author: "Ada Lovelace (aider) <ada@example.com>", message: "Fix\n",
      authorship: .ai, agent: "aider", kind: .identity),
    Case(
      name: "Aider committer suffix", committer: "Ada Lovelace (aider) <ada@example.com>", message: "Fix\n",
      authorship: .ai, agent: "aider", kind: .identity),
    Case(
      name: "Aider trailer with model", message: "Fix\n\nCo-authored-by: aider (gpt-4o) <aider@aider.chat>\n",
      authorship: .ai, agent: "aider", model: "gpt-4o", kind: .trailer),
    Case(
      name: "Aider old e-mail", message: "Fix\n\nCo-authored-by: aider (o3) <noreply@aider.dev>\n",
      authorship: .ai, agent: "aider", model: "o3", kind: .trailer),
    Case(
      name: "Aider subject prefix", message: "aider: Fix the parser\n", authorship: .ai, agent: "aider",
      kind: .messageMarker),
    Case(
      name: "Codex", message: "Fix\n\nCo-authored-by: Codex <noreply@openai.com>\n", authorship: .ai, agent: "codex",
      kind: .trailer),
    Case(
      name: "Copilot coding agent author",
      author: "Copilot <198982749+Copilot@users.noreply.github.com>", message: "Fix\n",
      authorship: .ai, agent: "copilot", kind: .identity),
    Case(
      name: "Copilot squash trailer",
      message: "Fix\n\nCo-authored-by: copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>\n",
      authorship: .ai, agent: "copilot", kind: .trailer),
    Case(
      name: "Copilot CLI", message: "Fix\n\nCo-authored-by: Copilot <223556219+Copilot@users.noreply.github.com>\n",
      authorship: .ai, agent: "copilot", kind: .trailer),
    Case(
      name: "VS Code Copilot", message: "Fix\n\nCo-authored-by: Copilot <copilot@github.com>\n",
      authorship: .ai, agent: "copilot", kind: .trailer),
    Case(
      name: "Cursor agent author", author: "Cursor Agent <cursoragent@cursor.com>", message: "Fix\n",
      authorship: .ai, agent: "cursor", kind: .identity),
    Case(
      name: "Cursor made-with", message: "Fix\n\nMade-with: Cursor\n", authorship: .ai, agent: "cursor", kind: .trailer),
    Case(
      name: "Jules",
      message:
        "Fix\n\nCo-authored-by: google-labs-jules[bot] <161369871+google-labs-jules[bot]@users.noreply.github.com>\n",
      authorship: .ai, agent: "jules", kind: .trailer),
    Case(
      name: "Devin author", author: "Devin AI <158243242+devin-ai-integration[bot]@users.noreply.github.com>",
      message: "Fix\n", authorship: .ai, agent: "devin", kind: .identity),
    Case(
      name: "Amp",
      message: "Fix\n\nCo-authored-by: Amp <amp@ampcode.com>\nAmp-Thread-ID: https://ampcode.com/threads/T-123\n",
      authorship: .ai, agent: "amp", kind: .trailer),
    Case(
      name: "OpenHands author", author: "openhands <openhands@all-hands.dev>", message: "Fix\n",
      authorship: .ai, agent: "openhands", kind: .identity),
    Case(
      name: "OpenCode",
      message:
        "Fix\n\n🤖 Generated with [opencode](https://opencode.ai)\n\nCo-Authored-By: opencode <noreply@opencode.ai>\n",
      authorship: .ai, agent: "opencode", kind: .trailer),
    Case(
      name: "Gemini Code Assist",
      message:
        "Fix\n\nCo-authored-by: gemini-code-assist[bot] <176961590+gemini-code-assist[bot]@users.noreply.github.com>\n",
      authorship: .ai, agent: "gemini", kind: .trailer),
    Case(
      name: "Gemini CLI by hand", message: "Fix\n\nCo-Authored-By: Gemini <noreply@google.com>\n",
      authorship: .ai, agent: "gemini", kind: .trailer),
    Case(
      name: "Factory Droid", author: "droid <123+factory-droid[bot]@users.noreply.github.com>", message: "Fix\n",
      authorship: .ai, agent: "factory-droid", kind: .identity),
    Case(
      name: "Windsurf", message: "Fix\n\nCo-authored-by: Windsurf <noreply@windsurf.com>\n", authorship: .ai,
      agent: "windsurf", kind: .trailer),
    Case(
      name: "Crush", message: "Fix\n\nCo-Authored-By: Crush <crush@charm.land>\n", authorship: .ai, agent: "crush",
      kind: .trailer),
    Case(
      name: "Entire", message: "Fix\n\nEntire-Checkpoint: 1a2b3c4d\nEntire-Attribution: 73% agent (146/200 lines)\n",
      authorship: .ai, agent: "entire", kind: .trailer),
    Case(
      name: "Kernel Assisted-by",
      message: "Fix\n\nAssisted-by: Claude:claude-3-opus coccinelle sparse\nSigned-off-by: Ada <ada@example.com>\n",
      authorship: .ai, agent: "claude-code", model: "claude-3-opus", kind: .trailer),
    Case(
      name: "Assisted-by Codex with model", message: "Fix\n\nAssisted-by: Codex:gpt-5\n",
      authorship: .ai, agent: "codex", model: "gpt-5", kind: .trailer),
    Case(
      name: "OpenStack Generated-By", message: "Fix\n\nGenerated-By: Claude Code (claude-sonnet-4)\n",
      authorship: .ai, agent: "claude-code", model: "claude-sonnet-4", kind: .trailer),
    Case(
      name: "AI-Assisted true", message: "Fix\n\nAI-Assisted: true\n", authorship: .ai, agent: "unspecified",
      kind: .trailer),
    Case(name: "AI-Assisted false", message: "Fix\n\nAI-Assisted: false\n", authorship: .human),
    Case(
      name: "Co-authored-by-AI", message: "Fix\n\nCo-authored-by-AI: Cursor (gpt-5)\n",
      authorship: .ai, agent: "cursor", model: "gpt-5", kind: .trailer),
    Case(
      name: "uncatalogued tool", message: "Fix\n\nAssisted-by: Zed:claude-sonnet-4\n",
      authorship: .ai, agent: "declared:zed", model: "claude-sonnet-4", kind: .trailer),
    // Look-alikes that must not count.
    Case(
      name: "bare noreply e-mail claimed by a person", author: "Jane Doe <noreply@anthropic.com>", message: "Fix\n",
      authorship: .human),
    Case(
      name: "bare noreply co-author with another name",
      message: "Fix\n\nCo-authored-by: Jane <noreply@anthropic.com>\n",
      authorship: .human),
    Case(name: "plain human", message: "Fix the thing\n\nSigned-off-by: Ada <ada@example.com>\n", authorship: .human),
    Case(
      name: "quoted trailer is not evidence", message: "Revert\n\n> Co-Authored-By: Claude <noreply@anthropic.com>\n",
      authorship: .human),
    Case(
      name: "unknown bot", author: "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>",
      message: "Bump x\n", authorship: .unknown),
  ]

  static func identity(_ text: String) -> Signature {
    let open = text.lastIndex(of: "<") ?? text.endIndex
    let name = text[..<open].trimmingCharacters(in: .whitespaces)
    let email = text[open...].dropFirst().dropLast()
    return Signature(name: name, email: String(email), time: 1_700_000_000, offsetMinutes: 0)
  }

  static func commit(_ testCase: Case) -> Commit {
    let id = ObjectID(hex: "0123456789abcdef0123456789abcdef01234567") ?? .zero
    return Commit(
      id: id, parents: [], author: identity(testCase.author),
      committer: identity(testCase.committer ?? testCase.author),
      message: testCase.message, trailers: Trailer.parse(testCase.message), tree: id)
  }

  @Test(arguments: cases)
  func classifies(_ testCase: Case) throws {
    let classifier = try CommitClassifier(catalogue: .builtin)
    let result = classifier.classify(Self.commit(testCase))
    #expect(result.authorship == testCase.authorship)
    #expect(result.agent == testCase.agent)
    if let model = testCase.model { #expect(result.model == model) }
    if let kind = testCase.kind { #expect(result.evidence.first?.kind == kind, "\(result.evidence)") }
    if testCase.authorship == .ai { #expect(result.evidence.first?.agent == testCase.agent) }
  }

  @Test func reviewEvidenceFromPeopleOnly() throws {
    let classifier = try CommitClassifier(catalogue: .builtin)
    let message =
      "Fix\n\nCo-Authored-By: Claude <noreply@anthropic.com>\nReviewed-by: Grace Hopper <grace@example.com>\nReviewed-by: Claude <noreply@anthropic.com>\nReviewed-by: Ada Lovelace <ada@example.com>\n"
    let result = classifier.classify(
      Self.commit(Case(name: "", message: message, authorship: .ai)))
    #expect(result.authorship == .ai)
    #expect(result.review.map(\.text) == ["Reviewed-by: Grace Hopper <grace@example.com>"])
    #expect(result.isReviewed)
    #expect(
      result.refusedReview.map(\.reason) == [
        "it names an agent", "it names the commit's own author; a review must come from someone else",
      ])
  }

  @Test func configurationExtendsAndOverridesTheCatalogue() throws {
    let yaml = """
      version: 1
      agents:
        - id: internal-bot
          name: Internal Bot
          identities: ['^ci-bot <ci@corp\\.example>$']
      aliases:
        - identity: 'Jane Doe (AI) <JANE+ai@corp.example>'
          agent: claude-code
          model: claude-opus-4-5
      disable: [claude-code/generated-with]
      review-trailers: [Approved-by]
      """
    let config = try PaddockConfig.parse(yaml, file: ".paddock.yml")
    let classifier = try CommitClassifier(catalogue: config.catalogue())
    func classify(author: String = "Ada <ada@example.com>", _ message: String) -> CommitClassification {
      classifier.classify(Self.commit(Case(name: "", author: author, message: message, authorship: .human)))
    }
    #expect(classify(author: "ci-bot <ci@corp.example>", "Build\n").agent == "internal-bot")
    let alias = classify(author: "Jane Doe (AI) <jane+ai@corp.example>", "Fix\n")
    #expect(alias.agent == "claude-code" && alias.model == "claude-opus-4-5")
    #expect(alias.evidence.first?.kind == .configuredAlias)
    #expect(classify("Fix\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n").authorship == .human)
    #expect(classify("Fix\n\nApproved-by: Grace <grace@example.com>\n").isReviewed)
    #expect(!classify("Fix\n\nReviewed-by: Grace <grace@example.com>\n").isReviewed)
  }

  @Test func configurationErrorsNameFileLineAndFix() throws {
    func failure(_ yaml: String) -> String {
      do {
        _ = try PaddockConfig.parse(yaml, file: "cfg.yml")
        return "no error"
      } catch {
        return "\(error)"
      }
    }
    #expect(failure("version: 1\nreview-trailer: [X]\n").hasPrefix("cfg.yml:2: unknown key `review-trailer`"))
    #expect(failure("version: 1\nreview-trailer: [X]\n").contains("did you mean `review-trailers`"))
    #expect(
      failure("agents:\n  - id: x\n    identities: ['(unclosed']\n").hasPrefix(
        "cfg.yml:3: has an invalid regular expression"))
    #expect(failure("disable: [no-such-marker]\n").contains("neither an agent nor a marker"))
    #expect(failure("version: 2\n").contains("set `version: 1`"))
    #expect(failure("agents: [\n").contains("is not valid YAML"))
  }
}
