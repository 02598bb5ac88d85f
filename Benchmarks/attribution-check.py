#!/usr/bin/env python3
"""An independent labeller of commits: AI agent, bot, or person.

Written from what AI coding tools are known to write into commits (vendor docs and public
histories), not from Paddock's catalogue, so that the two can be compared. For every commit
in a range it prints one TSV line:

    sha  label  agent  evidence

label is `ai` (an AI coding agent wrote or co-wrote the commit), `bot` (dependency, release or
sync automation that is not an AI agent) or `human`. agent is the tool (`claude-code`, `codex`,
`copilot`, ...) for `ai`, else `-`. evidence lists what decided it, as `kind[strength]=text`
items joined by ` | ` (for `bot` and `human`: notes such as `author=...`).

Kinds of evidence (strength: strong = git's own trailer or an exact identity; medium = text
outside git's trailer block; weak = a name alone):
  author, committer          the commit's identities. An agent's own e-mail or GitHub account
                             counts with any display name (`*+Copilot@users.noreply.github.com`,
                             `noreply@openai.com`, `@cursor.com`, `devin-ai-integration[bot]`);
                             `noreply@anthropic.com` and other `@anthropic.com` addresses need a
                             `Claude` name.
  co-author                  a `Co-authored-by:` trailer that git itself parses
  co-author-line             the same outside git's trailer block: another paragraph, indented
                             by `git merge --squash`, a `* ` bullet of a GitHub squash body,
                             backticks, a literal `\n` escape, lower case, a trailing period
  sign-off                   `Signed-off-by:`/`Authored-by:` naming an agent
  trailer:K / trailer-line:K an agent trailer (Amp-Thread-ID, Made-with: Cursor, Claude-Session,
                             Claude-Generated-By, Copilot-Session, Entire-*, Executed-By) or a
                             policy trailer (Assisted-by, Generated-by, AI-Assisted, AI-Tool,
                             Co-authored-by-AI, Agent-Signature); `Assisted-by: GLM-4.7 via
                             Crush` is Crush
  message-line/generated-with  `Generated with [Claude Code](...)`, `Generated with Claude Code`,
                             `💘 Generated with Crush`, `🤖 Generated with [opencode](...)`
  message-line/declaration   a sentence that opens a paragraph or bullet: `This PR was created
                             with Claude Code`, `Code was written by Cursor`
  message-line/signature     `— Your friendly neighborhood Gemini` (a paragraph of its own)
  message-line/on-behalf-of  `_codex-gpt-5.5-medium on behalf of matt wilkie_`
  */name-only                an identity whose name alone is an agent's (`Codex Agent
                             <codex-agent@example.com>`, Gas Town role names `beads/crew/emma`)

Quoted text is not evidence: lines inside ``` fences, lines starting with `>`, lines wrapped in
double quotes, prose that mentions a trailer or tool mid-line, and sentences wrapped across
lines (a marker must start a paragraph, follow a finished sentence or be a bullet).

Who did the work:
  - aider: an AUTHOR named `... (aider)` is aider's work; a COMMITTER alone named `... (aider)`
    is a person's own change that aider committed (aider docs/git.md). Likewise any agent that
    is only the committer (a rebase or cherry-pick of someone else's commit).
  - `Executed-By:` (beads' prepare-commit-msg hook, from Gas Town's BD_ACTOR) says which agent ran
    `git commit`; it counts only when the author is that agent or its operator committing as
    themself, not on a bot's or a contributor's commit.
  - beads' issue-database commits (`bd sync: <date>`, `bd daemon sync: <date>`, `bd: backup
    <date>`) are automation whichever identity runs them.
  - an AI agent's evidence wins over a bot author (a dependency bump an agent repaired is `ai`).

Usage:
  attribution-check.py [-C DIR] [--rev REV ...]            TSV, one line per commit
  attribution-check.py [-C DIR] [--rev REV ...] --summary  counts per label and agent, evidence
                                                           kinds, identities, and an audit list of
                                                           agent- or bot-like identities, trailers
                                                           and lines that were not classified

Python 3 standard library and git only.
"""

import argparse
import collections
import re
import subprocess
import sys

# --------------------------------------------------------------------------------------------
# Agents

