/// The agents Paddock recognises out of the box, from what each tool writes
/// into commits by default or by a common setting.
///
/// Identity patterns match `Name <email>` as one string, so a bare noreply
/// e-mail never matches on its own: the name must agree too.
public enum BuiltinAgents {
  /// GitHub's bot e-mail form: `<numeric id>+<login>@users.noreply.github.com`.
  private static func githubBot(_ login: String, id: String = #"\d+"#) -> String {
    #"<"# + id + #"\+"# + login + #"@users\.noreply\.github\.com>"#
  }

  /// The full built-in catalogue, in the order ties are broken.
  public static let all: [AgentDefinition] = [
    AgentDefinition(
      id: "claude-code", name: "Claude Code",
      aliases: ["claude", "claude code", "claude-code", "claude-web", "anthropic"],
      markers: [
        AgentMarker(
          id: "claude-code/co-author", kind: .identity,
          pattern: #"^(?:Claude|(?<model>Claude (?:Opus|Sonnet|Haiku|Code|\d)[^<]*?))\s*<noreply@anthropic\.com>$"#),
        AgentMarker(
          id: "claude-code/bot", kind: .identity,
          pattern: #"^claude\[bot\] "# + githubBot(#"claude\[bot\]"#) + "$"),
        AgentMarker(
          id: "claude-code/generated-with", kind: .message,
          pattern: #"Generated with \[Claude Code\]\((?:https://claude\.(?:ai|com)/(?:claude-)?code)[^)]*\)"#),
        AgentMarker(
          id: "claude-code/session", kind: .trailer, keys: ["Claude-Session"], pattern: #"claude\.ai/code/session_"#),
      ]),
    AgentDefinition(
      id: "aider", name: "Aider", aliases: ["aider"],
      markers: [
        AgentMarker(
          id: "aider/co-author", kind: .identity,
          pattern: #"^aider(?: \((?<model>[^)]+)\))? <(?:aider@aider\.chat|noreply@aider\.(?:dev|chat))>$"#),
        AgentMarker(id: "aider/name-suffix", kind: .identity, pattern: #"^.+ \(aider\) <[^>]*>$"#),
        AgentMarker(id: "aider/subject-prefix", kind: .message, pattern: #"\Aaider: "#),
      ]),
    AgentDefinition(
      id: "codex", name: "OpenAI Codex", aliases: ["codex", "openai codex", "codex-cli", "codex-cloud"],
      markers: [
        AgentMarker(id: "codex/co-author", kind: .identity, pattern: #"^Codex <noreply@openai\.com>$"#)
      ]),
    AgentDefinition(
      id: "copilot", name: "GitHub Copilot",
      aliases: ["copilot", "github copilot", "github-copilot", "github-copilot-agent", "copilot-swe-agent"],
      markers: [
        AgentMarker(
          id: "copilot/coding-agent", kind: .identity,
          pattern: #"^(?:Copilot|copilot-swe-agent\[bot\]) "# + githubBot("Copilot", id: "198982749") + "$"),
        AgentMarker(
          id: "copilot/cli", kind: .identity, pattern: #"^Copilot "# + githubBot("Copilot", id: "223556219") + "$"),
        AgentMarker(id: "copilot/vscode", kind: .identity, pattern: #"^Copilot <copilot@github\.com>$"#),
      ]),
    AgentDefinition(
      id: "cursor", name: "Cursor", aliases: ["cursor", "cursor agent", "cursor-agent"],
      markers: [
        AgentMarker(id: "cursor/agent", kind: .identity, pattern: #"^Cursor Agent <cursoragent@cursor\.com>$"#),
        AgentMarker(id: "cursor/made-with", kind: .trailer, keys: ["Made-with"], pattern: #"^Cursor\b"#),
        AgentMarker(id: "cursor/session", kind: .trailer, keys: ["Cursor-Session"], pattern: #"\S"#),
      ]),
    AgentDefinition(
      id: "jules", name: "Google Jules", aliases: ["jules", "google jules"],
      markers: [
        AgentMarker(
          id: "jules/bot", kind: .identity,
          pattern: #"^google-labs-jules\[bot\] "# + githubBot(#"google-labs-jules\[bot\]"#) + "$")
      ]),
    AgentDefinition(
      id: "devin", name: "Devin", aliases: ["devin", "devin ai"],
      markers: [
        AgentMarker(
          id: "devin/bot", kind: .identity,
          pattern: #"^Devin(?: AI)? "# + githubBot(#"devin-ai-integration\[bot\]"#) + "$"),
        AgentMarker(
          id: "devin/co-author", kind: .identity, pattern: #"^Devin(?: AI)? <[^>]*(?:devin|cognition)[^>]*>$"#),
        AgentMarker(id: "devin/generated-with", kind: .message, pattern: #"Generated with \[Devin\]"#),
      ]),
    AgentDefinition(
      id: "amp", name: "Amp", aliases: ["amp", "sourcegraph amp"],
      markers: [
        AgentMarker(id: "amp/co-author", kind: .identity, pattern: #"^Amp <amp@ampcode\.com>$"#),
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
        AgentMarker(id: "opencode/co-author", kind: .identity, pattern: #"^opencode <noreply@opencode\.ai>$"#),
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
          pattern: #"^gemini-code-assist\[bot\] "# + githubBot(#"gemini-code-assist\[bot\]"#) + "$"),
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
        AgentMarker(id: "crush/co-author", kind: .identity, pattern: #"^Crush <crush@charm\.land>$"#)
      ]),
    AgentDefinition(
      id: "entire", name: "Entire", aliases: ["entire"],
      markers: [
        AgentMarker(
          id: "entire/checkpoint", kind: .trailer, keys: ["Entire-Checkpoint"], pattern: #"^[0-9a-fA-F]{6,}$"#),
        AgentMarker(id: "entire/attribution", kind: .trailer, keys: ["Entire-Attribution"], pattern: #"\d+% agent"#),
      ]),
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
      ]),
  ]
}
