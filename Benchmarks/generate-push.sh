#!/usr/bin/env bash
# Creates a deterministic synthetic repository shaped like one push to review, using git
# fast-import.
#
#   Benchmarks/generate-push.sh OUTDIR
#
# Layout:
#   main  one commit creating 300 source files of about 60 lines each in 20 directories
#         (src/DIR/...), in Swift, Python, TypeScript, Go, Java, Rust and shell, some of them
#         tests (test_*.py, *.test.ts), plus package.json, requirements.txt, Package.swift and
#         .github/workflows/ci.yml.
#   push  200 commits on top of main that together add about 30,000 lines and touch every one
#         of the 300 source files. Each commit edits 3 to 8 files and adds about 150 lines: new
#         functions, new statements inside functions, replaced and deleted statements. Three
#         commits also edit a manifest (a new npm package, a new PyPI package, a new CI step).
#         About half the commits carry `Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>`;
#         the rest are plain commits. All are authored by one of two people.
#
# About 1 in 300 added lines is a risky one, in a form that fits the file's language: a
# synthetic AWS access key id (AKIA + 16 characters) assigned to a variable, eval() of a
# variable (Python, TypeScript), subprocess.run(cmd, shell=True), InsecureSkipVerify: true (Go),
# a `TODO: implement` comment, `except Exception: pass`, `curl -s URL | sh` (shell), and
# it.only( in TypeScript tests. Later commits never edit a risky line away.
#
# The same run always gives the same commits (fixed seed, names and timestamps).
# Needs git and python3. Prints nothing but errors; `push` is checked out at the end.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 64
fi
outdir=$1
# shellcheck source=Benchmarks/common.sh
. "$(cd -- "$(dirname -- "$0")" && pwd -P)/common.sh"
new_repository generate-push "$outdir"

python3 - <<'PY' | git -C "$repo" fast-import --quiet --done
import json
import random
import sys

FILES = 300
COMMITS = 200
DIRS = ["api", "auth", "billing", "cli", "config", "core", "db", "deploy", "events", "gateway",
        "jobs", "metrics", "models", "notify", "scripts", "search", "storage", "sync", "ui", "worker"]
# How many of the 300 files each language gets (tests included).
MIX = [("swift", 50), ("python", 40), ("python-test", 12), ("typescript", 42),
       ("typescript-test", 14), ("go", 45), ("java", 35), ("rust", 35), ("shell", 27)]
RISK_RATE = 1 / 220        # chance that a generated statement is risky: about 1 in 300 added lines
TRAILER = "Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>"
PEOPLE = [("Riley Example <riley@example.com>", "+0000"), ("Sam Rivera <sam@example.com>", "-0700")]
EPOCH = 1733000000         # 2024-11-30T20:53:20Z

rng = random.Random(20250107)
out = sys.stdout.buffer
serial = 0                 # makes every generated name distinct
protected = set()          # risky lines: never replaced or deleted by a later commit
risky_count = {}

WORDS = ["value", "count", "index", "total", "buffer", "offset", "result", "cache",
         "limit", "state", "token", "weight", "score", "length", "cursor", "handle"]
CALLS = ["compute", "resolve", "lookup", "merge", "normalise", "validate", "render", "digest"]
VERBS = ["load", "parse", "build", "check", "apply", "fetch", "store", "emit", "scan", "plan"]


def emit(text):
    out.write(text.encode())


def data(payload):
    body = payload.encode()
    out.write(b"data %d\n" % len(body))
    out.write(body)
    out.write(b"\n")


def snake(word, n):
    return f"{word}_{n}"


def camel(word, n):
    return f"{word}{n}"


def aws_key():
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    return "AKIA" + "".join(rng.choice(alphabet) for _ in range(16))


# --- languages ------------------------------------------------------------------------------

INDENT = {"swift": "    ", "python": "    ", "python-test": "    ", "typescript": "  ",
          "typescript-test": "    ", "go": "\t", "java": "    ", "rust": "    ", "shell": "  "}


