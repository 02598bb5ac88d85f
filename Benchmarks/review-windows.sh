#!/usr/bin/env bash
# Measures how noisy `paddock review` is on a real history: takes the last N first-parent commits of
# HEAD, cuts them into consecutive pushes of W commits (base = the commit before the window, head = its
# last commit), reviews each push with `paddock review BASE..HEAD --format json`, and prints the totals:
# added lines, findings, findings per 1,000 added lines, findings per rule, blocked windows with the
# findings that blocked them, and windows Paddock could not evaluate.
#
#   Benchmarks/review-windows.sh REPO [--commits 1000] [--window 20] [--paddock BIN] [--out DIR]
#                                     [--jobs 1] [-- EXTRA REVIEW ARGS...]
#
# REPO is any git repository, bare or not (Paddock reads its `.paddock.yml`, if any, as
# `paddock review -C REPO` does). BIN
# defaults to $PADDOCK, else `paddock` on PATH. DIR (default Benchmarks/.work/review-windows/NAME)
# receives one `window-NNN.json` per push (the review as Paddock wrote it), `window-NNN.err` (its
# standard error), `windows.tsv` (index, base, head, exit code, seconds), `findings.jsonl` (every
# finding with its window) and `summary.json` (the printed figures). Reviews run one at a time unless
# --jobs says otherwise (at most 2 is sensible on a small machine). Arguments after `--` go to every
# `paddock review` (e.g. `-- --config empty.yml`); model review is always off (--no-model).
#
# A window Paddock cannot evaluate (exit 2, e.g. a blob missing from a partial clone) is recorded as an
# error with Paddock's message and counted; the run goes on. Needs git, python3 and
# Benchmarks/review-windows.py beside this script.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
me=$(basename "$0")

usage() {
  echo "usage:" >&2
  sed -n '8,9s/^#  //p' "$0" >&2
  exit 64
}

repo="" commits=1000 window=20 paddock=${PADDOCK:-} out="" jobs=1
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --commits) commits=${2:?}; shift 2 ;;
    --commits=*) commits=${1#*=}; shift ;;
    --window) window=${2:?}; shift 2 ;;
    --window=*) window=${1#*=}; shift ;;
    --paddock) paddock=${2:?}; shift 2 ;;
    --paddock=*) paddock=${1#*=}; shift ;;
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
command -v git >/dev/null || { echo "$me: git is required" >&2; exit 1; }
command -v python3 >/dev/null || { echo "$me: python3 is required" >&2; exit 1; }

paddock=${paddock:-$(command -v paddock || true)}
[ -n "$paddock" ] || { echo "$me: give --paddock BIN, set PADDOCK, or put paddock on PATH" >&2; exit 1; }
case "$paddock" in */*) paddock=$(cd -- "$(dirname -- "$paddock")" && pwd -P)/$(basename -- "$paddock") ;; *) paddock=$(command -v "$paddock") ;; esac
[ -x "$paddock" ] || { echo "$me: $paddock is not executable" >&2; exit 1; }

gitdir=$(git -C "$repo" rev-parse --absolute-git-dir 2>/dev/null) || { echo "$me: $repo is not a git repository" >&2; exit 1; }
repo=$(cd -- "$repo" && pwd -P)
# A name for the default output folder: the work tree's folder, or a bare repository's folder without
# `.git` (its parent's name when it is just `repo`, as in mirrors).
name=$(basename -- "$repo"); name=${name%.git}
if [ "$name" = repo ] || [ "$name" = .git ] || [ -z "$name" ]; then name=$(basename -- "$(dirname -- "$gitdir")"); fi
out=${out:-$here/.work/review-windows/$name}
mkdir -p -- "$out"
out=$(cd -- "$out" && pwd -P)
rm -f -- "$out"/window-*.json "$out"/window-*.err "$out"/windows.tsv "$out"/findings.jsonl "$out"/summary.json

# The last N first-parent commits, plus the one before them as the first base; oldest first.
mapfile -t chain < <(git -C "$repo" rev-list --first-parent --max-count=$((commits + 1)) HEAD | tac)
if [ "${#chain[@]}" -lt 2 ]; then
  echo "$me: $repo needs at least two commits on HEAD's first-parent chain" >&2
  exit 1
fi
# Fewer commits than asked for: the root commit has no base, so it is left out.
last=$((${#chain[@]} - 1))

# One line per window: index, base, head.
plan="$out/plan.tsv"
: >"$plan"
i=0
for ((start = 0; start < last; start += window)); do
  end=$((start + window)); [ "$end" -le "$last" ] || end=$last
  printf '%03d\t%s\t%s\n' "$i" "${chain[$start]}" "${chain[$end]}" >>"$plan"
  i=$((i + 1))
done
echo "$me: $repo: $last commits in $i windows of up to $window, $paddock" >&2

# Reviews one window; writes window-NNN.json / .err and one windows.tsv row. Exit codes 0 (pass/warn)
# and 1 (block) are results; anything else is an error of that window.
review_one() {
  local idx=$1 base=$2 head=$3 t0 t1 rc=0
  t0=$(date +%s.%N)
  "$paddock" review -C "$repo" "$base..$head" --format json --no-model --color never "${extra[@]}" \
    >"$out/window-$idx.json" 2>"$out/window-$idx.err" </dev/null || rc=$?
  t1=$(date +%s.%N)
  # One short write, so parallel jobs do not interleave rows.
  printf '%s\t%s\t%s\t%s\t%s\n' "$idx" "$base" "$head" "$rc" "$(awk "BEGIN{printf \"%.2f\", $t1-$t0}")" >>"$out/windows.tsv"
  printf '.' >&2
}

if [ "$jobs" -eq 1 ]; then
  while IFS=$'\t' read -r idx base head; do review_one "$idx" "$base" "$head"; done <"$plan"
else
  export -f review_one
  export paddock repo out
  # Arrays cannot be exported; pass the extra arguments through a NUL-free joined variable.
  if [ "${#extra[@]}" -gt 0 ]; then echo "$me: extra review arguments need --jobs 1" >&2; exit 64; fi
  tr '\t' '\n' <"$plan" | xargs -d '\n' -n 3 -P "$jobs" bash -c 'extra=(); review_one "$@"' _
fi
echo >&2

python3 "$here/review-windows.py" --repo "$repo" --out "$out" --window "$window" --commits "$last"
