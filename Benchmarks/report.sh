#!/usr/bin/env bash
# Times `paddock report release --tags 'v*'` over a long generated history, with an empty and a
# filled report cache, against the same report computed with git alone (release-by-blame.sh),
# side by side in one hyperfine run. Then checks that all three give the same figures.
#
#   PADDOCK=/path/to/release/paddock Benchmarks/report.sh [--check]
#
# Builds nothing: PADDOCK names a release binary (default: `paddock` on PATH).
# --check: time nothing; run each command once and compare the figures.
# Environment: COMMITS (20000), FILES (300) and TAG_EVERY (400) size the history (see
# generate-history.sh); RUNS (3) and WARMUP (0) are passed to hyperfine. TAGS ('v*') picks the
# releases. COPIES, e.g. COPIES='any-commit 100 100', follows moved and copied lines: paddock gets
# `--copies any-commit --move-threshold 100 --copy-threshold 100` and git blame `-M100 -C100 -C -C`.
# Results: Benchmarks/.work/report.json (the hyperfine export), the three commands' outputs
# (release-cold.json, release-warm.json, release-by-blame.jsonl) and a table of ratios on stdout.
# Exits 1 if the figures differ.
set -euo pipefail

check_only=false
case "${1-}" in
  "") ;;
  --check) check_only=true ;;
  *)
    echo "usage: $0 [--check]" >&2
    exit 64
    ;;
esac

here=$(cd -- "$(dirname -- "$0")" && pwd -P)
work="$here/.work"
repo="$work/history"
commits=${COMMITS:-20000}
files=${FILES:-300}
tag_every=${TAG_EVERY:-400}
runs=${RUNS:-3}
warmup=${WARMUP:-0}
tags=${TAGS:-v*}
copies_args=""
blame_options=""
if [ -n "${COPIES-}" ]; then
  read -r copies_mode move_threshold copy_threshold <<<"$COPIES"
  move_threshold=${move_threshold:-20}
  copy_threshold=${copy_threshold:-40}
  copies_args="--copies $copies_mode --move-threshold $move_threshold --copy-threshold $copy_threshold"
  case "$copies_mode" in
    off) blame_options="" ;;
    moves) blame_options="-M$move_threshold" ;;
    same-commit) blame_options="-M$move_threshold -C$copy_threshold" ;;
    creating-commit) blame_options="-M$move_threshold -C$copy_threshold -C" ;;
    any-commit) blame_options="-M$move_threshold -C$copy_threshold -C -C" ;;
    *)
      echo "report.sh: COPIES must start with off, moves, same-commit, creating-commit or any-commit" >&2
      exit 64
      ;;
  esac
fi

# shellcheck source=Benchmarks/common.sh
. "$here/common.sh"
find_paddock report.sh
tools="git python3"
$check_only || tools="$tools hyperfine"
# shellcheck disable=SC2086 # the list is split on purpose
require_tools report.sh $tools

# The history: reused when it was generated with the same sizes.
generated_repository "$repo" main generate-history.sh "$commits" "$files" "$tag_every"
cd -- "$repo"

cache="$(cd -- "$(git rev-parse --git-common-dir)" && pwd -P)/paddock/report-cache"
cold="$work/release-cold.json"
warm="$work/release-warm.json"
baseline="$work/release-by-blame.jsonl"
echo "repository: $repo ($(git rev-list --count main) commits, $(git tag -l 'v*' | wc -l) tags v*, $(git ls-files | wc -l) files)" >&2
echo "paddock: $paddock" >&2

# The commands read these; hyperfine runs each under bash in the repository. Each writes its
# output to a file (the last run's stays) so the figures can be compared afterwards.
export PADDOCK_BIN="$paddock" REPORT_CACHE="$cache" BASELINE="$here/release-by-blame.sh" REPO="$repo"
export COLD_OUT="$cold" WARM_OUT="$warm" BASELINE_OUT="$baseline" TAGS="$tags" COPIES_ARGS="$copies_args"
export BLAME_OPTIONS="$blame_options"
report_cold='"$PADDOCK_BIN" report release --tags "$TAGS" $COPIES_ARGS --format json >"$COLD_OUT"'
report_warm='"$PADDOCK_BIN" report release --tags "$TAGS" $COPIES_ARGS --format json >"$WARM_OUT"'
by_blame='"$BASELINE" "$REPO" "$TAGS" >"$BASELINE_OUT"'
empty_cache='rm -rf -- "$REPORT_CACHE"'
fill_cache='[ -d "$REPORT_CACHE" ] || "$PADDOCK_BIN" report release --tags "$TAGS" --format json >/dev/null'

