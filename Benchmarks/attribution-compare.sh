#!/usr/bin/env bash
# Compares Paddock's per-commit AI/not-AI labels with attribution-check.py, an independent labeller.
#
# Usage: attribution-compare.sh [-v] REPOSITORY [REV]
#
#   REPOSITORY  a repository (working tree or bare git directory)
#   REV         the head whose whole history is compared (default HEAD)
#   -v          also print both sides' evidence for every disagreement
#
# Environment:
#   PADDOCK   the paddock binary (default: `paddock` on PATH)
#   DIRECT=1  run Paddock on REPOSITORY itself instead of on a replica (see below)
#   KEEP=1    keep the work directory (the replica, Paddock's JSON, the checker's TSV)
#   WORKDIR   use this work directory (kept)
#
# Paddock's per-commit classification comes from `paddock attribute BASE..HEAD --format json`: its
# `commits[]` array has one record per commit of the range with `authorship` (ai, human or unknown),
# `agent` and `evidence`. (`paddock report trends` only gives per-period counts.) `attribute` also traces
# every added line, which needs every blob; mirrors fetched as partial clones lack some, and a range
# `ROOT..HEAD` leaves the root commit out. So by default the script builds a replica with
# `git fast-import`: every commit's author, committer, encoding and message byte for byte, the same
# parents, a tree with one small file, and one extra empty root below the original roots. Paddock's
# classifier reads only those fields, so the labels are the ones it gives on the real repository; the
# replica's commits are mapped back to the original ids. DIRECT=1 runs `attribute FIRST_ROOT..REV` on the
# repository instead (root commits are then not compared).
#
# Labels compared: Paddock `ai` against checker `ai`; Paddock `human` and `unknown` and checker `human`
# and `bot` all count as not AI.
set -euo pipefail

here=$(cd -- "$(dirname -- "$0")" && pwd -P)
. "$here/common.sh"

verbose=0
if [ "${1:-}" = "-v" ]; then
  verbose=1
  shift
fi
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 64
fi
repo=$1
rev=${2:-HEAD}

find_paddock attribution-compare.sh
require_tools attribution-compare.sh git python3

gitdir=$(git -C "$repo" rev-parse --absolute-git-dir)
head=$(git -C "$gitdir" rev-parse --verify "$rev^{commit}")

if [ -n "${WORKDIR:-}" ]; then
  work=$WORKDIR
  mkdir -p "$work"
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/attribution-compare.XXXXXX")
  if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; fi
fi

# 1. The checker.
python3 "$here/attribution-check.py" -C "$gitdir" --rev "$head" >"$work/checker.tsv"

# 2. Paddock, on a replica (default) or on the repository.
if [ -n "${DIRECT:-}" ]; then
  root=$(git -C "$gitdir" rev-list --max-parents=0 "$head" | tail -n 1)
  : >"$work/map.tsv"
  target=$gitdir
  range="$root..$head"
else
  rm -rf "$work/replica.git"
  git init -q --bare "$work/replica.git"
  git -C "$gitdir" rev-list --topo-order --reverse "$head" >"$work/commits.txt"
  python3 - "$gitdir" "$work/commits.txt" "$work/stream" <<'PY'
import subprocess, sys