# Free-text tool names, for message lines and policy-trailer values. Order matters: the
# first pattern that matches at the start of the text (or after `via`) names the tool.
TOOL_NAMES = [
    (r"claude[\s-]*code|claude|anthropic|opus|sonnet|haiku", "claude-code"),
    (r"(?:openai\s+)?codex|chatgpt|gpt[\s-]?\d|openai|o[34](?:-mini)?\b", "codex"),
    (r"(?:github\s+)?copilot", "copilot"),
    (r"cursor(?:\s*agent)?", "cursor"),
    (r"gemini(?:\s+(?:cli|code(?:\s+assist)?))?", "gemini"),
    (r"antigravity", "antigravity"),
    (r"(?:google\s+)?jules", "jules"),
    (r"devin", "devin"),
    (r"amp\b|ampcode", "amp"),
    (r"opencode", "opencode"),
    (r"(?:charm\s+)?crush", "crush"),
    (r"aider", "aider"),
    (r"windsurf|codeium", "windsurf"),
    (r"openhands|open\s*hands|all-hands", "openhands"),
    (r"(?:factory\s+)?droid|factory\s*ai", "factory-droid"),
    (r"nori\b", "nori"),
    (r"seer\b", "seer"),
    (r"goose\b", "goose"),
    (r"cline\b", "cline"),
    (r"roo\s*code", "roo-code"),
    (r"kilo\s*code", "kilo-code"),
    (r"qwen(?:\s*code)?", "qwen-code"),
    (r"kiro\b", "kiro"),
    (r"grok", "grok"),
    (r"glm[\s-]?\d|deepseek|mistral|llama|kimi", "declared-model"),
]
TOOL_RES = [(re.compile(r"\b(?:" + p + r")", re.I), a) for p, a in TOOL_NAMES]


def tool_at_start(text):
    """The agent whose name starts `text` (after markup), or None."""
    t = re.sub(r"^[\s\[\]_*`'\"(]+", "", text)
    for rx, agent in TOOL_RES:
        if rx.match(t):
            return agent
    return None


def tool_in_value(value):
    """The tool a policy trailer value names: `X via Crush` is Crush, `Claude:claude-3-opus` is Claude."""
    via = re.search(r"\b(?:via|using|with|in)\s+(.+)$", value, re.I)
    if via:
        agent = tool_at_start(via.group(1))
        if agent:
            return agent
    agent = tool_at_start(value)
    if agent:
        return agent
    for rx, agent in TOOL_RES:
        if rx.search(value):
            return agent
    return None


# Agents' own e-mail addresses: any display name counts.
AGENT_EMAILS = {
    "noreply@openai.com": "codex",
    "codex@openai.com": "codex",
    "noreply@opencode.ai": "opencode",
    "crush@charm.land": "crush",
    "amp@ampcode.com": "amp",
    "aider@aider.chat": "aider",
    "noreply@aider.chat": "aider",
    "noreply@aider.dev": "aider",
    "openhands@all-hands.dev": "openhands",
    "noreply@codeium.com": "windsurf",
    "noreply@windsurf.com": "windsurf",
    "copilot@github.com": "copilot",
    "cursoragent@cursor.com": "cursor",
    "cursor-agent@cursor.com": "cursor",
    "cursor-agent@cursor.sh": "cursor",
    "noreply@cursor.com": "cursor",
    "noreply@cursor.sh": "cursor",
    "composer@cursor.com": "cursor",
    "yesreply@happy.engineering": "happy",  # Happy, a remote client for Claude Code / Codex
    "contact@tilework.tech": "nori",  # Nori (tilework.tech), with `Generated with [Nori](https://nori.ai)`
    "ox@sageox.ai": "sageox",
    "junior@sentry.io": "sentry-junior",
    "junior[bot]@sentry.io": "sentry-junior",
}

# GitHub logins (the part after `<id>+` in `@users.noreply.github.com`, or a `[bot]` name) of agents.
AGENT_LOGINS = {
    "copilot": "copilot",
    "copilot-swe-agent[bot]": "copilot",
    "claude[bot]": "claude-code",
    "devin-ai-integration[bot]": "devin",
    "google-labs-jules[bot]": "jules",
    "factory-droid[bot]": "factory-droid",
    "gemini-code-assist[bot]": "gemini",
    "gemini-cli[bot]": "gemini",  # google-gemini/gemini-cli's agentic bot (tools/gemini-cli-bot)
    "opencode-agent[bot]": "opencode",
    "chatgpt-codex-connector[bot]": "codex",
    "cursor[bot]": "cursor",
    "openhands-agent": "openhands",
    "amazon-q-developer[bot]": "amazon-q",
    "coderabbitai[bot]": "coderabbit",
    "sentry-junior[bot]": "sentry-junior",  # Sentry's Junior agent ("View Junior Session")
    "seer-by-sentry[bot]": "seer",  # "This fix was generated by Seer in Sentry"
    "sentry-autofix[bot]": "seer",
    "sentry[bot]": "seer",  # Seer's code-generation PRs open as the Sentry app (judged from the bodies)
    "fix-it-felix-sentry[bot]": "fix-it-felix",  # vulnerability-fix agent (judged from the bodies)
}

