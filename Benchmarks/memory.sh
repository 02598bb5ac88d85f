#!/usr/bin/env bash
# Peak memory and wall time of `paddock attribute ROOT..HEAD` over the whole history of a repository, text and
# JSON, beside git reading the same range in the same run (the baseline: `git log --numstat ROOT..HEAD`; when git
# cannot finish it, because objects are missing, `git log --raw`, else `git log --format=raw`, the commits alone).
#
#   PADDOCK=/path/to/release/paddock Benchmarks/memory.sh REPO [HEAD]
#
# REPO may be bare. ROOT is the oldest root commit of HEAD (with several roots, the commits of the others are in
# the range). With BEFORE=/path/to/another/paddock, that binary runs too and its outputs must equal PADDOCK's byte
# for byte (exit 1 otherwise). Builds nothing; needs git and GNU time. Outputs go to Benchmarks/.work/memory/.
set -euo pipefail

here=$(cd -- "$(dirname -- "$0")" && pwd -P)
out="$here/.work/memory"
# shellcheck source=Benchmarks/common.sh
. "$here/common.sh"
find_paddock memory.sh
require_tools memory.sh git
[ -x /usr/bin/time ] || { echo "memory.sh: GNU time (/usr/bin/time) is required" >&2; exit 1; }
[ $# -ge 1 ] || { echo "usage: memory.sh REPO [HEAD]" >&2; exit 2; }
repo=$1
head=${2:-HEAD}
git -C "$repo" rev-parse --verify -q "$head^{commit}" >/dev/null || { echo "memory.sh: $head is not a commit in $repo" >&2; exit 1; }
root=$(git -C "$repo" rev-list --max-parents=0 "$head" | tail -n 1)
commits=$(git -C "$repo" rev-list --count "$root..$head")
mkdir -p "$out"

# measure NAME OUTFILE COMMAND...: runs COMMAND under GNU time, keeping its output; prints "NAME SECONDS MB STATUS".
measure() {
  local name=$1 file=$2 status=0
  shift 2
  /usr/bin/time -f '%e %M' -o "$out/$name.time" "$@" >"$file" 2>"$out/$name.err" || status=$?
  # GNU time puts "Command exited with non-zero status N" before the figures.
  read -r seconds kilobytes < <(tail -n 1 "$out/$name.time")
  echo "$name $seconds $((kilobytes / 1024)) $status"
}

echo "$repo: $root..$head, $commits commits"
results=()
# The first of these git can finish: a repository missing objects (a partial clone without its promisor) cannot
# give the files of a commit, and then only its commits are read.
for format in --numstat --raw --format=raw; do
  baseline=$(measure "git-log${format#-}" /dev/null git -C "$repo" log "$format" "$root..$head")
  [ "$(echo "$baseline" | cut -d' ' -f4)" != 0 ] || break
done
results+=("$baseline")
results+=("$(measure text "$out/text.txt" "$paddock" attribute -C "$repo" "$root..$head" --color never)")
results+=("$(measure json "$out/attribution.json" "$paddock" attribute -C "$repo" "$root..$head" --format json)")
if [ -n "${BEFORE:-}" ]; then
  results+=("$(measure before-text "$out/before-text.txt" "$BEFORE" attribute -C "$repo" "$root..$head" --color never)")
  results+=("$(measure before-json "$out/before.json" "$BEFORE" attribute -C "$repo" "$root..$head" --format json)")
fi

read -r _ base_seconds base_mb _ <<<"$baseline"
printf '%-18s %9s %8s %10s %10s %6s\n' run seconds peak-MB "time/git" "memory/git" status
failed=0
for line in "${results[@]}"; do
  read -r name seconds mb status <<<"$line"
  printf '%-18s %9s %8s %10s %10s %6s\n' "$name" "$seconds" "$mb" \
    "$(awk -v a="$seconds" -v b="$base_seconds" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')" \
    "$(awk -v a="$mb" -v b="$base_mb" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')" "$status"
  case $name in git-log*) ;; *) [ "$status" = 0 ] || failed=1 ;; esac
done
if [ -n "${BEFORE:-}" ]; then
  cmp -s "$out/text.txt" "$out/before-text.txt" || { echo "text output differs from BEFORE's" >&2; failed=1; }
  cmp -s "$out/attribution.json" "$out/before.json" || { echo "JSON output differs from BEFORE's" >&2; failed=1; }
fi
exit "$failed"
