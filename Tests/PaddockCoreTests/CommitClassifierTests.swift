import PaddockChange
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
    // aider commits a person's own uncommitted edits under ` (aider)` as committer only: the person's work.
    Case(
      name: "Aider committer suffix alone", committer: "Ada Lovelace (aider) <ada@example.com>", message: "Fix\n",
      authorship: .human),
    Case(
      name: "Aider author and committer suffix", author: "Ada Lovelace (aider) <ada@example.com>",
      committer: "Ada Lovelace (aider) <ada@example.com>", message: "Fix\n", authorship: .ai, agent: "aider",
      kind: .identity),
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
    // Forms seen in public histories (2026): the agent's own mailbox or account with any name.
    Case(
      name: "Codex: GPT-5 Codex at codex@openai.com",
      message: "Fix\n\nCo-authored-by: GPT-5 Codex <codex@openai.com>\n", authorship: .ai, agent: "codex",
      model: "GPT-5 Codex", kind: .trailer),
    Case(
      name: "Codex: OpenAI Codex", message: "Fix\n\nCo-authored-by: OpenAI Codex <noreply@openai.com>\n",
      authorship: .ai, agent: "codex", kind: .trailer),
    Case(
      name: "Codex: Codex CLI Agent", message: "Fix\n\nCo-authored-by: Codex CLI Agent <noreply@openai.com>\n",
      authorship: .ai, agent: "codex", kind: .trailer),
    Case(
      name: "Codex: codex@openai.com", message: "Fix\n\nCo-authored-by: Codex <codex@openai.com>\n", authorship: .ai,
      agent: "codex", kind: .trailer),
    Case(
      name: "Codex: model name only (GPT-5)", message: "Fix\n\nCo-authored-by: GPT-5 <noreply@openai.com>\n",
      authorship: .ai, agent: "codex", model: "GPT-5", kind: .trailer),
    Case(
      name: "Codex: agent name as author", author: "Codex Agent <codex-agent@example.com>", message: "Fix\n",
      authorship: .ai, agent: "codex", kind: .identity),
    Case(
      name: "Copilot App", message: "Fix\n\nCo-authored-by: Copilot App <223556219+Copilot@users.noreply.github.com>\n",
      authorship: .ai, agent: "copilot", kind: .trailer),
    Case(
      name: "Copilot suggestions account",
      message:
        "Apply suggestion from @Copilot\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>\n",
      authorship: .ai, agent: "copilot", kind: .trailer),
    Case(
      name: "Copilot Autofix",
      message:
        "Fix\n\nCo-authored-by: Copilot Autofix powered by AI <62310815+github-advanced-security[bot]@users.noreply.github.com>\n",
      authorship: .ai, agent: "copilot", kind: .trailer),
    Case(
      name: "Copilot session trailer", message: "Fix\n\nCopilot-Session: 21420b11-5dae-49b6-ac77-965faec7f88b\n",
      authorship: .ai, agent: "copilot", kind: .trailer),
    Case(
      name: "Claude with any model name", message: "Fix\n\nCo-authored-by: Claude Fable 5 <noreply@anthropic.com>\n",
      authorship: .ai, agent: "claude-code", model: "Claude Fable 5", kind: .trailer),
    Case(
      name: "Claude Code mailbox", message: "Fix\n\nCo-authored-by: Claude Code <claude-code@anthropic.com>\n",
      authorship: .ai, agent: "claude-code", kind: .trailer),
    Case(
      name: "Claude Code author at claude@anthropic.com", author: "Claude Code <claude@anthropic.com>",
      committer: "Steve Yegge <stevey@sourcegraph.com>", message: "Fix\n", authorship: .ai, agent: "claude-code",
      kind: .identity),
    Case(
      name: "Generated with Claude Code without the link", message: "Fix\n\n🤖 Generated with Claude Code\n",
      authorship: .ai, agent: "claude-code", kind: .messageMarker),
    Case(
      name: "PR created with Claude Code", message: "Fix\n\nBody.\n\n_PR created with Claude Code_\n",
      authorship: .ai, agent: "claude-code", kind: .messageMarker),
    Case(
      name: "declarations at the start of a line",
      message: "Fix\n\nBody.\n\nThis was generated with the assistance of Claude Code.\n", authorship: .ai,
      agent: "claude-code", kind: .messageMarker),
    Case(
      name: "created using Claude Code", message: "Fix\n\n_Created using Claude Code_\n", authorship: .ai,
      agent: "claude-code", kind: .messageMarker),
    Case(
      name: "code written by Cursor", message: "Fix\n\n- Code was written by Cursor\n", authorship: .ai,
      agent: "cursor", kind: .messageMarker),
    Case(
      name: "Claude-Generated-By trailer", message: "Fix\n\nClaude-Generated-By: Claude Code (cli/claude=100%)\n",
      authorship: .ai, agent: "claude-code", kind: .trailer),
    Case(
      name: "Cursor with another name", message: "Fix\n\nCo-authored-by: Cursor <cursoragent@cursor.com>\n",
      authorship: .ai, agent: "cursor", kind: .trailer),
    Case(
      name: "Cursor Composer", message: "Fix\n\nCo-authored-by: Composer <noreply@cursor.com>\n", authorship: .ai,
      agent: "cursor", kind: .trailer),
    Case(
      name: "Devin bot login as co-author",
      message:
        "Fix\n\nCo-authored-by: devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>\n",
      authorship: .ai, agent: "devin", kind: .trailer),
    Case(
      name: "Devin bot login without the id",
      message: "Fix\n\nCo-authored-by: Devin <devin-ai-integration[bot]@users.noreply.github.com>\n",
      authorship: .ai, agent: "devin", kind: .trailer),
    Case(
      name: "opencode with the model as the name",
      message: "Fix\n\nCo-authored-by: x-ai/grok-4.5 <noreply@opencode.ai>\n",
      authorship: .ai, agent: "opencode", model: "x-ai/grok-4.5", kind: .trailer),
    Case(
      name: "Charm Crush", message: "Fix\n\nCo-Authored-By: Charm Crush <crush@charm.land>\n", authorship: .ai,
      agent: "crush", kind: .trailer),
    Case(
      name: "Generated with Crush", message: "Fix\n\n💘 Generated with Crush\n", authorship: .ai, agent: "crush",
      kind: .messageMarker),
    Case(
      name: "Assisted-by model via Crush", message: "Fix\n\nAssisted-by: GLM-4.7 via Crush\n", authorship: .ai,
      agent: "crush", model: "GLM-4.7", kind: .trailer),
    Case(
      name: "Gemini CLI bot", author: "gemini-cli[bot] <218312386+gemini-cli[bot]@users.noreply.github.com>",
      message: "Fix\n", authorship: .ai, agent: "gemini", kind: .identity),
    Case(
      name: "Gemini Code Assist without the id",
      message: "Fix\n\nCo-authored-by: gemini-code-assist[bot] <gemini-code-assist[bot]@users.noreply.github.com>\n",
      authorship: .ai, agent: "gemini", kind: .trailer),
    Case(
      name: "Sentry Seer", author: "seer-by-sentry[bot] <157164994+seer-by-sentry[bot]@users.noreply.github.com>",
      message: "Fix\n", authorship: .ai, agent: "sentry-seer", kind: .identity),
    Case(
      name: "Sentry Junior", author: "sentry-junior[bot] <264270552+sentry-junior[bot]@users.noreply.github.com>",
      message: "Fix\n", authorship: .ai, agent: "sentry-junior", kind: .identity),
    Case(
      name: "Gas Town Executed-By", author: "emma <steve.yegge@gmail.com>",
      message: "Fix\n\nExecuted-By: beads/crew/emma\nRig: beads\nRole: crew\n", authorship: .ai, agent: "gastown",
      kind: .trailer),
    Case(
      name: "Gas Town role identity", author: "beads/crew/emma <steve.yegge@gmail.com>", message: "Fix\n",
      authorship: .ai, agent: "gastown", kind: .identity),
    Case(
      name: "agent signature line", message: "Fix\n\n_codex-gpt-5.5-medium on behalf of maphew_\n", authorship: .ai,
      agent: "codex", kind: .messageMarker),
    Case(
      name: "Agent-Signature trailer", message: "Fix\n\nAgent-Signature: claude-opus-4-8-medium on behalf of maphew\n",
      authorship: .ai, agent: "claude-code", model: "opus-4-8-medium", kind: .trailer),
    // Honest AI commits as squash merges and pull-request bodies carry them: read leniently, and say so.
    Case(
      name: "indented by git merge --squash",
      message:
        "Squashed commit of the following:\n\n    Fix\n\n    Co-Authored-By: Claude Sonnet 4.5 <noreply@anthropic.com>\n",
      authorship: .ai, agent: "claude-code", kind: .trailerLine),
    Case(
      name: "in a squash bullet, lower case, trailing period",
      message: "Fix (#12)\n\n* Fix\n* Co-authored-by: claude opus 4.5 <noreply@anthropic.com>.\n\nMore text.\n",
      authorship: .ai, agent: "claude-code", kind: .trailerLine),
    Case(
      name: "in backticks",
      message: "Fix\n\nPaste:\n`Co-Authored-By: Claude Fable 5 <noreply@anthropic.com>`\n\nEnd.\n",
      authorship: .ai, agent: "claude-code", kind: .trailerLine),
    Case(
      name: "after a literal backslash-n",
      message:
        "Fix\n\nBody text.\\n\\nCo-authored-by: Copilot App <223556219+Copilot@users.noreply.github.com>\n\nEnd.\n",
      authorship: .ai, agent: "copilot", kind: .trailerLine),
    Case(
      name: "agent signature after literal backslash-n",
      message: "Fix\n\nBody.\\n\\n_codex-gpt-5.5-medium on behalf of matt wilkie_\n", authorship: .ai, agent: "codex",
      kind: .messageMarker),
    Case(
      name: "Nori",
      message: "Fix\n\n🤖 Generated with [Nori](https://nori.ai)\n\nCo-Authored-By: Nori <contact@tilework.tech>\n",
      authorship: .ai, agent: "nori", kind: .trailer),
    Case(
      name: "SageOx", message: "Fix\n\nCo-Authored-By: SageOx <ox@sageox.ai>\n", authorship: .ai, agent: "sageox",
      kind: .trailer),
    Case(
      name: "Clawdbot author", author: "Clawdbot <clawdbot@localhost>", message: "Fix\n", authorship: .ai,
      agent: "clawdbot", kind: .identity),
    // An agent that only committed a person's commit did not write it.
    Case(
      name: "an agent committing a person's commit", author: "Aaron Lippold <lippold@gmail.com>",
      committer: "gastown/crew/george <steve.yegge@gmail.com>", message: "Add backup manifest\n", authorship: .human),
    Case(
      name: "Executed-By naming an agent that is not the author", author: "Aaron Lippold <lippold@gmail.com>",
      message: "fix: lint\n\nSigned-off-by: Aaron Lippold <lippold@gmail.com>\n\nExecuted-By: beads/crew/emma\n",
      authorship: .human),
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
      name: "a trailer in a fenced example is not evidence",
      message: "Docs\n\nAgents write:\n\n```\nCo-Authored-By: Claude <noreply@anthropic.com>\n```\n\nThat is all.\n",
      authorship: .human),
    Case(
      name: "prose about Claude Code is not a declaration",
      message: "Docs\n\nExplain how commits generated with Claude Code are marked.\n", authorship: .human),
    Case(
      name: "a person at a vendor's mailbox", author: "Jane Doe <noreply@openai.com>", message: "Fix\n",
      authorship: .ai, agent: "codex", kind: .identity),
    Case(
      name: "a person at cursor.com is not the agent", author: "Jane Doe <jane@cursor.com>", message: "Fix\n",
      authorship: .human),
    Case(
      name: "an unrecognised [bot] account is unknown",
      author: "acme-deployer[bot] <12+acme-deployer[bot]@users.noreply.github.com>",
      message: "Deploy\n", authorship: .unknown),
    Case(
      name: "a [bot] that only committed a person's commit", author: "Ada Lovelace <ada@example.com>",
      committer: "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>", message: "Fix\n",
      authorship: .human),
    // Bots are automation, neither an agent nor a person.
    Case(
      name: "Dependabot", author: "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>",
      message: "Bump x\n", authorship: .bot, agent: "dependabot", kind: .identity),
    Case(
      name: "Renovate", author: "renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>",
      message: "chore(deps): update actions/checkout action to v5\n", authorship: .bot, agent: "renovate",
      kind: .identity),
    Case(
      name: "GitHub Actions by name", author: "GitHub Actions <actions@github.com>", message: "Update dist\n",
      authorship: .bot, agent: "github-actions", kind: .identity),
    Case(
      name: "pre-commit.ci", author: "pre-commit-ci[bot] <66853113+pre-commit-ci[bot]@users.noreply.github.com>",
      message: "[pre-commit.ci] auto fixes\n", authorship: .bot, agent: "pre-commit-ci", kind: .identity),
    Case(
      name: "goreleaser", author: "goreleaserbot <bot@goreleaser.com>", message: "Brew formula update\n",
      authorship: .bot, agent: "goreleaser", kind: .identity),
    Case(
      name: "getsentry-bot", author: "getsentry-bot <bot@sentry.io>", message: "release: 0.1.0\n", authorship: .bot,
      agent: "getsentry-bot", kind: .identity),
    Case(
      name: "release-please", author: "release-please[bot] <55107282+release-please[bot]@users.noreply.github.com>",
      message: "chore(main): release 1.2.0\n", authorship: .bot, agent: "release-please", kind: .identity),
    Case(
      name: "a sync tool's commit under an agent's identity", author: "gastown/crew/george <steve.yegge@gmail.com>",
      message: "bd: backup 2026-03-06 01:12\n", authorship: .bot, agent: "beads-sync", kind: .messageMarker),
    Case(
      name: "an agent's trailer beats a bot's subject",
      message: "bd sync: 2025-12-31 13:22:59\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n", authorship: .ai,
      agent: "claude-code", kind: .trailer),
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
