/// The agents Paddock recognises out of the box, from what each tool writes
/// into commits by default or by a common setting.
///
/// Identity patterns match `Name <email>` as one string. Agents are recognised by what does not drift: an
/// agent's own mailbox or account (`…+Copilot@users.noreply.github.com`, `cursoragent@cursor.com`,
/// `noreply@opencode.ai`) with any display name, since the name often carries a model that changes every few
/// months. A vendor's shared `noreply@` mailbox that people have also claimed (`noreply@anthropic.com`) needs the
/// agent's name too, in any case and with any model after it.
package enum BuiltinAgents {
  /// GitHub's bot e-mail form, `<numeric id>+<login>@users.noreply.github.com`, or the same without the id (as
  /// squash merges sometimes write it).
  private static func githubBot(_ login: String, id: String = #"\d+"#) -> String {
    #"<(?:"# + id + #"\+)?"# + login + #"@users\.noreply\.github\.com>"#
  }

  /// The full built-in catalogue, in the order ties are broken.
  package static let all: [AgentDefinition] = [
    AgentDefinition(
      id: "claude-code", name: "Claude Code",
      aliases: ["claude", "claude code", "claude-code", "claude-web", "anthropic"],
      markers: [
        // Any model after the name (`Claude Fable 5`), any case (squash bodies write `claude opus 4.5`), and the
        // other mailboxes Claude Code has used.
        AgentMarker(
          id: "claude-code/co-author", kind: .identity,
          pattern:
            #"(?i)^(?:Claude(?: Code)?|(?<model>Claude [^<]*?))\s*<(?:noreply|claude|claude-code|support)@anthropic\.com>$"#
        ),
        AgentMarker(
          id: "claude-code/bot", kind: .identity,
          pattern: #"^claude\[bot\] "# + githubBot(#"claude\[bot\]"#) + "$"),
        // With or without the link, and the declarations people and agents write at the start of a line of a
        // pull-request body (`_PR created with Claude Code_`, `Created by Claude Code (Opus 4)`).
        AgentMarker(
          id: "claude-code/generated-with", kind: .message,
          pattern:
            #"(?i)^[\W_]*(?:generated|created|written|implemented|developed) (?:with|by|using) \[?Claude Code(?:[^A-Za-z0-9]|$)"#
        ),
        AgentMarker(
          id: "claude-code/declared", kind: .message,
          pattern:
            #"(?i)^[\W_]*(?:this(?: PR| pull request| change| commit| code)?|PR|pull request|change|commit|code)(?: was)? (?:created|generated|written|implemented|developed) (?:with|by|using)(?: (?:the )?(?:help|assistance) (?:of|from))? \[?Claude Code(?:[^A-Za-z0-9]|$)"#
        ),
        AgentMarker(
          id: "claude-code/generated-by-trailer", kind: .trailer, keys: ["Claude-Generated-By"],
          pattern: #"(?i)claude"#),
        AgentMarker(id: "claude-code/signature", kind: .message, pattern: #"(?i)^_?claude-[\w.-]+ on behalf of "#),
        AgentMarker(
          id: "claude-code/session", kind: .trailer, keys: ["Claude-Session"], pattern: #"claude\.ai/code/session_"#),
      ]),
    AgentDefinition(
      id: "aider", name: "Aider", aliases: ["aider"],
      markers: [
        AgentMarker(
          id: "aider/co-author", kind: .identity,
          pattern: #"^aider(?: \((?<model>[^)]+)\))? <(?:aider@aider\.chat|noreply@aider\.(?:dev|chat))>$"#),
        // The author's name with ` (aider)`: aider wrote the change. A committer alone with the suffix means aider
        // committed a person's own edits (aider's git documentation), which the classifier reads as the person's.
        AgentMarker(id: "aider/name-suffix", kind: .identity, pattern: #"^.+ \(aider\) <[^>]*>$"#),
        AgentMarker(id: "aider/subject-prefix", kind: .message, pattern: #"\Aaider: "#),
      ]),
    AgentDefinition(
      id: "codex", name: "OpenAI Codex", aliases: ["codex", "openai codex", "codex-cli", "codex-cloud"],
      markers: [
        // OpenAI's agent mailboxes with any name: `OpenAI Codex`, `Codex CLI Agent`, `GPT-5 Codex` (the model).
        AgentMarker(
          id: "codex/co-author", kind: .identity,
          pattern:
            #"(?i)^(?:(?:OpenAI )?Codex(?: CLI)?(?: Agent)?|(?<model>[^<]*?))\s*<(?:noreply|codex)@openai\.com>$"#),
        AgentMarker(id: "codex/agent-name", kind: .identity, pattern: #"(?i)^Codex(?: CLI)? Agent <[^>]*>$"#),
        AgentMarker(id: "codex/signature", kind: .message, pattern: #"(?i)^_?codex-[\w.-]+ on behalf of "#),
      ]),
    AgentDefinition(
      id: "copilot", name: "GitHub Copilot",
      aliases: ["copilot", "github copilot", "github-copilot", "github-copilot-agent", "copilot-swe-agent"],
      markers: [
        // GitHub's Copilot accounts (the coding agent 198982749, the CLI 223556219, suggestions 175728472, and
        // any later one) with any name: `Copilot`, `Copilot App`, `Copilot Autofix powered by AI`.
        AgentMarker(
          id: "copilot/coding-agent", kind: .identity,
          pattern: #"(?i)^[^<]*"# + githubBot("(?:Copilot|copilot-swe-agent\\[bot\\])") + "$"),
        AgentMarker(id: "copilot/vscode", kind: .identity, pattern: #"^Copilot <copilot@github\.com>$"#),
        AgentMarker(
          id: "copilot/autofix", kind: .identity,
          pattern: #"^Copilot Autofix[^<]*"# + githubBot(#"github-advanced-security\[bot\]"#) + "$"),
        AgentMarker(id: "copilot/session", kind: .trailer, keys: ["Copilot-Session"], pattern: #"\S"#),
      ]),
    AgentDefinition(
      id: "cursor", name: "Cursor", aliases: ["cursor", "cursor agent", "cursor-agent"],
      markers: [
        // Cursor's agent mailboxes with any name (`Cursor Agent`, `Cursor`, `Composer`, `cursoragent`).
        AgentMarker(
          id: "cursor/agent", kind: .identity,
          pattern: #"(?i)^[^<]*<(?:cursoragent|cursor-agent|composer|noreply)@cursor\.(?:com|sh)>$"#),
        AgentMarker(id: "cursor/made-with", kind: .trailer, keys: ["Made-with"], pattern: #"^Cursor\b"#),
        AgentMarker(
          id: "cursor/declared", kind: .message,
          pattern:
            #"(?i)^[\W_]*(?:this(?: PR| pull request| change| commit| code)?|PR|pull request|change|commit|code)(?: was)? (?:created|generated|written|implemented) (?:with|by|using) Cursor(?:[^A-Za-z0-9]|$)"#
        ),
        AgentMarker(id: "cursor/session", kind: .trailer, keys: ["Cursor-Session"], pattern: #"\S"#),
      ]),
    AgentDefinition(
      id: "jules", name: "Google Jules", aliases: ["jules", "google jules"],
      markers: [
        AgentMarker(
          id: "jules/bot", kind: .identity,
          pattern: #"^[^<]*"# + githubBot(#"google-labs-jules\[bot\]"#) + "$")
      ]),
    AgentDefinition(
      id: "devin", name: "Devin", aliases: ["devin", "devin ai"],
      markers: [
        AgentMarker(
          id: "devin/bot", kind: .identity,
          pattern: #"^Devin(?: AI)? "# + githubBot(#"devin-ai-integration\[bot\]"#) + "$"),
        AgentMarker(
          id: "devin/co-author", kind: .identity, pattern: #"^Devin(?: AI)? <[^>]*(?:devin|cognition)[^>]*>$"#),
        AgentMarker(
          id: "devin/any-name", kind: .identity, pattern: #"^[^<]*"# + githubBot(#"devin-ai-integration\[bot\]"#) + "$"),
        AgentMarker(id: "devin/generated-with", kind: .message, pattern: #"Generated with \[Devin\]"#),
      ]),
    AgentDefinition(
      id: "amp", name: "Amp", aliases: ["amp", "sourcegraph amp"],
      markers: [
        AgentMarker(id: "amp/co-author", kind: .identity, pattern: #"^Amp <amp@[^>]*>$"#),
        AgentMarker(id: "amp/signature", kind: .message, pattern: #"(?i)^_?amp-[\w.-]+ on behalf of "#),
        AgentMarker(
          id: "amp/thread", kind: .trailer, keys: ["Amp-Thread-ID", "Amp-Thread"], pattern: #"ampcode\.com/threads/"#),
      ]),
    AgentDefinition(
      id: "openhands", name: "OpenHands", aliases: ["openhands", "all-hands"],
      markers: [
        AgentMarker(id: "openhands/identity", kind: .identity, pattern: #"^openhands <openhands@all-hands\.dev>$"#)
      ]),
    AgentDefinition(
      id: "opencode", name: "OpenCode", aliases: ["opencode"],
      markers: [
        // opencode writes the model as the name: `x-ai/grok-4.5 <noreply@opencode.ai>`.
        AgentMarker(
          id: "opencode/co-author", kind: .identity,
          pattern: #"(?i)^(?:opencode|(?<model>[^<]*?))\s*<noreply@opencode\.ai>$"#),
        AgentMarker(
          id: "opencode/bot", kind: .identity,
          pattern: #"^opencode-agent\[bot\] "# + githubBot(#"opencode-agent\[bot\]"#) + "$"),
        AgentMarker(
          id: "opencode/generated-with", kind: .message,
          pattern: #"Generated with \[opencode\]\(https://opencode\.ai\)"#),
      ]),
    AgentDefinition(
      id: "gemini", name: "Gemini", aliases: ["gemini", "gemini cli", "gemini-cli", "gemini code assist"],
      markers: [
        AgentMarker(
          id: "gemini/code-assist", kind: .identity,
          pattern: #"^[^<]*"# + githubBot(#"gemini-code-assist\[bot\]"#) + "$"),
        // The Gemini CLI's own agent account, which opens pull requests with agent-written code.
        AgentMarker(
          id: "gemini/cli-bot", kind: .identity, pattern: #"^[^<]*"# + githubBot(#"gemini-cli\[bot\]"#) + "$"),
        AgentMarker(id: "gemini/sign-off", kind: .trailer, keys: ["Signed-off-by"], pattern: #"^Gemini\b"#),
        AgentMarker(
          id: "gemini/co-author", kind: .identity,
          pattern: #"^(?:Gemini|(?<model>Gemini [^<]+?))\s*<noreply@google\.com>$"#),
      ]),
    AgentDefinition(
      id: "factory-droid", name: "Factory Droid", aliases: ["droid", "factory", "factory droid", "factory-droid"],
      markers: [
        AgentMarker(
          id: "factory-droid/bot", kind: .identity, pattern: #"^[^<]*"# + githubBot(#"factory-droid\[bot\]"#) + "$")
      ]),
    AgentDefinition(
      id: "windsurf", name: "Windsurf", aliases: ["windsurf", "codeium", "cascade"],
      markers: [
        AgentMarker(
          id: "windsurf/co-author", kind: .identity,
          pattern: #"^(?:Windsurf|Codeium|Cascade) <noreply@(?:codeium|windsurf)\.com>$"#)
      ]),
    AgentDefinition(
      id: "crush", name: "Crush", aliases: ["crush", "charm crush"],
      markers: [
        AgentMarker(id: "crush/co-author", kind: .identity, pattern: #"(?i)^[^<]*<crush@charm\.land>$"#),
        AgentMarker(
          id: "crush/generated-with", kind: .message, pattern: #"(?i)^[\W_]*Generated with \[?Crush(?:[^A-Za-z0-9]|$)"#),
      ]),
    AgentDefinition(
      id: "entire", name: "Entire", aliases: ["entire"],
      markers: [
        AgentMarker(
          id: "entire/checkpoint", kind: .trailer, keys: ["Entire-Checkpoint"], pattern: #"^[0-9a-fA-F]{6,}$"#),
        AgentMarker(id: "entire/attribution", kind: .trailer, keys: ["Entire-Attribution"], pattern: #"\d+% agent"#),
      ]),
    AgentDefinition(
      id: "sentry-seer", name: "Sentry Seer", aliases: ["seer", "sentry seer", "sentry autofix"],
      markers: [
        AgentMarker(
          id: "sentry-seer/bot", kind: .identity,
          pattern: #"^[^<]*"# + githubBot(#"(?:seer-by-sentry|sentry-autofix)\[bot\]"#) + "$")
      ]),
    AgentDefinition(
      id: "sentry-junior", name: "Sentry Junior", aliases: ["junior", "sentry junior"],
      markers: [
        AgentMarker(
          id: "sentry-junior/bot", kind: .identity,
          pattern: #"^[^<]*"# + githubBot(#"sentry-junior\[bot\]"#) + "$"),
        AgentMarker(
          id: "sentry-junior/identity", kind: .identity, pattern: #"(?i)^[^<]*<junior(?:\[bot\])?@sentry\.io>$"#),
      ]),
    // Gas Town runs coding agents under role identities (`<rig>/crew/<name>`, `<rig>/polecats/<name>`, the mayor,
    // the refinery), and its hooks add `Executed-By: <rig>/crew/<name>`.
    AgentDefinition(
      id: "gastown", name: "Gas Town", aliases: ["gastown", "gas town"],
      markers: [
        AgentMarker(
          id: "gastown/role", kind: .identity,
          pattern: #"^(?:[\w.-]+/(?:crew|polecats)/[\w.-]+|(?:[\w.-]+/)?(?:mayor|refinery|witness|deacon)) <[^>]*>$"#),
        AgentMarker(
          id: "gastown/executed-by", kind: .trailer, keys: ["Executed-By"],
          pattern: #"^[\w.-]+/(?:crew|polecats)/[\w.-]+$"#),
      ]),
    AgentDefinition(
      id: "nori", name: "Nori", aliases: ["nori"],
      markers: [
        AgentMarker(id: "nori/co-author", kind: .identity, pattern: #"^Nori <contact@tilework\.tech>$"#),
        AgentMarker(id: "nori/generated-with", kind: .message, pattern: #"Generated with \[Nori\]\(https://nori\.ai"#),
      ]),
    AgentDefinition(
      id: "sageox", name: "SageOx", aliases: ["sageox"],
      markers: [AgentMarker(id: "sageox/co-author", kind: .identity, pattern: #"(?i)^[^<]*<ox@sageox\.ai>$"#)]),
    AgentDefinition(
      id: "clawdbot", name: "Clawdbot", aliases: ["clawdbot", "moltbot", "openclaw"],
      markers: [AgentMarker(id: "clawdbot/identity", kind: .identity, pattern: #"(?i)^(?:Clawdbot|Moltbot) <[^>]*>$"#)]),
    // Policy trailers people write about their own work. The agent and model are
    // read from the value (`Claude:claude-3-opus`, `Claude Code (claude-sonnet-4)`).
    AgentDefinition(
      id: "declared", name: "Declared AI assistance", aliases: [],
      markers: [
        AgentMarker(id: "policy/assisted-by", kind: .policy, keys: ["Assisted-by"]),
        AgentMarker(id: "policy/generated-by", kind: .policy, keys: ["Generated-by"]),
        AgentMarker(id: "policy/ai-assisted", kind: .policy, keys: ["AI-Assisted"]),
        AgentMarker(id: "policy/co-authored-by-ai", kind: .policy, keys: ["Co-authored-by-AI"]),
        AgentMarker(id: "policy/ai-tool", kind: .policy, keys: ["AI-Tool"]),
        AgentMarker(id: "policy/agent-signature", kind: .policy, keys: ["Agent-Signature"]),
      ]),
  ]
}
