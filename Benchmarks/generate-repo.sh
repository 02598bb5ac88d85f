#!/usr/bin/env bash
# Creates a deterministic synthetic repository for the benchmarks, using git fast-import.
#
#   Benchmarks/generate-repo.sh OUTDIR [COMMITS=500] [FILES=2000]
#
# Layout:
#   main     one commit creating FILES Swift files of about 40 lines each, in 50 directories
#            (src/dirNN/fileNNNN.swift).
#   feature  COMMITS commits on top of main (counting a side branch and its merge), which
#            together modify every one of the FILES files. Each commit edits 4 to 10 files
#            (inserting, replacing and deleting a few lines); about half carry the trailer
#            `Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>`. A handful of commits
#            move a file to a new path with small edits (one into a directory whose name has a
#            space), and one side branch forked from feature is merged back into it.
#
# The same arguments always give the same commits (fixed seed, names and timestamps).
# Needs git and python3. Prints the repository's absolute path.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 3 ]; then
  echo "usage: $0 OUTDIR [COMMITS=500] [FILES=2000]" >&2
  exit 64
fi
outdir=$1
commits=${2:-500}
files=${3:-2000}
case "$commits$files" in *[!0-9]*)
  echo "generate-repo: COMMITS and FILES must be whole numbers" >&2
  exit 64
  ;;
esac
if [ "$commits" -lt 20 ] || [ "$files" -lt 60 ]; then
  echo "generate-repo: need COMMITS >= 20 and FILES >= 60" >&2
  exit 64
fi
# shellcheck source=Benchmarks/common.sh
. "$(cd -- "$(dirname -- "$0")" && pwd -P)/common.sh"
new_repository generate-repo "$outdir"

python3 - "$commits" "$files" <<'PY' | git -C "$repo" fast-import --quiet --done
import random
import sys

COMMITS = int(sys.argv[1])
FILES = int(sys.argv[2])
DIRS = 50
LINES = 40
RENAMES = 6
TRAILER = "Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>"
IDENT = "Riley Example <riley@example.com>"
EPOCH = 1700000000  # 2023-11-14T22:13:20Z
STEP = 900          # seconds between commits

rng = random.Random(20240611)
out = sys.stdout.buffer
clock = EPOCH
serial = 0  # makes every generated statement distinct


def emit(text):
    out.write(text.encode())


def data(payload):
    body = payload.encode()
    out.write(b"data %d\n" % len(body))
    out.write(body)
    out.write(b"\n")


WORDS = ["value", "count", "index", "total", "buffer", "offset", "result", "cache",
         "limit", "state", "token", "weight", "score", "length", "cursor", "handle"]
CALLS = ["compute", "resolve", "lookup", "merge", "normalise", "validate", "render", "hash"]


