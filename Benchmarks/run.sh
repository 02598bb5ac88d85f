#!/usr/bin/env bash
# Times Paddock against the equivalent git work, side by side in one run, with hyperfine.
#
#   PADDOCK=/path/to/release/paddock Benchmarks/run.sh
#
# Builds nothing: PADDOCK names a release binary (default: `paddock` on PATH).
# Environment: COMMITS (500) and FILES (2000) size the synthetic repository; RUNS (5) and
# WARMUP (1) are passed to hyperfine.
# Results: Benchmarks/.work/*.json (hyperfine exports) and a table of ratios on stdout.
set -euo pipefail

here=$(cd -- "$(dirname -- "$0")" && pwd -P)
work="$here/.work"
repo="$work/repo"
commits=${COMMITS:-500}
files=${FILES:-2000}
runs=${RUNS:-5}
warmup=${WARMUP:-1}

# shellcheck source=Benchmarks/common.sh
. "$here/common.sh"
find_paddock run.sh
require_tools run.sh git hyperfine python3

# The repository: reused when it was generated with the same sizes.
generated_repository "$repo" feature generate-repo.sh "$commits" "$files"
cd -- "$repo"

# File lists, NUL-separated so any path (spaces included) survives.
base=$(git merge-base main feature)
changed="$work/changed-files"
git diff --name-only -z --no-renames --diff-filter=AM "$base" feature >"$changed"
blame_list="$work/blame-files"
# 200 changed files, chosen deterministically: the files added in the range (the renamed ones)
# first, so rename following is exercised, then modified files evenly spaced in byte order.
python3 - "$base" "$blame_list" <<'PY'
import subprocess, sys
base, target = sys.argv[1], sys.argv[2]
def names(status):
    out = subprocess.run(["git", "diff", "--name-only", "-z", "--no-renames", f"--diff-filter={status}", base, "feature"],
                         check=True, capture_output=True).stdout
    return sorted(p for p in out.split(b"\0") if p)
added, modified = names("A"), names("M")
chosen = added[:200]
want = 200 - len(chosen)
if len(modified) <= want:
    chosen += modified
elif want > 0:
    step = len(modified) / want
    chosen += [modified[int(i * step)] for i in range(want)]
with open(target, "wb") as f:
    f.write(b"".join(p + b"\0" for p in chosen))
PY
count_changed=$(tr -cd '\0' <"$changed" | wc -c)
count_blame=$(tr -cd '\0' <"$blame_list" | wc -c)
echo "repository: $repo ($(git rev-list --count main..feature) commits in main..feature, $count_changed files changed)" >&2
echo "paddock: $paddock" >&2

# The commands read these; hyperfine runs each under bash in the repository.
export PADDOCK_BIN="$paddock" CHANGED_LIST="$changed" BLAME_LIST="$blame_list"
hf=(hyperfine --shell bash --warmup "$warmup" --runs "$runs" --style basic)

echo "== attribute main..feature" >&2
"${hf[@]}" --export-json "$work/attribute.json" \
  -n "paddock attribute" \
  '"$PADDOCK_BIN" attribute main..feature --format json >/dev/null' \
  -n "git blame loop ($count_changed files)" \
  'while IFS= read -r -d "" f; do git blame --porcelain main..feature -- "$f" >/dev/null; done <"$CHANGED_LIST"' \
  -n "git log -p" \
  'git log -p main..feature >/dev/null'

echo "== blame of $count_blame files at feature" >&2
"${hf[@]}" --export-json "$work/blame.json" \
  -n "paddock blame, one process per file" \
  'while IFS= read -r -d "" f; do "$PADDOCK_BIN" blame --rev feature --format json -- "$f" >/dev/null; done <"$BLAME_LIST"' \
  -n "paddock blame, one process" \
  'mapfile -d "" -t files <"$BLAME_LIST"; "$PADDOCK_BIN" blame --rev feature --format json -- "${files[@]}" >/dev/null' \
  -n "git blame loop ($count_blame files)" \
  'while IFS= read -r -d "" f; do git blame --porcelain feature -- "$f" >/dev/null; done <"$BLAME_LIST"'

# Ratios of medians from the exports: above 1 means Paddock is faster than the named git baseline.
python3 - "$work/attribute.json" "$work/blame.json" <<'PY'
import json, sys

def medians(path):
    return {r["command"]: r["median"] for r in json.load(open(path))["results"]}

attribute, blame = medians(sys.argv[1]), medians(sys.argv[2])
loop_a = next(k for k in attribute if k.startswith("git blame loop"))
loop_b = next(k for k in blame if k.startswith("git blame loop"))
rows = [
    ("paddock attribute", attribute["paddock attribute"], loop_a, attribute[loop_a]),
    ("paddock attribute", attribute["paddock attribute"], "git log -p (floor)", attribute["git log -p"]),
    ("paddock blame, one process per file", blame["paddock blame, one process per file"], loop_b, blame[loop_b]),
    ("paddock blame, one process", blame["paddock blame, one process"], loop_b, blame[loop_b]),
]
header = ("paddock command", "median", "git baseline", "median", "git/paddock")
table = [header] + [(p, f"{pt:.3f} s", g, f"{gt:.3f} s", f"{gt / pt:.2f}x" if pt > 0 else "n/a") for p, pt, g, gt in rows]
widths = [max(len(r[i]) for r in table) for i in range(len(header))]
print()
for i, r in enumerate(table):
    print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    if i == 0:
        print("  ".join("-" * w for w in widths))
print("\nratio = median git time / median paddock time, measured in the same run; above 1 means paddock is faster.")
PY