# Names that are an agent's whatever the e-mail (weak: anyone can set them).
AGENT_NAMES = {
    "claude": "claude-code",
    "claude code": "claude-code",
    "codex": "codex",
    "codex agent": "codex",
    "codex cli": "codex",
    "openai codex": "codex",
    "cursor agent": "cursor",
    "cursoragent": "cursor",
    "amp": "amp",
    "devin": "devin",
    "devin ai": "devin",
    "copilot": "copilot",
    "github copilot": "copilot",
    "opencode": "opencode",
    "crush": "crush",
    "aider": "aider",
    "jules": "jules",
    "clawdbot": "clawdbot",  # a personal AI agent (later Moltbot/OpenClaw)
    "openclaw": "clawdbot",
    "moltbot": "clawdbot",
    "gemini": "gemini",
    "gemini cli": "gemini",
}

# Gas Town (steveyegge/gastown) runs coding agents under role names and sets `BD_ACTOR`,
# from which beads' prepare-commit-msg hook writes `Executed-By: <actor>`.
GASTOWN_NAME = re.compile(
    r"^(?:[\w.-]+/)?(?:crew|polecats?|refinery|witness|deacon|mayor|dogs?|boot)(?:/[\w.-]+)?(?:\s*\(polecat\))?$"
    r"|^[\w.-]+/[\w.-]+ \((?:polecat|crew|refinery|witness)\)$",
    re.I,
)

CLAUDE_NAME = re.compile(r"\bclaude\b", re.I)

# Commits that tools write on their own, whoever's identity they run under: beads' issue-database sync
# and backup commits (`bd sync: 2025-12-31 13:22:59`, `bd daemon sync: ...`, `bd: backup 2026-03-06 00:42`).
AUTOMATION_SUBJECT = re.compile(r"^(?:bd (?:daemon )?sync|bd: backup)\b:? ?\d{4}-\d{2}-\d{2}")

# Bots that are not AI agents.
BOT_IDENTITIES = [
    (re.compile(r"^goreleaserbot$", re.I), None),
    (re.compile(r"^getsentry-bot$", re.I), None),
    (None, re.compile(r"^bot@(?:sentry\.io|getsentry\.com|goreleaser\.com)$", re.I)),
    (None, re.compile(r"^actions@github\.com$", re.I)),
    (re.compile(r"^github[- ]actions(?:\[bot\])?$", re.I), None),
    (re.compile(r"-robot$|^robot$", re.I), None),
    (re.compile(r"^(?:ci|release|build|deploy|sync|update)[ -]?bot$", re.I), None),
    (re.compile(r"^(?:dependabot|renovate|pre-commit-ci|release-please|mergify|snyk-bot|greenkeeper)\b", re.I), None),
]


def split_identity(text):
    """`Name <email>` -> (name, email); a bare name -> (name, '')."""
    text = re.sub(r"[.;,`]+$", "", text.strip())
    m = re.match(r"^\s*`?(.*?)\s*<\s*([^<>]*?)\s*>\s*$", text)
    if m:
        return m.group(1), m.group(2)
    return text.strip(), ""


def github_login(email):
    m = re.match(r"^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$", email, re.I)
    return m.group(1).lower() if m else None


def agent_identity(name, email, role):
    """(agent, strength, rule) when the identity is an AI agent's, else None."""
    lname, lemail = name.strip().lower(), email.strip().lower()
    login = github_login(lemail)
    if login is not None and login in AGENT_LOGINS:
        return AGENT_LOGINS[login], "strong", "github-login"
    if lname in AGENT_LOGINS and "[bot]" in lname:
        return AGENT_LOGINS[lname], "strong", "bot-name"
    if login == "github-advanced-security[bot]" and "copilot autofix" in lname:
        return "copilot", "strong", "copilot-autofix"
    if lemail in AGENT_EMAILS:
        return AGENT_EMAILS[lemail], "strong", "agent-email"
    if lemail.endswith("@anthropic.com") and CLAUDE_NAME.search(name):
        return "claude-code", "strong", "anthropic-claude"
    if lemail == "noreply@google.com":
        if re.search(r"antigravity", name, re.I):
            return "antigravity", "strong", "google-agent"
        if re.search(r"gemini|jules", name, re.I):
            return "gemini", "strong", "google-agent"
    if re.search(r"@(?:cursor\.com|cursor\.sh)$", lemail) and re.search(r"cursor|composer", name, re.I):
        return "cursor", "strong", "cursor-domain"
    if re.search(r"\s\(aider\)$", name, re.I):
        if role == "committer":
            return None  # aider committed a person's own change
        return "aider", "strong", "aider-suffix"
    # Weak forms: the name alone.
    if lname in AGENT_NAMES:
        return AGENT_NAMES[lname], "weak", "name-only"
    if re.search(r"\+\s*claude$", lname):
        return "claude-code", "weak", "name-only"
    if re.search(r"\bai\s+(?:assistant|agent)\b|\bcode\s+agent\b|\bcoding\s+agent\b", lname) and role == "sign-off":
        return "unknown-agent", "weak", "name-only"
    if GASTOWN_NAME.match(name.strip()):
        return "gastown", "weak", "name-only"
    if lname in GASTOWN_LEARNED["names"] and lemail in GASTOWN_LEARNED["emails"]:
        return "gastown", "weak", "name-only"
    return None


