#!/usr/bin/env bash
# Soak test: reviews every push-sized window (WINDOW commits, default 20) along the first-parent history of a
# long generated repository, one `paddock review A..B` per window, and reports failures, the peak memory of each
# run and the slowest window.
#
#   PADDOCK=/path/to/release/paddock Benchmarks/soak.sh [COMMITS=5000] [WINDOW=20]
#
# Uses Benchmarks/.work/history (made by generate-history.sh, reused when present). Needs git and GNU time
# (/usr/bin/time). Writes Benchmarks/.work/soak.tsv: start, end, exit status, seconds, peak KB.
set -euo pipefail

here=$(cd -- "$(dirname -- "$0")" && pwd -P)
work="$here/.work"
repo="$work/history"
commits=${1:-5000}
window=${2:-20}
# shellcheck source=Benchmarks/common.sh
. "$here/common.sh"
find_paddock soak.sh
require_tools soak.sh git
[ -x /usr/bin/time ] || { echo "soak.sh: GNU time (/usr/bin/time) is required" >&2; exit 1; }
if ! git -C "$repo" rev-parse --verify -q main >/dev/null 2>&1; then
  mkdir -p -- "$work"
  "$here/generate-history.sh" "$repo" >/dev/null
fi

mapfile -t line < <(git -C "$repo" rev-list --first-parent --reverse main | head -n "$((commits + 1))")
out="$work/soak.tsv"
: >"$out"
failures=0
for ((i = 0; i + window < ${#line[@]}; i += window)); do
  start=${line[i]}
  end=${line[i + window]}
  set +e
  /usr/bin/time -f "%e %M" -o "$work/soak.time" "$paddock" review -C "$repo" "$start..$end" --format json \
    >/dev/null 2>"$work/soak.err"
  status=$?
  set -e
  # Exit 0 (pass/warn) and 1 (block) are verdicts; anything else is a failure.
  if [ "$status" -gt 1 ]; then
    failures=$((failures + 1))
    echo "window $start..$end failed ($status): $(head -c 300 "$work/soak.err")" >&2
  fi
  read -r seconds peak <"$work/soak.time"
  printf '%s\t%s\t%s\t%s\t%s\n' "$start" "$end" "$status" "$seconds" "$peak" >>"$out"
done

awk -F'\t' -v failures="$failures" '
  { n++; if ($4 > slow) { slow = $4; which = $1 ".." $2 } if ($5 > peak) peak = $5; if (n == 1) first = $5; last = $5 }
  END {
    printf "windows: %d, failures: %d\n", n, failures
    printf "slowest window: %s (%.2f s)\n", which, slow
    printf "peak memory: %.1f MB (first window %.1f MB, last %.1f MB)\n", peak / 1024, first / 1024, last / 1024
  }' "$out"
[ "$failures" -eq 0 ]