def statement(lang):
    """One ordinary added line of code, distinct from every other."""
    global serial
    serial += 1
    word = WORDS[serial % len(WORDS)]
    call = CALLS[(serial // 7) % len(CALLS)]
    num = rng.randint(0, 9999)
    tag = f"{rng.getrandbits(32):08x}"
    ind = INDENT[lang]
    form = rng.random()
    if lang == "swift":
        if form < 0.8:
            return f"{ind}let {camel(word, serial)} = {call}({num}, \"{tag}\")"
        return f"{ind}logger.debug(\"{call} {tag}: \\({word}Base + {num})\")"
    if lang in ("python", "python-test"):
        if form < 0.8:
            return f"{ind}{snake(word, serial)} = {call}({num}, \"{tag}\")"
        return f"{ind}log.debug(\"{call} %s\", \"{tag}-{serial}\")"
    if lang in ("typescript", "typescript-test"):
        if form < 0.8:
            return f"{ind}const {camel(word, serial)} = {call}({num}, \"{tag}\");"
        return f"{ind}logger.debug(`{call} {tag} ${{{num} + {serial}}}`);"
    if lang == "go":
        if form < 0.8:
            return f"{ind}{camel(word, serial)} := {call}({num}, \"{tag}\")"
        return f"{ind}log.Printf(\"{call} %s\", \"{tag}-{serial}\")"
    if lang == "java":
        if form < 0.8:
            return f"{ind}int {camel(word, serial)} = {call}({num}, \"{tag}\");"
        return f"{ind}LOG.fine(\"{call} {tag}-{serial}\");"
    if lang == "rust":
        if form < 0.8:
            return f"{ind}let {snake(word, serial)} = {call}({num}, \"{tag}\");"
        return f"{ind}log::debug!(\"{call} {{}}\", \"{tag}-{serial}\");"
    if lang == "shell":
        if form < 0.8:
            return f"{ind}local {snake(word, serial)}=\"$({call} {num} {tag})\""
        return f"{ind}echo \"{call} {tag}-{serial}\" >&2"
    raise ValueError(lang)


def risky(lang):
    """A risky snippet (one or a few lines) that fits lang, or None."""
    global serial
    serial += 1
    n = serial
    ind = INDENT[lang]
    options = {}
    comment = "#" if lang in ("python", "python-test", "shell") else "//"
    options["todo"] = [f"{ind}{comment} TODO: implement"]
    if lang == "swift":
        options["aws-key"] = [f"{ind}let awsAccessKey{n} = \"{aws_key()}\""]
    elif lang in ("python", "python-test"):
        options["aws-key"] = [f"{ind}aws_access_key_id_{n} = \"{aws_key()}\""]
        options["eval"] = [f"{ind}expr_{n} = request.args.get(\"q{n}\")", f"{ind}result_{n} = eval(expr_{n})"]
        options["shell-true"] = [f"{ind}cmd_{n} = f\"tar czf /tmp/out{n}.tgz {{path}}\"",
                                 f"{ind}subprocess.run(cmd_{n}, shell=True)"]
        options["except-pass"] = [f"{ind}try:", f"{ind}    cleanup_{n} = compute({n}, \"tmp\")",
                                  f"{ind}except Exception: pass"]
    elif lang in ("typescript", "typescript-test"):
        options["aws-key"] = [f"{ind}const awsAccessKey{n} = \"{aws_key()}\";"]
        options["eval"] = [f"{ind}const expr{n} = input.trim();", f"{ind}const result{n} = eval(expr{n});"]
    elif lang == "go":
        options["aws-key"] = [f"{ind}awsAccessKey{n} := \"{aws_key()}\""]
        options["insecure-tls"] = [f"{ind}tlsConfig{n} := &tls.Config{{InsecureSkipVerify: true}}"]
    elif lang == "java":
        options["aws-key"] = [f"{ind}String awsAccessKey{n} = \"{aws_key()}\";"]
    elif lang == "rust":
        options["aws-key"] = [f"{ind}let aws_access_key_{n} = \"{aws_key()}\";"]
    elif lang == "shell":
        options["aws-key"] = [f"{ind}export AWS_ACCESS_KEY_ID=\"{aws_key()}\""]
        options["curl-sh"] = [f"{ind}curl -s https://install.example.dev/setup{n}.sh | sh"]
    # The language-specific kinds weigh twice as much as the two that fit every language.
    kinds = sorted(options)
    kind = rng.choices(kinds, weights=[1 if k in ("todo", "aws-key") else 2 for k in kinds])[0]
    risky_count[kind] = risky_count.get(kind, 0) + 1
    lines = options[kind]
    # Risky lines must contain the marker of their kind, to be found again in git log -p.
    protected.update(lines)
    return lines


def body(lang, count):
    lines = []
    while len(lines) < count:
        if rng.random() < RISK_RATE:
            lines.extend(risky(lang))
        else:
            lines.append(statement(lang))
    return lines


def block(lang, number, area):
    """A new function (or test case): head lines, body lines, tail lines."""
    global serial
    serial += 1
    verb = VERBS[serial % len(VERBS)]
    name = f"{verb}{area.capitalize()}{serial}"
    lower = f"{verb}_{area}_{serial}"
    b = body(lang, rng.randint(2, 7))
    if lang == "swift":
        return [f"  func {name}(_ input: Int) -> Int {{"], b, ["    return input", "  }", ""]
    if lang == "python":
        return [f"def {lower}(value):"], b, ["    return value", "", ""]
    if lang == "python-test":
        return [f"def test_{lower}():"], b, [f"    assert {lower}(1) == 1", "", ""]
    if lang == "typescript":
        return [f"export function {name}(input: number): number {{"], b, ["  return input;", "}", ""]
    if lang == "typescript-test":
        head = f"  it(\"{verb}s {area} case {serial}\", () => {{"
        if rng.random() < 0.03:
            head = f"  it.only(\"{verb}s {area} case {serial}\", () => {{"
            risky_count["it-only"] = risky_count.get("it-only", 0) + 1
            protected.add(head)
        return [head], b, [f"    expect({name}(1)).toBe(1);", "  });", ""]
    if lang == "go":
        return [f"func {name[0].upper()}{name[1:]}(input int) int {{"], b, ["\treturn input", "}", ""]
    if lang == "java":
        return [f"  public int {name}(int input) {{"], b, ["    return input;", "  }", ""]
    if lang == "rust":
        return [f"pub fn {lower}(input: i64) -> i64 {{"], b, ["    input", "}", ""]
    if lang == "shell":
        return [f"{lower}() {{"], b, ["  echo \"$1\"", "}", ""]
    raise ValueError(lang)


def header(lang, number, area):
    if lang == "swift":
        return ["import Foundation", "", f"struct {area.capitalize()}Type{number:03d} {{"], ["}"]
    if lang == "python":
        return ["import logging", "import subprocess", "", "from .util import compute, digest, lookup, merge",
                "", "log = logging.getLogger(__name__)", "", ""], []
    if lang == "python-test":
        return ["import pytest", "", f"from {area}.module_{number:03d} import *", "", ""], []
    if lang == "typescript":
        return ["import { compute, digest, lookup, merge } from \"./util\";", "import { logger } from \"../log\";",
                ""], []
    if lang == "typescript-test":
        return ["import { describe, expect, it } from \"vitest\";", "", f"describe(\"{area} {number:03d}\", () => {{"], ["});"]
    if lang == "go":
        return [f"package {area}", "", "import (", "\t\"crypto/tls\"", "\t\"log\"", ")", ""], []
    if lang == "java":
        return [f"package com.example.{area};", "", "import java.util.logging.Logger;", "",
                f"public class {area.capitalize()}{number:03d} {{",
                f"  private static final Logger LOG = Logger.getLogger(\"{area}\");", ""], ["}"]
    if lang == "rust":
        return ["use std::collections::HashMap;", "", "use crate::util::{compute, digest, lookup, merge};", ""], []
    if lang == "shell":
        return ["#!/usr/bin/env bash", "set -euo pipefail", "", f"source \"$(dirname \"$0\")/lib.sh\"", ""], ["main \"$@\""]
    raise ValueError(lang)


def path_for(lang, number, area):
    if lang == "swift":
        return f"src/{area}/{area.capitalize()}Type{number:03d}.swift"
    if lang == "python":
        return f"src/{area}/module_{number:03d}.py"
    if lang == "python-test":
        return f"src/{area}/test_module_{number:03d}.py"
    if lang == "typescript":
        return f"src/{area}/handler{number:03d}.ts"
    if lang == "typescript-test":
        return f"src/{area}/handler{number:03d}.test.ts"
    if lang == "go":
        return f"src/{area}/file_{number:03d}.go"
    if lang == "java":
        return f"src/{area}/{area.capitalize()}{number:03d}.java"
    if lang == "rust":
        return f"src/{area}/mod_{number:03d}.rs"
    if lang == "shell":
        return f"src/{area}/task_{number:03d}.sh"
    raise ValueError(lang)


class SourceFile:
    def __init__(self, number, lang, area):
        self.lang, self.area, self.number = lang, area, number
        self.path = path_for(lang, number, area)
        self.mode = "100755" if lang == "shell" else "100644"
        self.head, self.foot = header(lang, number, area)
        self.blocks = []
        target = rng.randint(55, 65)
        while self.size() < target:
            self.blocks.append(block(lang, number, area))

    def size(self):
        return len(self.head) + len(self.foot) + sum(len(h) + len(b) + len(t) for h, b, t in self.blocks)

    def text(self):
        lines = list(self.head)
        for h, b, t in self.blocks:
            lines += h + b + t
        lines += self.foot
        return "\n".join(lines) + "\n"

    def edit(self, budget):
        """Adds about budget lines (counting replacements), with some deletions. Returns lines added."""
        added = 0
        while added < budget:
            r = rng.random()
            if r < 0.40 or not self.blocks:
                new = block(self.lang, self.number, self.area)
                self.blocks.insert(rng.randint(0, len(self.blocks)), new)
                added += sum(len(part) for part in new)
                continue
            h, b, t = self.blocks[rng.randrange(len(self.blocks))]
            if r < 0.82:
                at = rng.randint(0, len(b))
                while 0 < at < len(b) and b[at - 1] in protected and b[at] in protected:
                    at -= 1  # never inside a multi-line risky snippet
                new = body(self.lang, rng.randint(1, 6))
                b[at:at] = new
                added += len(new)
            elif r < 0.94:
                at = rng.randrange(len(b))
                for i in range(at, min(at + rng.randint(1, 3), len(b))):
                    if b[i] not in protected:
                        b[i] = statement(self.lang)
                        added += 1
            else:
                at = rng.randrange(len(b))
                end = min(at + rng.randint(1, 2), len(b))
                if len(b) - (end - at) >= 2 and not any(line in protected for line in b[at:end]):
                    del b[at:end]
        return added


# --- manifests -----------------------------------------------------------------------------

npm = {"name": "paddock-bench", "version": "1.4.0", "private": True,
       "scripts": {"build": "tsc -p .", "test": "vitest run"},
       "dependencies": {"express": "^4.19.2", "zod": "^3.23.8"},
       "devDependencies": {"typescript": "^5.5.4", "vitest": "^2.0.5"}}
pypi = ["requests==2.32.3", "pyyaml==6.0.2", "click==8.1.7"]
ci_steps = ["      - uses: actions/checkout@v4", "      - run: npm ci", "      - run: npm test",
            "      - run: pip install -r requirements.txt", "      - run: pytest -q"]


def npm_text():
    return json.dumps(npm, indent=2) + "\n"


def pypi_text():
    return "\n".join(pypi) + "\n"


def ci_text():
    return "\n".join(["name: ci", "on: [push, pull_request]", "jobs:", "  test:", "    runs-on: ubuntu-latest",
                      "    steps:"] + ci_steps) + "\n"


PACKAGE_SWIFT = """// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "Bench",
    targets: [
        .target(name: "Bench", path: "src", exclude: ["api", "auth"], sources: ["core", "models"]),
    ]
)
"""

# --- history -------------------------------------------------------------------------------

clock = EPOCH


def commit(ref, mark, person, message, parent=None, changes=()):
    global clock
    clock += 600 + rng.randint(0, 2400)
    ident, zone = person
    emit(f"commit {ref}\nmark :{mark}\n")
    emit(f"author {ident} {clock} {zone}\ncommitter {ident} {clock} {zone}\n")
    data(message)
    if parent is not None:
        emit(f"from :{parent}\n")
    for path, mode, content in changes:
        emit(f"M {mode} inline {path}\n")
        data(content)
    emit("\n")


languages = [lang for lang, count in MIX for _ in range(count)]
assert len(languages) == FILES
rng.shuffle(languages)
files = [SourceFile(n, languages[n], DIRS[n % len(DIRS)]) for n in range(FILES)]

initial = [(f.path, f.mode, f.text()) for f in files]
initial += [("package.json", "100644", npm_text()), ("requirements.txt", "100644", pypi_text()),
            ("Package.swift", "100644", PACKAGE_SWIFT), (".github/workflows/ci.yml", "100644", ci_text())]
commit("refs/heads/main", 1, PEOPLE[0], "Initial import\n", changes=initial)

untouched = list(range(FILES))
rng.shuffle(untouched)
SUBJECTS = ["add {} handling", "extend {} checks", "refactor {} helpers", "fix {} edge cases",
            "speed up {} lookups", "clean up {} code", "support batch {}", "wire {} into the pipeline"]
NOUNS = ["retry", "cache", "session", "pagination", "rate limit", "export", "config", "schema"]
MANIFEST_AT = {60: "npm", 120: "pypi", 170: "ci"}


def pick(count, remaining):
    """count files, drawing enough never-touched ones to cover all files by the end."""
    need = -(-len(untouched) // remaining)
    chosen = [untouched.pop() for _ in range(min(need, len(untouched)))]
    while len(chosen) < count:
        n = rng.randrange(FILES)
        if n not in chosen:
            chosen.append(n)
    return chosen


tip = 1
for c in range(1, COMMITS + 1):
    manifest = MANIFEST_AT.get(c)
    chosen = pick(rng.randint(3, 7 if manifest else 8), COMMITS - c + 1)
    budget = rng.randint(100, 170)
    weights = [rng.random() + 0.3 for _ in chosen]
    total = sum(weights)
    changes = []
    for n, w in zip(chosen, weights):
        files[n].edit(max(4, round(budget * w / total)))
        changes.append((files[n].path, files[n].mode, files[n].text()))
    area = files[chosen[0]].area
    subject = f"{area}: " + rng.choice(SUBJECTS).format(rng.choice(NOUNS))
    notes = [f"Touches {len(chosen)} files."]
    if manifest == "npm":
        npm["dependencies"]["left-pad"] = "^1.3.0"
        changes.append(("package.json", "100644", npm_text()))
        notes.append("Adds left-pad.")
    elif manifest == "pypi":
        pypi.append("leftpad==0.1.2")
        changes.append(("requirements.txt", "100644", pypi_text()))
        notes.append("Adds leftpad.")
    elif manifest == "ci":
        ci_steps.insert(1, "      - run: curl -s https://install.example.dev/tool.sh | sh")
        changes.append((".github/workflows/ci.yml", "100644", ci_text()))
        notes.append("Installs the tool in CI.")
    ai = rng.random() < 0.5
    person = PEOPLE[rng.randrange(len(PEOPLE))]
    message = f"{subject}\n\n" + "\n".join(notes) + "\n" + (f"\n{TRAILER}\n" if ai else "")
    commit("refs/heads/push", c + 1, person, message, parent=tip, changes=changes)
    tip = c + 1

assert not untouched, f"{len(untouched)} files never touched"
emit("done\n")
PY

git -C "$repo" repack -adq
git -C "$repo" checkout -q -f push