# Gas Town agents also commit under their bare name (`quartz <...>` for `beads/polecats/quartz`). The names
# are learned from the range's own `Executed-By:` trailers, and count only with an e-mail that a Gas Town
# role identity (`beads/crew/emma <...>`) uses in the same range.
GASTOWN_LEARNED = {"names": set(), "emails": set()}


def learn_gastown(commits):
    for commit in commits:
        for name, email in (commit["author"], commit["committer"]):
            if GASTOWN_NAME.match(name.strip()) and email:
                GASTOWN_LEARNED["emails"].add(email.strip().lower())
        for key, value in commit["trailers"]:
            if key.lower() == "executed-by" and re.match(r"^[\w.-]+(?:/[\w.-]+)+$", value.strip()):
                GASTOWN_LEARNED["names"].add(value.strip().split("/")[-1].lower())


def bot_identity(name, email):
    """True when the identity is automation that is not an AI agent."""
    if agent_identity(name, email, "author"):
        return False
    if "[bot]" in name.lower() or "[bot]" in email.lower():
        return True
    for name_rx, email_rx in BOT_IDENTITIES:
        if name_rx is not None and name_rx.search(name.strip()):
            return True
        if email_rx is not None and email_rx.search(email.strip()):
            return True
    return False


def looks_agentish(text):
    """An identity or value that might be an agent or bot, for the audit list."""
    return re.search(
        r"bot\b|\[bot\]|robot|agent|\bai\b|claude|codex|gpt|copilot|cursor|gemini|"
        r"jules|devin|aider|amp\b|ampcode|opencode|crush|windsurf|codeium|droid|llm|assistant|autofix|"
        r"automation|noreply@(?!github\.com)",
        text,
        re.I,
    )


# --------------------------------------------------------------------------------------------
# Message lines

CO_AUTHOR_KEYS = {"co-authored-by", "co-author", "coauthored-by", "co-authored", "coauthor"}
SIGN_OFF_KEYS = {"signed-off-by", "authored-by", "author"}

# Agent-specific trailer keys: key -> (value pattern, agent).
AGENT_TRAILERS = {
    "amp-thread-id": (r"ampcode\.com/threads/|^T-", "amp"),
    "amp-thread": (r"ampcode\.com/threads/|^T-", "amp"),
    "claude-session": (r".", "claude-code"),
    "claude-generated-by": (r".", "claude-code"),
    "made-with": (r"^cursor\b", "cursor"),
    "cursor-session": (r".", "cursor"),
    "copilot-session": (r".", "copilot"),
    "entire-checkpoint": (r"^[0-9a-f]{6,}$", "entire"),
    "entire-attribution": (r"\d+% agent", "entire"),
    "executed-by": (r"^[\w.-]+(?:/[\w.-]+)*$", "gastown"),
}

# Policy trailers people write about their own AI-assisted work: key -> needs a named tool?
POLICY_TRAILERS = {
    "assisted-by": False,
    "ai-assisted-by": False,
    "co-authored-by-ai": False,
    "ai-tool": False,
    "ai-model": False,
    "agent-signature": False,
    "ai-assisted": False,
    "generated-by": True,
    "ai-generated-by": False,
}

TRAILER_LINE = re.compile(r"^([A-Za-z0-9][A-Za-z0-9-]*)\s*:\s*(.*?)\s*$")

GENERATED = re.compile(
    r"^(?P<emoji>[^\w\s\[]+\s*)?(?:auto-?)?generated\s+(?:with|by|using)\s+(?P<tool>.+?)\s*$", re.I)
DECLARATION = re.compile(
    r"^(?:"
    r"(?:all\s+)?(?:(?:this|the)\s+)?(?:code\s+)?(?:pr|pull\s+request|commit|changes?|fix|patch|code|implementation)\s+"
    r"|this\s+|it\s+|signed-off\s+and\s+"
    r")?"
    r"(?:was\s+|is\s+|were\s+|has\s+been\s+|have\s+been\s+)?"
    r"(?:automatically\s+|fully\s+|entirely\s+|mostly\s+|largely\s+)?"
    r"(?:generated|created|written|implemented|authored|made|produced|built|drafted|coded|developed)"
    r"(?:\s+and\s+(?:reviewed|tested|committed|verified))?\s+"
    r"(?:with|by|using|via|in)\s*:?\s+(?:the\s+)?(?:(?:help|assistance|aid)\s+(?:of|from)\s+)?"
    r"(?:yours\s+truly:?\s+)?(?P<tool>.+?)\s*$",
    re.I,
)
# A signature closing the message: `— Your friendly neighborhood Gemini`.
SIGNATURE = re.compile(r"^(?:—|–|--|~)\s*(?:your\s+(?:[\w-]+\s+){0,3})?(?P<tool>.+)$", re.I)
ON_BEHALF = re.compile(r"^(?P<model>[\w.-]+)\s+on\s+behalf\s+of\s+\S.*$", re.I)


