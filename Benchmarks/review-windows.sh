#!/usr/bin/env bash
# Measures how noisy `paddock review` is on a real history: takes the last N first-parent commits of
# HEAD, cuts them into consecutive pushes of W commits (base = the commit before the window, head = its
# last commit), reviews each push with `paddock review BASE..HEAD --format json --no-model`, and prints
# the totals: added lines, findings, findings per 1,000 added lines, findings per rule, blocked windows
# with the findings that blocked them, and windows Paddock could not evaluate.
#
#   Benchmarks/review-windows.sh REPO [--commits 1000] [--window 20] [--paddock BIN] [--out DIR]
#                                     [--jobs 1] [-- EXTRA REVIEW ARGS...]
#
# REPO is any git repository, bare or not; Paddock reads its `.paddock.yml`, if any, as
# `paddock review -C REPO` does. BIN defaults to $PADDOCK, else `paddock` on PATH. DIR (default
# Benchmarks/.work/review-windows/NAME) receives plan.tsv (index, base, head), one window-NNN.json per
# push (the review as Paddock wrote it) and window-NNN.err (its standard error), windows.tsv (index,
# base, head, exit code, seconds), findings.jsonl (every finding with its window) and summary.json (the
# printed figures). Reviews run one at a time unless --jobs says otherwise (at most 2 on a small
# machine). Arguments after `--` go to every `paddock review` (e.g. `-- --config empty.yml`).
#
# A window Paddock cannot evaluate (an exit status other than 0 or 1) is recorded as an error with
# Paddock's message and counted; the run goes on. Needs git, python3 and review-windows.py beside
# this script.
set -euo pipefail
here=$(cd -- "$(dirname -- "$0")" && pwd -P)
me=$(basename -- "$0")
# shellcheck source=Benchmarks/common.sh
. "$here/common.sh"

usage() {
  echo "usage:" >&2
  sed -n '8,9s/^#  //p' "$0" >&2
  exit 64
}

repo="" commits=1000 window=20 out="" jobs=1
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --commits) commits=${2:?}; shift 2 ;;
    --commits=*) commits=${1#*=}; shift ;;
    --window) window=${2:?}; shift 2 ;;
    --window=*) window=${1#*=}; shift ;;
    --paddock) PADDOCK=${2:?}; shift 2 ;;
    --paddock=*) PADDOCK=${1#*=}; shift ;;
    --out) out=${2:?}; shift 2 ;;
    --out=*) out=${1#*=}; shift ;;
    --jobs) jobs=${2:?}; shift 2 ;;
    --jobs=*) jobs=${1#*=}; shift ;;
    -h|--help) usage ;;
    --) shift; extra=("$@"); break ;;
    -*) echo "$me: unknown option $1" >&2; usage ;;
    *) [ -z "$repo" ] || { echo "$me: one REPO only" >&2; usage; }; repo=$1; shift ;;
  esac
done
[ -n "$repo" ] || usage
for n in "$commits" "$window" "$jobs"; do
  case "$n" in ''|*[!0-9]*|0) echo "$me: --commits, --window and --jobs take a positive whole number" >&2; exit 64 ;; esac
done
require_tools "$me" git python3
find_paddock "$me"

gitdir=$(git -C "$repo" rev-parse --absolute-git-dir 2>/dev/null) || { echo "$me: $repo is not a git repository" >&2; exit 1; }
repo=$(cd -- "$repo" && pwd -P)
# The default output folder is named after the work tree, or after a bare repository without `.git`
# (after its parent when it is just `repo`, as in mirrors).
name=$(basename -- "$repo"); name=${name%.git}
if [ "$name" = repo ] || [ -z "$name" ]; then name=$(basename -- "$(dirname -- "$gitdir")"); fi
out=${out:-$here/.work/review-windows/$name}
mkdir -p -- "$out"
out=$(cd -- "$out" && pwd -P)
rm -f -- "$out"/window-*.json "$out"/window-*.err "$out"/windows.tsv "$out"/findings.jsonl "$out"/summary.json
# The extra review arguments, NUL-separated, so that parallel jobs (other processes) read them too.
: >"$out/extra-args"
[ "${#extra[@]}" -eq 0 ] || printf '%s\0' "${extra[@]}" >"$out/extra-args"

# The last N first-parent commits and the one before them (the first base), oldest first.
mapfile -t chain < <(git -C "$repo" rev-list --first-parent --max-count=$((commits + 1)) HEAD | tac)
if [ "${#chain[@]}" -lt 2 ]; then
  echo "$me: $repo needs at least two commits on HEAD's first-parent chain" >&2
  exit 1
fi
# With fewer commits than asked for, the root commit has no base and is left out.
last=$((${#chain[@]} - 1))

plan="$out/plan.tsv"
: >"$plan"
i=0
for ((start = 0; start < last; start += window)); do
  end=$((start + window)); [ "$end" -le "$last" ] || end=$last
  printf '%03d\t%s\t%s\n' "$i" "${chain[$start]}" "${chain[$end]}" >>"$plan"
  i=$((i + 1))
done
echo "$me: $repo: $last commits in $i windows of up to $window, $paddock" >&2

# Reviews one window: writes window-NNN.json and .err and one row of windows.tsv. Exit statuses 0
# (pass, warn) and 1 (block) are results; any other is an error of that window.
review_one() {
  local idx=$1 base=$2 head=$3 t0 t1 rc=0 args=()
  [ -s "$out/extra-args" ] && mapfile -d '' -t args <"$out/extra-args"
  t0=$(date +%s.%N)
  "$paddock" review -C "$repo" "$base..$head" --format json --no-model --color never ${args[@]+"${args[@]}"} \
    >"$out/window-$idx.json" 2>"$out/window-$idx.err" </dev/null || rc=$?
  t1=$(date +%s.%N)
  # One short write per row, so that parallel jobs do not interleave rows.
  printf '%s\t%s\t%s\t%s\t%s\n' "$idx" "$base" "$head" "$rc" "$(awk "BEGIN{printf \"%.2f\", $t1-$t0}")" >>"$out/windows.tsv"
  printf '.' >&2
}

if [ "$jobs" -eq 1 ]; then
  while IFS=$'\t' read -r idx base head; do review_one "$idx" "$base" "$head"; done <"$plan"
else
  export -f review_one
  export paddock repo out
  tr '\t' '\n' <"$plan" | xargs -d '\n' -n 3 -P "$jobs" bash -c 'review_one "$@"' _
fi
echo >&2

python3 "$here/review-windows.py" --repo "$repo" --out "$out" --window "$window" --commits "$last"
