#!/usr/bin/env python3
"""Converts Paddock rule packs into one Semgrep config, for timing Semgrep against Paddock.

    Benchmarks/semgrep-config.py rules/secrets.yml rules/security.yml ... > semgrep.yml

Every `pattern` rule (no `kind`) and every `kind: secret` rule becomes one Semgrep rule in
Semgrep's regex mode (`languages: [regex]`):

- `pattern` becomes `pattern-regex`, and `pattern-not` a `pattern-not-regex` widened to the whole
  line (`^.*(?:NOT).*$`), because Paddock drops every finding on a line that matches it while
  Semgrep drops the findings that lie inside a match;
- `severity` error, warning, note becomes ERROR, WARNING, INFO;
- `paths.include` and `paths.exclude` are copied, with `{a,b}` alternatives expanded, since
  Semgrep's globs do not have them; without `paths.include`, the rule's `languages` become
  `include` globs on their file extensions.

What Semgrep cannot express is dropped, and a YAML comment above the rule says what: `authorship`
(Semgrep does not know who wrote a line), `ignore-in`, `pattern-not-before`,
`pattern-not-statement` and `pattern-not-in-file` (they read the lines around the match), a secret's `min-entropy` and `allow`, and
`languages` when `paths.include` is also given (Semgrep ORs include globs; Paddock ANDs the two).
`keywords` is only a prefilter and is left out. Rules of the other kinds are skipped, with a note
on stderr.

Two differences remain in matching: Paddock matches one added line at a time with ICU regular
expressions, while Semgrep matches whole files with PCRE, so `\\s` in a pattern can match a line
break in Semgrep; and Semgrep with --baseline-commit reports findings that are new since the
baseline, not findings on added lines.

Reads YAML with PyYAML, or ruamel.yaml (which Semgrep's own virtualenv has). Prints YAML.
"""
import json
import re
import sys

try:
    import yaml

    def load(path):
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
except ImportError:  # Semgrep's virtualenv has ruamel.yaml but not PyYAML.
    from ruamel.yaml import YAML

    def load(path):
        with open(path, encoding="utf-8") as f:
            return YAML(typ="safe", pure=True).load(f)

SEVERITY = {"error": "ERROR", "warning": "WARNING", "note": "INFO"}

# Paddock's languages (rules/README.md) as Semgrep include globs.
EXTENSIONS = {
    "swift": ["*.swift"],
    "python": ["*.py"],
    "javascript": ["*.js", "*.mjs", "*.cjs", "*.jsx"],
    "typescript": ["*.ts", "*.tsx", "*.mts", "*.cts"],
    "go": ["*.go"],
    "java": ["*.java"],
    "kotlin": ["*.kt", "*.kts"],
    "rust": ["*.rs"],
    "shell": ["*.sh", "*.bash", "*.zsh"],  # Paddock also reads a shell #! line; globs cannot
    "ruby": ["*.rb"],
    "php": ["*.php"],
    "c": ["*.c", "*.h"],
    "cpp": ["*.cpp", "*.cc", "*.cxx", "*.hpp", "*.hh", "*.hxx"],
    "csharp": ["*.cs"],
    "sql": ["*.sql"],
    "yaml": ["*.yml", "*.yaml"],
    "toml": ["*.toml"],
    "json": ["*.json"],
    "dockerfile": ["Dockerfile", "*.Dockerfile", "Dockerfile.*"],
    "terraform": ["*.tf", "*.tfvars"],
    "markdown": ["*.md", "*.markdown"],
}


def expand_braces(glob):
    """`**/*.{py,ts}` -> [`**/*.py`, `**/*.ts`], innermost-first, nested and repeated braces too."""
    match = re.search(r"\{([^{}]*)\}", glob)
    if not match:
        return [glob]
    out = []
    for alternative in match.group(1).split(","):
        out.extend(expand_braces(glob[:match.start()] + alternative + glob[match.end():]))
    return out


def globs(values):
    out = []
    for value in values or []:
        for glob in expand_braces(str(value)):
            if glob not in out:
                out.append(glob)
    return out