def clean_line(raw):
    """The line without indentation, bullet, wrapping backticks/emphasis and a trailing period.
    Returns None for a line that quotes (``> ...`` or wrapped in double quotes)."""
    s = raw.strip()
    if s.startswith(">"):
        return None
    s = re.sub(r"^(?:[-*+•]\s+)+", "", s)
    if len(s) >= 2 and s[0] in "\"“" and s[-1] in "\"”":
        return None
    for _ in range(3):
        s = re.sub(r"[.;,]+$", "", s).strip()
        if len(s) >= 2 and s[0] == s[-1] and s[0] in "`_*":
            s = s.strip(s[0]).strip()
    return s


def message_lines(message):
    """(line number, cleaned text, starts a unit?) for body lines that are not quoted, split at literal `\\n`.

    A line starts a unit when it opens a paragraph, follows a `---` rule or a finished sentence, or is a
    bullet: prose wrapped across lines does not."""
    lines = message.split("\n")
    fence = None
    out = []
    previous = ""
    for number, raw in enumerate(lines, 1):
        stripped = raw.strip()
        m = re.match(r"^(`{3,}|~{3,})", stripped)
        if m:
            if fence is None:
                fence = m.group(1)[0]
            elif m.group(1)[0] == fence:
                fence = None
            previous = ""
            continue
        if fence is not None or number == 1:
            previous = stripped
            continue
        following = lines[number].strip() if number < len(lines) else ""
        alone = previous == "" and following == ""
        starts_unit = (
            previous == ""
            or re.match(r"^[-*_=]{3,}$", previous) is not None
            or re.search(r"[.!?:*_)>]$", previous) is not None
            or previous.startswith("#")
            or re.match(r"^[-*+•]\s", stripped) is not None
        )
        # A marker wrapped across two lines: `_Created with [Claude` + `Code](https://...)_`.
        joined = None
        if number < len(lines) and (stripped.count("[") > stripped.count("]") or (
                re.match(r"^[_*]+\S", stripped) and not stripped.rstrip(".").endswith(stripped[:1]))):
            joined = clean_line(raw.rstrip() + " " + lines[number].strip())
        parts = raw.split("\\n") if "\\n" in raw else [raw]
        for index, part in enumerate(parts):
            cleaned = clean_line(part)
            if cleaned:
                out.append((number, cleaned, starts_unit or index > 0, alone, joined if len(parts) == 1 else None))
        previous = stripped
    return out


def marker_in_line(text, alone=False):
    """(agent, rule) when a cleaned line is an agent's message marker or a declaration.
    Sentences start with a capital letter: a lower-case start is wrapped prose, unless the line is a
    paragraph of its own."""
    m = GENERATED.match(text)
    if m and (m.group("emoji") or alone or not text[:1].islower()):
        agent = tool_at_start(m.group("tool"))
        if agent:
            return agent, "generated-with"
        if m.group("emoji") and "🤖" in m.group("emoji"):
            return "unknown-agent", "generated-with"
    t = re.sub(r"^[^\w\[]+", "", text)  # leading emoji such as 👋 or 💘
    m = DECLARATION.match(t)
    if m and (alone or not t[:1].islower()):
        agent = tool_at_start(m.group("tool"))
        if agent:
            return agent, "declaration"
    m = SIGNATURE.match(text)
    if m and alone and len(m.group("tool").split()) <= 3:
        agent = tool_at_start(m.group("tool"))
        if agent:
            return agent, "signature"
    m = ON_BEHALF.match(t)
    if m:
        agent = tool_at_start(m.group("model"))
        if agent:
            return agent, "on-behalf-of"
    return None


# --------------------------------------------------------------------------------------------
# Reading commits

FIELD, RECORD, TSEP = "\x1f", "\x1e", "\x1d"
FORMAT = FIELD.join(["%H", "%P", "%an", "%ae", "%cn", "%ce", "%(trailers:only,unfold,separator=%x1d)", "%B"]) + RECORD


