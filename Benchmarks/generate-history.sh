#!/usr/bin/env bash
# Creates a deterministic long history for the release-report benchmark, using git fast-import.
#
#   Benchmarks/generate-history.sh OUTDIR [COMMITS=20000] [FILES=300] [TAG_EVERY=400]
#
# Layout:
#   main     COMMITS commits in all. The first ("Initial import") creates FILES text files of
#            about 40 lines each: Python files in 14 directories (src/dirNN/fileNNNN.py) and
#            Markdown files in docs/. Every later commit edits 1 to 4 files (inserting,
#            replacing and deleting a few lines), so files grow and shrink. Now and then a commit
#            also adds a file, deletes one, or moves one to another directory with small edits.
#            About every 500 commits, a side branch of 3 to 5 commits forks from main while
#            main moves on, and is merged back with a merge commit (the side branches are
#            counted in COMMITS; no branch but main is left).
#   trailers About 40% of the commits carry `Co-Authored-By: Claude Opus 4.5
#            <noreply@anthropic.com>`, about 10% `Assisted-by: Codex:gpt-5`, the rest are plain
#            human commits; a few of the AI commits also carry `Reviewed-by:`. About 5% are fixes
#            ("Fix ..."); half of those carry a kernel-style `Fixes: <12-hex id> ("<subject>")`
#            naming the earlier commit that last changed one of the lines the fix replaces or
#            deletes.
#   tags     Lightweight tags on main: v0 on the first commit, then vN on commit N*TAG_EVERY
#            (on the next commit of main if that one is on a side branch), so the defaults give
#            v0..v50: 50 consecutive releases.
#
# The generator computes every object ID itself (for the Fixes trailers) and the script checks
# them against what git stored. The same arguments always give the same commit IDs (fixed seed,
# names and timestamps: one hour apart, +0000).
# Needs git and python3. Prints the repository's absolute path.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 4 ]; then
  echo "usage: $0 OUTDIR [COMMITS=20000] [FILES=300] [TAG_EVERY=400]" >&2
  exit 64
fi
outdir=$1
commits=${2:-20000}
files=${3:-300}
tag_every=${4:-400}
case "$commits$files$tag_every" in *[!0-9]*)
  echo "generate-history: COMMITS, FILES and TAG_EVERY must be whole numbers" >&2
  exit 64
  ;;
esac
if [ "$commits" -lt 100 ] || [ "$files" -lt 30 ] || [ "$tag_every" -lt 20 ] || [ "$tag_every" -gt "$commits" ]; then
  echo "generate-history: need COMMITS >= 100, FILES >= 30 and 20 <= TAG_EVERY <= COMMITS" >&2
  exit 64
fi
# shellcheck source=Benchmarks/common.sh
. "$(cd -- "$(dirname -- "$0")" && pwd -P)/common.sh"
new_repository generate-history "$outdir"

# The generator writes the refs it expects (name and commit ID) here, for the check below.
expected="$repo/.git/expected-refs"

python3 - "$commits" "$files" "$tag_every" "$expected" <<'PY' | git -C "$repo" fast-import --quiet --done
import hashlib
import random
import sys

COMMITS = int(sys.argv[1])
FILES = int(sys.argv[2])
TAG_EVERY = int(sys.argv[3])
EXPECTED = sys.argv[4]
DIRS = 14             # src/dir00 .. src/dir13, plus docs/
LINES = 40
SIDE_EVERY = 500      # about this many commits between side branches
CLAUDE = "Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>"
CODEX = "Assisted-by: Codex:gpt-5"
REVIEWER = "Reviewed-by: Sam Reviewer <sam@example.com>"
PEOPLE = ["Riley Example <riley@example.com>", "Jordan Park <jordan@example.com>",
          "Alex Moreno <alex@example.com>", "Priya Nair <priya@example.com>",
          "Chris Olsen <chris@example.com>"]
EPOCH = 1600000000    # 2020-09-13T12:26:40Z
STEP = 3600           # seconds between commits

rng = random.Random(20250107)
out = sys.stdout.buffer
clock = EPOCH
serial = 0            # makes every generated line distinct


def emit(text):
    out.write(text.encode())


def data(body):
    out.write(b"data %d\n" % len(body))
    out.write(body)
    out.write(b"\n")


def sha1(kind, body):
    return hashlib.sha1(b"%s %d\0" % (kind, len(body)) + body).digest()


# ---- Line content. A file is a list of [text, origin, unique]: origin is the index of the commit that
# last changed the line, so a fix can name the commit it fixes; unique marks the generated statements,
# which occur once in the whole history (blank lines and the like may be matched elsewhere by a diff).

WORDS = ["value", "count", "index", "total", "buffer", "offset", "result", "cache",
         "limit", "state", "token", "weight", "score", "length", "cursor", "handle"]