def statement():
    global serial
    serial += 1
    word = WORDS[serial % len(WORDS)]
    call = CALLS[(serial // 7) % len(CALLS)]
    return f"    let {word}{serial} = {call}({rng.randint(0, 9999)}, \"{rng.getrandbits(32):08x}\")"


def new_file(number):
    lines = ["import Foundation", "", f"struct Type{number:04d} {{"]
    while len(lines) < LINES - 1:
        lines.append(f"  func step{len(lines)}() -> Int {{")
        for _ in range(rng.randint(2, 5)):
            lines.append(statement())
        lines.append("    return 0")
        lines.append("  }")
        lines.append("")
    lines.append("}")
    return lines


def edit(lines, small=False):
    """A few insertions, replacements and deletions, away from the first and last lines."""
    operations = 1 if small else rng.randint(2, 4)
    for _ in range(operations):
        kind = rng.choice(["insert", "replace", "delete"])
        if kind == "delete" and len(lines) < 16:
            kind = "insert"
        position = rng.randint(3, len(lines) - 2)
        if kind == "insert":
            for offset in range(rng.randint(1, 4)):
                lines.insert(position + offset, statement())
        elif kind == "replace":
            for offset in range(rng.randint(1, 3)):
                if position + offset < len(lines) - 1:
                    lines[position + offset] = statement()
        else:
            del lines[position:min(position + rng.randint(1, 2), len(lines) - 1)]


def text(lines):
    return "\n".join(lines) + "\n"


def commit(ref, mark, message, parent=None, merge=None, changes=(), deletes=()):
    global clock
    clock += STEP
    emit(f"commit {ref}\nmark :{mark}\n")
    emit(f"author {IDENT} {clock} +0000\ncommitter {IDENT} {clock} +0000\n")
    data(message)
    if parent is not None:
        emit(f"from :{parent}\n")
    if merge is not None:
        emit(f"merge :{merge}\n")
    for path in deletes:
        emit(f"D {path}\n")
    for path, lines in changes:
        emit(f"M 100644 inline {path}\n")
        data(text(lines))
    emit("\n")


# The initial commit on main.
paths = {n: f"src/dir{n % DIRS:02d}/file{n:04d}.swift" for n in range(FILES)}
contents = {n: new_file(n) for n in range(FILES)}
commit("refs/heads/main", 1, "Initial import\n", changes=[(paths[n], contents[n]) for n in range(FILES)])

# Feature history: linear commits, with a side branch forked partway and merged back.
side_count = max(2, min(8, COMMITS // 50))
linear = COMMITS - side_count - 1
fork_at = linear // 2            # the side branch forks after this many linear commits
merge_at = min(linear, fork_at + 3 * side_count)  # ...and is merged after this many
side_files = set(rng.sample(range(FILES), 3 * side_count))
rename_at = {round((k + 1) * linear / (RENAMES + 1)) for k in range(RENAMES)}
rename_at -= set(range(fork_at, merge_at + 1))
renamed = set()

untouched = list(range(FILES))
rng.shuffle(untouched)
# Files reserved for the side branch are left to it, so the merge is clean.
untouched = [n for n in untouched if n not in side_files]


def pick(count, remaining_commits):
    """count files (or more), drawing enough never-touched ones to cover all files by the end."""
    need = -(-len(untouched) // max(1, remaining_commits))
    chosen = [untouched.pop() for _ in range(min(need, len(untouched)))]
    while len(chosen) < count:
        n = rng.randrange(FILES)
        if n not in side_files and n not in chosen:
            chosen.append(n)
    return chosen


def message(subject, body_lines):
    ai = rng.random() < 0.5
    body = "\n".join(body_lines)
    return f"{subject}\n\n{body}\n" + (f"\n{TRAILER}\n" if ai else "")


mark = 1
tip = 1
side_tip = None
done_linear = 0
while done_linear < linear:
    if done_linear == fork_at:
        # The side branch: edits only its reserved files.
        side_parent = tip
        order = sorted(side_files)
        for s in range(side_count):
            mark += 1
            chunk = order[s * 3:(s + 1) * 3]
            for n in chunk:
                edit(contents[n])
            commit("refs/heads/side", mark, message(f"side: rework part {s + 1}", [f"Touches {len(chunk)} files."]),
                   parent=side_parent, changes=[(paths[n], contents[n]) for n in chunk])
            side_parent = mark
        side_tip = side_parent
    if done_linear == merge_at and side_tip is not None:
        mark += 1
        commit("refs/heads/feature", mark, "Merge branch 'side' into feature\n", parent=tip, merge=side_tip,
               changes=[(paths[n], contents[n]) for n in sorted(side_files)])
        tip = mark
        side_tip = None
    remaining = linear - done_linear
    chosen = pick(rng.randint(4, 10), remaining)
    deletes = []
    notes = []
    moved = None
    if done_linear + 1 in rename_at:
        moved = next((n for n in chosen if n not in renamed), None)
        if moved is None:
            moved = next(n for n in range(FILES) if n not in renamed and n not in side_files)
            chosen.append(moved)
        old = paths[moved]
        directory = "src/shared utils" if not renamed else f"src/dir{(moved + 17) % DIRS:02d}"
        paths[moved] = f"{directory}/moved{moved:04d}.swift"
        renamed.add(moved)
        deletes.append(old)
        notes.append(f"Move {old} to {paths[moved]}.")
    for n in chosen:
        edit(contents[n], small=n == moved)
    notes.append(f"Touches {len(chosen)} files.")
    mark += 1
    commit("refs/heads/feature", mark, message(f"feature: change {done_linear + 1}", notes),
           parent=tip, changes=[(paths[n], contents[n]) for n in chosen], deletes=deletes)
    tip = mark
    done_linear += 1

if side_tip is not None:  # merge_at == linear
    mark += 1
    commit("refs/heads/feature", mark, "Merge branch 'side' into feature\n", parent=tip, merge=side_tip,
           changes=[(paths[n], contents[n]) for n in sorted(side_files)])

assert not untouched, f"{len(untouched)} files never touched"
emit("done\n")
PY

git -C "$repo" repack -adq
git -C "$repo" checkout -q -f feature
echo "$repo"