def read_commits(directory, revs):
    cmd = ["git", "-C", directory, "-c", "log.showSignature=false", "log", "--no-color", "--format=" + FORMAT]
    cmd += revs or ["HEAD"]
    cmd += ["--"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE)
    buffer = b""
    while True:
        chunk = proc.stdout.read(1 << 20)
        if not chunk:
            break
        buffer += chunk
        *records, buffer = buffer.split(RECORD.encode())
        for record in records:
            yield parse_record(record)
    if buffer.strip():
        yield parse_record(buffer)
    if proc.wait() != 0:
        sys.exit("attribution-check: git log failed")


def parse_record(raw):
    text = raw.decode("utf-8", errors="replace").lstrip("\n")
    sha, parents, an, ae, cn, ce, trailers, body = text.split(FIELD, 7)
    parsed = []
    for item in trailers.split(TSEP):
        item = item.strip()
        if not item:
            continue
        key, _, value = item.partition(":")
        parsed.append((key.strip(), value.strip()))
    return {
        "sha": sha,
        "parents": parents.split(),
        "author": (an, ae),
        "committer": (cn, ce),
        "trailers": parsed,
        "message": body,
    }


# --------------------------------------------------------------------------------------------
# Classifying


class Result:
    def __init__(self, sha):
        self.sha = sha
        self.evidence = []  # (agent, kind, strength, text)
        self.label = "human"
        self.agent = "-"
        self.notes = []
        self.identities = []  # (role, identity, verdict) for the summary
        self.unclassified = []  # (what, text) for the audit


def classify(commit):
    r = Result(commit["sha"])
    add = r.evidence.append

    def check_identity(role, name, email, kind, strength_cap, text=None):
        ident = f"{name} <{email}>" if email else name
        hit = agent_identity(name, email, role)
        if hit:
            agent, strength, rule = hit
            if strength_cap == "medium" and strength == "strong":
                strength = "medium"
            add((agent, kind if strength != "weak" else kind + "/name-only", strength, text or ident))
            r.identities.append((role, ident, "ai:" + agent + ("" if strength != "weak" else " (name only)")))
            return True
        if bot_identity(name, email):
            r.identities.append((role, ident, "bot"))
            return False
        if role == "committer" and re.search(r"\s\(aider\)$", name, re.I):
            r.notes.append(f"aider-committer-only={ident}")
            r.identities.append((role, ident, "person (aider committer)"))
            return False
        if looks_agentish(ident) and not re.match(r"^GitHub <noreply@github\.com>$", ident):
            r.unclassified.append(("identity", f"{role}: {ident}"))
        return False

    an, ae = commit["author"]
    cn, ce = commit["committer"]
    check_identity("author", an, ae, "author", "strong")
    check_identity("committer", cn, ce, "committer", "strong")

    # Git's trailers.
    parsed_keys = set()
    for key, value in commit["trailers"]:
        parsed_keys.add((key.lower(), re.sub(r"[.;,`]+$", "", value).strip()))
        handle_trailer(r, key, value, parsed=True, check_identity=check_identity)

    # Lines outside git's trailer block (or not parsed by git), and message markers.
    for number, text, starts_unit, alone, joined in message_lines(commit["message"]):
        m = TRAILER_LINE.match(text)
        if m:
            key, value = m.group(1), m.group(2)
            if (key.lower(), re.sub(r"[.;,`]+$", "", value).strip()) in parsed_keys:
                continue
            handle_trailer(r, key, value, parsed=False, check_identity=check_identity, line=number)
            continue
        hit = marker_in_line(text, alone) if starts_unit or text.startswith("🤖") else None
        if hit is None and joined and starts_unit:
            hit = marker_in_line(joined, alone)
            if hit:
                text = joined
        if hit:
            agent, rule = hit
            add((agent, "message-line/" + rule, "medium", f"line {number}: {text}"))
        elif re.search(
            r"\b(?:generated|created|written|authored|assisted)\b.*\b(?:claude|codex|copilot|cursor|gemini|gpt|"
            r"devin|jules|aider|amp|opencode|crush|llm|ai)\b",
            text,
            re.I,
        ):
            r.unclassified.append(("message line", text[:160]))

    # `Executed-By:` records who ran `git commit` (beads' hook, from BD_ACTOR). Like a committer it says the
    # agent committed, not that it wrote: it counts when the author is that agent (`quartz` for
    # `beads/polecats/quartz`, or a Gas Town role name) or the agent's operator committing as themself
    # (author = committer). A bot's commit, a contributor's commit that an agent re-committed, or one whose
    # message credits someone (`Authored by: ...`) stays theirs.
    executed = [e for e in r.evidence if e[1].lower().endswith(":executed-by")]
    if executed:
        actor = re.sub(r"^(?:line \d+: )?Executed-By:\s*", "", executed[0][3], flags=re.I)
        credited = re.search(r"^\s*(?:authored[- ]by|author)\s*:\s*\S", commit["message"], re.I | re.M)
        own = (GASTOWN_NAME.match(an.strip()) is not None or an.strip().lower() == actor.split("/")[-1].lower()
               or (an, ae) == (cn, ce))
        if bot_identity(an, ae) or credited or not own:
            r.evidence = [e for e in r.evidence if e not in executed]
            r.notes.append("executed-by-on-others-work=" + executed[0][3])
    subject = commit["message"].split("\n", 1)[0]
    if AUTOMATION_SUBJECT.match(subject) and all(
            e[2] == "weak" or e[1].lower().endswith("executed-by") for e in r.evidence):
        r.evidence = []
        r.label = "bot"
        r.notes.append("automation-subject=" + subject)
        return r

    # An agent that only committed (rebased, cherry-picked, applied) a commit someone else wrote: like aider's
    # committer-only `(aider)`, the work is the author's.
    if r.evidence and all(e[1].startswith("committer") for e in r.evidence):
        r.notes.append("agent-committer-only=" + r.evidence[0][3])
        r.evidence = []

    # Decide.
    ai = [e for e in r.evidence if e[0]]
    firm = [e for e in ai if e[2] in ("strong", "medium")]
    if ai:
        r.label = "ai"
        ranked = sorted(ai, key=lambda e: ({"strong": 0, "medium": 1, "weak": 2}[e[2]], agent_rank(e[0])))
        r.agent = ranked[0][0]
        if r.agent in ("happy", "sageox", "unknown-agent", "declared", "declared-model", "gastown"):
            better = [e for e in ranked if e[0] not in ("happy", "sageox", "unknown-agent", "declared",
                                                          "declared-model", "gastown")]
            if better:
                r.agent = better[0][0]
        if not firm:
            r.notes.append("weak-only")
    if r.agent == "gemini" and any(e[1] == "author" and "gemini-cli[bot]" in e[3] for e in ai) and len(ai) == 1:
        # The same app also ran release automation in 2025.
        if re.match(r"^chore\(release\)", commit["message"]):
            r.label, r.agent = "bot", "-"
            r.notes.append("gemini-cli[bot] release bump")
    if r.label == "human":
        if bot_identity(an, ae):
            r.label = "bot"
            r.notes.append(f"author={an} <{ae}>")
        elif bot_identity(cn, ce) and (cn, ce) == (an, ae):
            r.label = "bot"
    return r