gitdir, listing, out_path = sys.argv[1:4]
ids = [line.strip() for line in open(listing) if line.strip()]
marks = {sha: i + 2 for i, sha in enumerate(ids)}  # mark 1 is the added empty root
cat = subprocess.Popen(["git", "-C", gitdir, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out = open(out_path, "wb")


def data(payload):
    out.write(b"data %d\n" % len(payload) + payload + b"\n")


out.write(b"commit refs/heads/replica\nmark :1\n")
out.write(b"author Replica Root <replica@invalid> 0 +0000\ncommitter Replica Root <replica@invalid> 0 +0000\n")
data(b"replica root\n")
out.write(b"deleteall\n")
for sha in ids:
    cat.stdin.write(sha.encode() + b"\n")
    cat.stdin.flush()
    header = cat.stdout.readline().split()
    size = int(header[2])
    raw = cat.stdout.read(size)
    cat.stdout.read(1)
    head, _, message = raw.partition(b"\n\n")
    parents, author, committer, encoding = [], None, None, None
    for line in head.split(b"\n"):
        if line.startswith(b" "):
            continue  # continuation of gpgsig / mergetag
        key, _, value = line.partition(b" ")
        if key == b"parent":
            parents.append(value.decode())
        elif key == b"author":
            author = value
        elif key == b"committer":
            committer = value
        elif key == b"encoding":
            encoding = value
    out.write(b"commit refs/heads/replica\nmark :%d\n" % marks[sha])
    out.write(b"author " + author + b"\ncommitter " + committer + b"\n")
    if encoding:
        out.write(b"encoding " + encoding + b"\n")
    data(message)
    inside = [p for p in parents if p in marks]
    if not inside:
        out.write(b"from :1\n")
    for index, parent in enumerate(inside):
        out.write((b"from :%d\n" if index == 0 else b"merge :%d\n") % marks[parent])
    out.write(b"M 100644 inline commit\n")
    data(sha.encode() + b"\n")
cat.stdin.close()
cat.wait()
out.close()
PY
  git -C "$work/replica.git" fast-import --quiet --export-marks="$work/marks" <"$work/stream"
  python3 - "$work/commits.txt" "$work/marks" >"$work/map.tsv" <<'PY'
import sys

ids = [line.strip() for line in open(sys.argv[1]) if line.strip()]
for line in open(sys.argv[2]):
    mark, new = line.split()
    index = int(mark[1:]) - 2
    if index >= 0:
        print(f"{new}\t{ids[index]}")
PY
  target=$work/replica.git
  replica_root=$(git -C "$target" rev-list --max-parents=0 refs/heads/replica)
  range="$replica_root..refs/heads/replica"
  rm -f "$work/stream"
fi

start=$(date +%s)
"$paddock" attribute -C "$target" "$range" --format json --color never >"$work/paddock.json"
echo "paddock attribute $range: $(($(date +%s) - start))s" >&2

# 3. The comparison.
python3 - "$work/paddock.json" "$work/checker.tsv" "$work/map.tsv" "$gitdir" "$verbose" <<'PY'
import json, subprocess, sys

paddock_path, checker_path, map_path, gitdir, verbose = sys.argv[1:6]
verbose = verbose == "1"
mapping = {}
for line in open(map_path):
    new, old = line.rstrip("\n").split("\t")
    mapping[new] = old

paddock = {}
for record in json.load(open(paddock_path))["commits"]:
    sha = mapping.get(record["id"], record["id"])
    label = record["authorship"]
    if label == "ai":
        label = "ai:" + (record.get("agent") or "?")
    evidence = "; ".join(f"{e.get('source')}: {e.get('text')}" for e in record.get("evidence", [])[:3])
    paddock[sha] = (label, evidence, record.get("summary", ""))

checker = {}
for line in open(checker_path, encoding="utf-8"):
    sha, label, agent, evidence = line.rstrip("\n").split("\t", 3)
    checker[sha] = ("ai:" + agent if label == "ai" else label, evidence)

common = [sha for sha in checker if sha in paddock]
only_checker = len(checker) - len(common)
agree = sum(1 for sha in common if paddock[sha][0].startswith("ai") == checker[sha][0].startswith("ai"))
both_ai = sum(1 for sha in common if paddock[sha][0].startswith("ai") and checker[sha][0].startswith("ai"))
paddock_only = [sha for sha in common if paddock[sha][0].startswith("ai") and not checker[sha][0].startswith("ai")]
checker_only = [sha for sha in common if checker[sha][0].startswith("ai") and not paddock[sha][0].startswith("ai")]
agent_differs = sum(
    1 for sha in common
    if paddock[sha][0].startswith("ai") and checker[sha][0].startswith("ai") and paddock[sha][0] != checker[sha][0])

print(f"commits compared\t{len(common)}")
if only_checker:
    print(f"not in paddock's range\t{only_checker}")
print(f"paddock ai\t{sum(1 for s in common if paddock[s][0].startswith('ai'))}")
print(f"checker ai\t{sum(1 for s in common if checker[s][0].startswith('ai'))}")
print(f"both ai\t{both_ai}")
print(f"paddock ai, checker not\t{len(paddock_only)}")
print(f"checker ai, paddock not\t{len(checker_only)}")
print(f"agreement (ai / not ai)\t{100.0 * agree / len(common) if common else 0:.2f}%\t{agree}/{len(common)}")
print(f"both ai, agents differ\t{agent_differs}")
print()
print("sha\tpaddock\tchecker\tsubject" + ("\tpaddock evidence\tchecker evidence" if verbose else ""))
subjects = {}
wanted = paddock_only + checker_only
if wanted:
    out = subprocess.run(["git", "-C", gitdir, "show", "-s", "--format=%H%x09%s", *wanted],
                         capture_output=True, text=True, errors="replace").stdout
    for line in out.splitlines():
        sha, _, subject = line.partition("\t")
        subjects[sha] = subject
for sha in wanted:
    row = [sha, paddock[sha][0], checker[sha][0], subjects.get(sha, paddock[sha][2])]
    if verbose:
        row += [paddock[sha][1] or "-", checker[sha][1]]
    print("\t".join(x.replace("\t", " ") for x in row))
PY
if [ -n "${KEEP:-}${WORKDIR:-}" ]; then echo "work directory: $work" >&2; fi