if $check_only; then
  echo "== running each once" >&2
  bash -c "$empty_cache && $report_cold"
  bash -c "$fill_cache && $report_warm"
  bash -c "$by_blame"
else
  bash -c "$fill_cache"
  echo "== report release --tags '$tags' $copies_args (git blame $blame_options)" >&2
  hyperfine --shell bash --warmup "$warmup" --runs "$runs" --style basic --export-json "$work/report.json" \
    --prepare "$empty_cache" -n "paddock report, cold cache" "$report_cold" \
    --prepare "$fill_cache" -n "paddock report, warm cache" "$report_warm" \
    --prepare true -n "git blame per release (release-by-blame.sh)" "$by_blame"

  # Ratios of medians from the export: above 1 means Paddock is faster than git.
  python3 - "$work/report.json" <<'PY'
import sys, json

medians = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
git_name = next(k for k in medians if k.startswith("git blame"))
git_time = medians[git_name]
rows = [(name, medians[name]) for name in ("paddock report, cold cache", "paddock report, warm cache")]
header = ("paddock command", "median", "git baseline", "median", "git/paddock")
table = [header] + [(p, f"{pt:.3f} s", git_name, f"{git_time:.3f} s", f"{git_time / pt:.2f}x" if pt > 0 else "n/a")
                    for p, pt in rows]
widths = [max(len(r[i]) for r in table) for i in range(len(header))]
print()
for i, r in enumerate(table):
    print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    if i == 0:
        print("  ".join("-" * w for w in widths))
cold, warm = rows[0][1], rows[1][1]
if warm > 0:
    print(f"\ncold/warm: {cold / warm:.2f}x (median with an empty cache / median with a filled one).")
print("ratio = median git time / median paddock time, measured in the same run; above 1 means paddock is faster.")
PY
fi

# The figures: paddock with a cold and a warm cache must agree exactly, and with git per release.
python3 - "$cold" "$warm" "$baseline" <<'PY'
import json, os, sys

cold = json.load(open(sys.argv[1]))
warm = json.load(open(sys.argv[2]))
git = [json.loads(line) for line in open(sys.argv[3]) if line.strip()]
problems = []
if warm != cold:
    for index, (c, w) in enumerate(zip(cold["releases"], warm["releases"])):
        keys = [k for k in c if c[k] != w.get(k)]
        if keys:
            problems.append(f"{c['start']}..{c['end']}: warm cache differs from cold in {', '.join(keys)}")
    if len(cold["releases"]) != len(warm["releases"]) or not problems:
        problems.append(f"warm cache report differs from cold ({len(warm['releases'])} and {len(cold['releases'])} releases)")
rows = cold["releases"]
if len(rows) != len(git):
    problems.append(f"paddock reports {len(rows)} releases, git {len(git)}")
for p, g in zip(rows, git):
    name = f"{g['start']}..{g['end']}"
    for key in ("start", "end", "ai_lines", "total_lines", "human_lines", "commits", "ai_commits", "files"):
        if p.get(key) != g[key]:
            problems.append(f"{name}: {key} paddock {p.get(key)}, git {g[key]}")
    if p.get("unknown_lines"):
        problems.append(f"{name}: unknown_lines paddock {p['unknown_lines']}, git 0")
print()
if problems:
    print(f"{len(problems)} mismatch{'es' if len(problems) != 1 else ''} (outputs in {os.path.dirname(os.path.abspath(sys.argv[1]))}):")
    for problem in problems:
        print("  " + problem)
    sys.exit(1)
print(f"figures: all {len(rows)} releases agree (paddock cold, paddock warm and git: ai_lines, human_lines, "
      "total_lines, commits, ai_commits, files).")
PY