def q(value):
    """A YAML double-quoted scalar. JSON's string escapes are a subset of YAML's."""
    return json.dumps(str(value), ensure_ascii=False)


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def convert(rule, pack, source):
    """The lines of one Semgrep rule, or None when the rule has no Semgrep equivalent."""
    rule_id = rule.get("id")
    kind = rule.get("kind", "pattern")
    if kind not in ("pattern", "secret"):
        print(f"semgrep-config: skipping {rule_id} ({source}): kind {kind}", file=sys.stderr)
        return None
    pattern = rule.get("pattern")
    if not rule_id or not pattern:
        print(f"semgrep-config: skipping {rule_id or '(no id)'} ({source}): no id or no pattern", file=sys.stderr)
        return None
    severity = SEVERITY.get(str(rule.get("severity", "warning")).lower())
    if severity is None:
        print(f"semgrep-config: {rule_id} ({source}): unknown severity {rule.get('severity')!r}", file=sys.stderr)
        sys.exit(1)

    dropped = []
    if str(rule.get("authorship", "any")) != "any":
        dropped.append(f"authorship {rule['authorship']}")
    if rule.get("ignore-in"):
        dropped.append("ignore-in " + ", ".join(map(str, as_list(rule["ignore-in"]))))
    for key in ("pattern-not-before", "pattern-not-statement", "pattern-not-in-file"):
        if rule.get(key):
            dropped.append(key)
    parameters = rule.get("with") or {}
    if kind == "secret":
        for key in ("min-entropy", "allow"):
            if key in parameters:
                dropped.append(f"secret {key}")

    paths = rule.get("paths") or {}
    include = globs(as_list(paths.get("include")))
    exclude = globs(as_list(paths.get("exclude")))
    languages = [str(language) for language in as_list(rule.get("languages"))]
    if include:
        if languages:
            dropped.append("languages " + ", ".join(languages) + " (paths.include given)")
    else:
        for language in languages:
            if language not in EXTENSIONS:
                print(f"semgrep-config: {rule_id} ({source}): unknown language {language}", file=sys.stderr)
                sys.exit(1)
            include.extend(g for g in EXTENSIONS[language] if g not in include)

    message = rule.get("message") or rule.get("title") or rule_id
    lines = []
    if dropped:
        lines.append(f"  # {rule_id}: not expressible in Semgrep, dropped: " + "; ".join(dropped))
    lines.append(f"  - id: {q(rule_id)}")
    lines.append(f"    message: {q(' '.join(str(message).split()))}")
    lines.append(f"    severity: {severity}")
    lines.append("    languages: [regex]")
    not_pattern = rule.get("pattern-not")
    if not_pattern:
        lines.append("    patterns:")
        lines.append(f"      - pattern-regex: {q(pattern)}")
        lines.append(f"      - pattern-not-regex: {q('^.*(?:' + str(not_pattern) + ').*$')}")
    else:
        lines.append(f"    pattern-regex: {q(pattern)}")
    if include or exclude:
        lines.append("    paths:")
        if include:
            lines.append("      include: [" + ", ".join(q(g) for g in include) + "]")
        if exclude:
            lines.append("      exclude: [" + ", ".join(q(g) for g in exclude) + "]")
    metadata = {"paddock-pack": pack, "paddock-kind": kind}
    if rule.get("title"):
        metadata["title"] = rule["title"]
    lines.append("    metadata: {" + ", ".join(f"{q(k)}: {q(v)}" for k, v in metadata.items()) + "}")
    return lines


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(f"usage: {argv[0]} PACK.yml [PACK.yml ...] > semgrep.yml", file=sys.stderr)
        return 64
    out = ["# Generated by Benchmarks/semgrep-config.py from: " + " ".join(argv[1:]), "rules:"]
    seen = set()
    count = 0
    for source in argv[1:]:
        document = load(source)
        if not isinstance(document, dict) or not isinstance(document.get("rules"), list):
            print(f"semgrep-config: {source}: not a Paddock pack (no `rules:` list)", file=sys.stderr)
            return 1
        pack = str(document.get("pack", source))
        for rule in document["rules"]:
            if not isinstance(rule, dict):
                print(f"semgrep-config: {source}: a rule is not a mapping", file=sys.stderr)
                return 1
            if rule.get("id") in seen:
                print(f"semgrep-config: {source}: duplicate rule id {rule.get('id')}", file=sys.stderr)
                return 1
            seen.add(rule.get("id"))
            lines = convert(rule, pack, source)
            if lines:
                out.extend(lines)
                count += 1
    if count == 0:
        print("semgrep-config: no pattern or secret rules found", file=sys.stderr)
        return 1
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