CALLS = ["compute", "resolve", "lookup", "merge", "normalise", "validate", "render", "digest"]
TOPICS = ["parsing", "caching", "retries", "logging", "paging", "locking", "timeouts", "encoding",
          "startup", "shutdown", "metrics", "config", "errors", "imports", "tests", "search"]


def statement(kind, origin):
    global serial
    serial += 1
    word = WORDS[serial % len(WORDS)]
    if kind == "docs":
        text = f"The {word} step {serial} uses {CALLS[(serial // 5) % len(CALLS)]} ({rng.getrandbits(24):06x})."
    else:
        call = CALLS[(serial // 7) % len(CALLS)]
        text = f"    {word}_{serial} = {call}({rng.randint(0, 9999)}, \"{rng.getrandbits(32):08x}\")"
    return [text, origin, True]


def new_file(number, kind, origin, size=LINES):
    if kind == "docs":
        lines = [[f"# Topic {number:04d}", origin, False], ["", origin, False]]
        while len(lines) < size - 1:
            lines.append([f"## Part {len(lines)}", origin, False])
            for _ in range(rng.randint(2, 5)):
                lines.append(statement(kind, origin))
            lines.append(["", origin, False])
        lines.append(["End of topic.", origin, False])
        return lines
    lines = [["import os", origin, False], ["", origin, False], [f"class Type{number:04d}:", origin, False]]
    while len(lines) < size - 1:
        lines.append([f"  def step{len(lines)}(self):", origin, False])
        for _ in range(rng.randint(2, 5)):
            lines.append(statement(kind, origin))
        lines.append(["    return 0", origin, False])
        lines.append(["", origin, False])
    lines.append(["# end", origin, False])
    return lines


def edit(lines, kind, origin, operations, need_existing=False):
    """Inserts, replaces and deletes a few lines, away from the first three and the last line.

    Returns the origins of the statements replaced or deleted. With need_existing, the first operation
    replaces or deletes, so a fix always changes an existing line.
    """
    touched = []
    for number in range(operations):
        size = len(lines)
        if need_existing and number == 0:
            choice = "replace" if rng.random() < 0.7 else "delete"
        else:
            # Lean towards growth while files are small and towards shrinking once they are large.
            grow = 0.45 if size < 150 else 0.25
            roll = rng.random()
            choice = "insert" if roll < grow else ("replace" if roll < grow + 0.3 else "delete")
        if choice == "delete" and size < 20:
            choice = "replace"
        position = rng.randint(3, size - 2)
        if choice == "insert":
            for offset in range(rng.randint(1, 4)):
                lines.insert(position + offset, statement(kind, origin))
        elif choice == "replace":
            for offset in range(rng.randint(1, 3)):
                if position + offset < len(lines) - 1:
                    touched.append(lines[position + offset])
                    lines[position + offset] = statement(kind, origin)
        else:
            end = min(position + rng.randint(1, 3), len(lines) - 1)
            touched.extend(lines[position:end])
            del lines[position:end]
    return [line[1] for line in touched if line[2]]


def text(lines):
    return ("\n".join(line[0] for line in lines) + "\n").encode()


# ---- Trees. A tree is a dict name -> (is_tree, value); the generator keeps one for main and one for
# the side branch, with each directory's ID cached until something under it changes.

class Tree:
    def __init__(self, entries=None):
        self.entries = dict(entries or {})
        self.oid = None

    def copy(self):
        clone = Tree({name: (is_tree, value.copy() if is_tree else value)
                      for name, (is_tree, value) in self.entries.items()})
        clone.oid = self.oid
        return clone

    def set(self, path, blob):
        parts = path.split("/")
        node = self
        node.oid = None
        for part in parts[:-1]:
            entry = node.entries.get(part)
            if entry is None:
                entry = (True, Tree())
                node.entries[part] = entry
            node = entry[1]
            node.oid = None
        node.entries[parts[-1]] = (False, blob)

    def remove(self, path):
        parts = path.split("/")
        chain = [self]
        for part in parts[:-1]:
            chain.append(chain[-1].entries[part][1])
        for node in chain:
            node.oid = None
        del chain[-1].entries[parts[-1]]
        # Git stores no empty directories.
        for depth in range(len(parts) - 1, 0, -1):
            if not chain[depth].entries:
                del chain[depth - 1].entries[parts[depth - 1]]

    def id(self):
        if self.oid is None:
            # Git orders entries by name, a directory's name compared as if it ended in "/".
            names = sorted(self.entries, key=lambda n: n.encode() + (b"/" if self.entries[n][0] else b""))
            body = b"".join(
                (b"40000 " + name.encode() + b"\0" + value.id()) if is_tree
                else (b"100644 " + name.encode() + b"\0" + value)
                for name in names
                for is_tree, value in [self.entries[name]])
            self.oid = sha1(b"tree", body)
        return self.oid


# ---- Commits.

ids = []          # commit index -> hex ID
subjects = []     # commit index -> subject
mark_of = []      # commit index -> fast-import mark


def commit(ref, tree, message, parents, changes=(), deletes=()):
    """Writes a commit to fast-import and returns its index. parents are commit indexes."""
    global clock
    clock += STEP
    index = len(ids)
    person = PEOPLE[index % len(PEOPLE)]
    ident = f"{person} {clock} +0000"
    body = message.encode()
    emit(f"commit {ref}\nmark :{index + 1}\n")
    emit(f"author {ident}\ncommitter {ident}\n")
    data(body)
    if parents:
        emit(f"from :{parents[0] + 1}\n")
        for parent in parents[1:]:
            emit(f"merge :{parent + 1}\n")
    for path in deletes:
        emit(f"D {path}\n")
        tree.remove(path)
    for path, blob_text in changes:
        emit(f"M 100644 inline {path}\n")
        data(blob_text)
        tree.set(path, sha1(b"blob", blob_text))
    emit("\n")
    header = f"tree {tree.id().hex()}\n" + "".join(f"parent {ids[p]}\n" for p in parents)
    header += f"author {ident}\ncommitter {ident}\n\n"
    ids.append(hashlib.sha1(b"commit %d\0" % (len(header) + len(body)) + header.encode() + body).hexdigest())
    subjects.append(message.split("\n", 1)[0])
    mark_of.append(index + 1)
    return index


def path_of(number, directory):
    if directory == DIRS:
        return f"docs/topic{number:04d}.md"
    return f"src/dir{directory:02d}/file{number:04d}.py"


files = {}        # file number -> {"dir": n, "lines": [...]}
next_number = 0


def add_file(origin):
    global next_number
    number = next_number
    next_number += 1
    directory = DIRS if number % (DIRS + 1) == DIRS else number % (DIRS + 1)
    kind = "docs" if directory == DIRS else "py"
    files[number] = {"dir": directory, "lines": new_file(number, kind, origin, rng.randint(LINES - 8, LINES + 8))}
    return number


def kind_of(number):
    return "docs" if files[number]["dir"] == DIRS else "py"


def path(number):
    return path_of(number, files[number]["dir"])


def message(subject, notes, fixes=None):
    """A commit message: subject, notes, then the trailers (Fixes, an agent's, a review)."""
    roll = rng.random()
    trailers = []
    if fixes is not None:
        trailers.append(f"Fixes: {ids[fixes][:12]} (\"{subjects[fixes]}\")")
    if roll < 0.4:
        trailers.append(CLAUDE)
    elif roll < 0.5:
        trailers.append(CODEX)
    if roll < 0.5 and rng.random() < 0.06:
        trailers.append(REVIEWER)
    body = f"{subject}\n\n" + "\n".join(notes) + "\n"
    if trailers:
        body += "\n" + "\n".join(trailers) + "\n"
    return body


VERBS = ["Tune", "Refactor", "Extend", "Simplify", "Rework", "Clean up", "Speed up", "Document"]


def subject_for(numbers, fix):
    first = path(numbers[0]).rsplit("/", 1)[-1]  # numbers is never empty
    topic = TOPICS[rng.randrange(len(TOPICS))]
    if fix:
        return f"Fix {topic} in {first}"
    return f"{rng.choice(VERBS)} {topic} in {first}" + (f" and {len(numbers) - 1} more" if len(numbers) > 1 else "")


# ---- The history.

main_tree = Tree()
for _ in range(FILES):
    add_file(0)
root = commit("refs/heads/main", main_tree, "Initial import\n\nThe first version of every module.\n", [],
              changes=[(path(n), text(files[n]["lines"])) for n in sorted(files)])
tags = [("v0", root)]
next_tag = 1
tip = root

# Side branches: each forks at a commit index chosen here and spans its commits, two or three main
# commits and the merge. None starts near the end, so the last commit is on main.
side_starts = set()
start = SIDE_EVERY // 2
while start + 12 < COMMITS:
    side_starts.add(start + rng.randint(-40, 40))
    start += SIDE_EVERY


def pick_files(count, avoid):
    candidates = [n for n in files if n not in avoid]
    return rng.sample(candidates, min(count, len(candidates)))


def ordinary_commit(ref, tree, parent, avoid=frozenset(), structural=True):
    """One commit editing 1 to 4 files; now and then it also adds, deletes or moves a file."""
    index = len(ids)
    fix = rng.random() < 0.05
    chosen = pick_files(rng.choice([1, 1, 2, 2, 3, 4]), avoid)
    notes, deletes, changes = [], [], []
    fixes = None
    for position, number in enumerate(chosen):
        first = fix and position == 0
        touched = edit(files[number]["lines"], kind_of(number), index, rng.randint(1, 3), need_existing=first)
        earlier = [origin for origin in touched if origin != index]  # not lines this commit just wrote
        if first and earlier and rng.random() < 0.5:
            fixes = max(earlier)  # the latest commit among those that wrote the lines this fix changes
        changes.append((path(number), text(files[number]["lines"])))
    subject = subject_for(chosen, fix)
    roll = rng.random() if structural else 1.0
    others = set(avoid) | set(chosen)
    if roll < 0.006:
        number = add_file(index)
        notes.append(f"Add {path(number)}.")
        changes.append((path(number), text(files[number]["lines"])))
    elif roll < 0.010 and len(files) > FILES // 2:
        victim = pick_files(1, others)[0]
        notes.append(f"Remove {path(victim)}.")
        deletes.append(path(victim))
        del files[victim]
    elif roll < 0.015:
        # Move a Python file to another directory, with a small edit.
        moved = pick_files(1, others | {n for n in files if kind_of(n) == "docs"})[0]
        old = path(moved)
        files[moved]["dir"] = (files[moved]["dir"] + 1 + rng.randrange(DIRS - 1)) % DIRS
        edit(files[moved]["lines"], "py", index, 1)
        notes.append(f"Move {old} to {path(moved)}.")
        deletes.append(old)
        changes.append((path(moved), text(files[moved]["lines"])))
    notes.append(f"Touches {len(changes)} file{'s' if len(changes) != 1 else ''}.")
    return commit(ref, tree, message(subject, notes, fixes), [parent], changes=changes, deletes=deletes)


side_number = 0
while len(ids) < COMMITS:
    index = len(ids)
    if index in side_starts and COMMITS - index > 12:
        # A side branch of 3 to 5 commits on files main leaves alone meanwhile, then the merge.
        side_number += 1
        side_len = rng.randint(3, 5)
        main_len = rng.randint(2, 3)
        reserved = set(pick_files(side_len, set()))
        side_tree = main_tree.copy()
        side_tip = tip
        order = sorted(reserved)
        for s in range(side_len):
            number = order[s]
            edit(files[number]["lines"], kind_of(number), len(ids), rng.randint(1, 3))
            side_tip = commit("refs/heads/topic", side_tree,
                              message(f"topic-{side_number}: rework {path(number).rsplit('/', 1)[-1]}",
                                      [f"Part {s + 1} of {side_len}."]),
                              [side_tip], changes=[(path(number), text(files[number]["lines"]))])
        for _ in range(main_len):
            tip = ordinary_commit("refs/heads/main", main_tree, tip, avoid=reserved, structural=False)
            if next_tag * TAG_EVERY <= len(ids):
                tags.append((f"v{next_tag}", tip))
                next_tag += 1
        tip = commit("refs/heads/main", main_tree, f"Merge branch 'topic-{side_number}'\n", [tip, side_tip],
                     changes=[(path(n), text(files[n]["lines"])) for n in order])
    else:
        tip = ordinary_commit("refs/heads/main", main_tree, tip)
    if next_tag * TAG_EVERY <= len(ids) and next_tag * TAG_EVERY <= COMMITS:
        tags.append((f"v{next_tag}", tip))
        next_tag += 1

for name, index in tags:
    emit(f"reset refs/tags/{name}\nfrom :{mark_of[index]}\n\n")
emit("done\n")

with open(EXPECTED, "w") as f:
    f.write(f"refs/heads/main {ids[tip]}\n")
    f.write(f"refs/heads/topic {ids[side_tip]}\n" if side_number else "")
    for name, index in sorted(tags, key=lambda t: int(t[0][1:])):
        f.write(f"refs/tags/{name} {ids[index]}\n")
PY

# Every ID the generator computed (and wrote into Fixes trailers) must be the one git stored.
actual=$(git -C "$repo" for-each-ref --format='%(refname) %(objectname)' refs/heads refs/tags)
if [ "$(sort <<<"$actual")" != "$(sort -- "$expected")" ]; then
  echo "generate-history: the computed commit IDs differ from the imported ones:" >&2
  diff <(sort -- "$expected") <(sort <<<"$actual") >&2 || true
  exit 1
fi
rm -f -- "$expected"
git -C "$repo" update-ref -d refs/heads/topic 2>/dev/null || true

# -f recomputes the deltas: fast-import deltifies each blob against the one written before it, which is
# another file, and a pack four times the size of a real one would make reading it slower than it is.
git -C "$repo" repack -adfq
git -C "$repo" checkout -q -f main
echo "$repo"