AGENT_ORDER = [
    "claude-code", "codex", "copilot", "cursor", "amp", "gemini", "jules", "devin", "factory-droid", "opencode",
    "crush", "aider", "windsurf", "openhands", "antigravity", "nori", "sentry-junior", "seer", "fix-it-felix",
    "clawdbot", "entire", "coderabbit", "amazon-q", "grok",
]


def agent_rank(agent):
    return AGENT_ORDER.index(agent) if agent in AGENT_ORDER else len(AGENT_ORDER)


def handle_trailer(r, key, value, parsed, check_identity, line=None):
    lkey = key.lower()
    where = "" if parsed else f"line {line}: "
    if lkey in CO_AUTHOR_KEYS:
        name, email = split_identity(value)
        kind = "co-author" if parsed else "co-author-line"
        check_identity("co-author", name, email, kind, "strong" if parsed else "medium", f"{where}{key}: {value}")
        return
    if lkey in SIGN_OFF_KEYS:
        # People sign off their own work; an agent named here (`Signed-off-by: Gemini, your friendly
        # neighborhood code agent.`) says the agent wrote it. A person or a bot here is not evidence.
        name, email = split_identity(value)
        name = name.split(",")[0].strip()
        if agent_identity(name, email, "sign-off"):
            check_identity("sign-off", name, email, "sign-off" if parsed else "sign-off-line",
                           "strong" if parsed else "medium", f"{where}{key}: {value}")
        return
    strength = "strong" if parsed else "medium"
    kind = ("trailer:" if parsed else "trailer-line:") + key
    if lkey in AGENT_TRAILERS:
        pattern, agent = AGENT_TRAILERS[lkey]
        if re.search(pattern, value, re.I):
            r.evidence.append((agent, kind, strength, f"{where}{key}: {value}"))
            return
    if lkey in POLICY_TRAILERS:
        needs_tool = POLICY_TRAILERS[lkey]
        agent = tool_in_value(value)
        if agent is None and lkey == "ai-assisted":
            agent = "declared" if re.match(r"^(?:true|yes|1)\b", value, re.I) else None
        elif agent is None and not needs_tool and value:
            agent = "declared"
        if agent:
            r.evidence.append((agent, kind, strength, f"{where}{key}: {value}"))
        else:
            r.unclassified.append(("trailer", f"{key}: {value}"))
        return
    tokens = set(lkey.split("-"))
    if tokens & {"ai", "agent", "model", "llm", "generated", "assisted", "session", "thread", "bot", "tool"}:
        r.unclassified.append(("trailer", f"{key}: {value}"[:160]))
    elif "<" in value and ">" in value and (parsed or "-" in key):
        name, email = split_identity(value)
        if looks_agentish(value) and not bot_identity(name, email):
            r.unclassified.append(("trailer", f"{key}: {value}"[:160]))


# --------------------------------------------------------------------------------------------
# Output


def tsv(results, out):
    for r in results:
        if r.label == "ai":
            seen = []
            for agent, kind, strength, text in sorted(
                    r.evidence, key=lambda e: {"strong": 0, "medium": 1, "weak": 2}[e[2]]):
                item = f"{kind}[{strength}]={text}"
                if item not in seen:
                    seen.append(item)
            evidence = " | ".join(seen[:6]) + (f" | (+{len(seen) - 6} more)" if len(seen) > 6 else "")
        else:
            evidence = " | ".join(r.notes) or "-"
        evidence = evidence.replace("\t", " ").replace("\n", " ")
        out.write(f"{r.sha}\t{r.label}\t{r.agent}\t{evidence}\n")


def summary(results, out):
    labels = collections.Counter(r.label for r in results)
    agents = collections.Counter(r.agent for r in results if r.label == "ai")
    total = len(results)
    out.write(f"commits\t{total}\n")
    for label in ("ai", "bot", "human"):
        share = 100.0 * labels[label] / total if total else 0.0
        out.write(f"label\t{label}\t{labels[label]}\t{share:.1f}%\n")
    out.write("\n# AI commits per agent\n")
    for agent, n in agents.most_common():
        out.write(f"agent\t{agent}\t{n}\n")

    out.write("\n# evidence kinds (commits with at least one, AI commits only)\n")
    kinds = collections.Counter()
    only = collections.Counter()
    for r in results:
        if r.label != "ai":
            continue
        ks = {e[1].split(":")[0] + f"[{e[2]}]" for e in r.evidence}
        for k in ks:
            kinds[k] += 1
        if len(ks) == 1:
            only[next(iter(ks))] += 1
    for k, n in kinds.most_common():
        out.write(f"evidence\t{k}\t{n}\tonly-evidence-in\t{only[k]}\n")
    weak = sum(1 for r in results if "weak-only" in r.notes)
    out.write(f"weak-only\t{weak}\n")
    aider_c = sum(1 for r in results if any(n.startswith("aider-committer-only") for n in r.notes))
    out.write(f"aider-committer-only (person's work)\t{aider_c}\n")

    out.write("\n# identities (role, identity, verdict, commits)\n")
    idc = collections.Counter()
    for r in results:
        for role, ident, verdict in set(r.identities):
            idc[(verdict, role, ident)] += 1
    for (verdict, role, ident), n in sorted(idc.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1], kv[0][2])):
        out.write(f"identity\t{verdict}\t{role}\t{ident}\t{n}\n")

    out.write("\n# AI evidence texts other than identities (kind, text, commits)\n")
    tc = collections.Counter()
    for r in results:
        for agent, kind, strength, text in set(r.evidence):
            if kind.startswith(("author", "committer", "co-author")):
                continue
            t = re.sub(r"^line \d+: ", "", text)
            t = re.sub(r"(ampcode\.com/threads/T-)[\w-]+", r"\1…", t)
            t = re.sub(r"(session_|Session: )[\w-]+", r"\1…", t)
            tc[(agent, kind.split("/")[0] if kind.startswith("message") else kind, t)] += 1
    for (agent, kind, t), n in sorted(tc.items(), key=lambda kv: -kv[1])[:80]:
        out.write(f"text\t{agent}\t{kind}\t{t}\t{n}\n")

    out.write("\n# audit: looks like an agent or a bot but was not classified as one (what, text, commits)\n")
    uc = collections.Counter()
    for r in results:
        for what, text in set(r.unclassified):
            uc[(what, text)] += 1
    for (what, text), n in sorted(uc.items(), key=lambda kv: (kv[0][0], -kv[1]))[:200]:
        out.write(f"unclassified\t{what}\t{text}\t{n}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-C", dest="directory", default=".", help="the repository (default: .)")
    parser.add_argument("--rev", action="append", default=[],
                        help="revisions or range for git log (repeatable; default HEAD)")
    parser.add_argument("--summary", action="store_true", help="print counts and an audit list instead of TSV")
    args = parser.parse_args()
    commits = list(read_commits(args.directory, args.rev))
    learn_gastown(commits)
    results = [classify(c) for c in commits]
    try:
        if args.summary:
            summary(results, sys.stdout)
        else:
            tsv(results, sys.stdout)
    except BrokenPipeError:
        pass


if __name__ == "__main__":
    main()
