#!/usr/bin/env bash
# Times `paddock review` of a push of 200 commits (about 30,000 added lines in 300 files) side by
# side, in one hyperfine run, with `git log -p` over the same range (the floor: reading the same
# diffs and printing them) and, where installed, Semgrep with the same regex rules and
# --baseline-commit. Prints each command's ratio to `git log -p`.
#
#   PADDOCK=path/to/paddock Benchmarks/review.sh
#
# Semgrep is taken from $SEMGREP, else Benchmarks/.work/semgrep-venv/bin/semgrep, else PATH; to get
# it: python3 -m venv Benchmarks/.work/semgrep-venv && Benchmarks/.work/semgrep-venv/bin/pip install semgrep
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work="$here/.work"
repo="$work/push-repo"
PADDOCK=${PADDOCK:-paddock}
RUNS=${RUNS:-10}
WARMUP=${WARMUP:-2}
mkdir -p "$work"

command -v hyperfine >/dev/null || { echo "hyperfine is required (apt-get install hyperfine)" >&2; exit 1; }
[ -d "$repo" ] || "$here/generate-push.sh" "$repo"
base=$(git -C "$repo" rev-parse main)

semgrep=${SEMGREP:-}
if [ -z "$semgrep" ]; then
  if [ -x "$work/semgrep-venv/bin/semgrep" ]; then semgrep="$work/semgrep-venv/bin/semgrep"
  elif command -v semgrep >/dev/null; then semgrep=$(command -v semgrep); fi
fi

commands=(
  "git -C '$repo' log -p main..push"
  "'$PADDOCK' review -C '$repo' main..push --format json"
)
names=("git log -p" "paddock review")
if [ -n "$semgrep" ]; then
  python="$(dirname "$semgrep")/python"
  [ -x "$python" ] || python=python3
  "$python" "$here/semgrep-config.py" "$root"/rules/*.yml > "$work/semgrep.yml" 2>/dev/null
  # The version check reaches for the network and hangs without it.
  commands+=("cd '$repo' && SEMGREP_ENABLE_VERSION_CHECK=0 '$semgrep' scan --config '$work/semgrep.yml' --baseline-commit $base --metrics off --json --quiet")
  names+=("semgrep --baseline-commit")
else
  echo "Semgrep not found: timing Paddock against git only." >&2
fi

args=()
for i in "${!commands[@]}"; do args+=(--command-name "${names[$i]}" "${commands[$i]}"); done
hyperfine --ignore-failure --warmup "$WARMUP" --runs "$RUNS" --export-json "$work/review.json" "${args[@]}"

python3 - "$work/review.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
floor = results[0]["median"]
print()
for r in results:
    print(f'{r["command"]:<28} median {r["median"]*1000:8.1f} ms   {r["median"]/floor:6.2f} x git log -p')
paddock = next(r for r in results if r["command"] == "paddock review")
for r in results:
    if r["command"].startswith("semgrep"):
        print(f'\npaddock review is {r["median"]/paddock["median"]:.1f} x faster than {r["command"]}')
PY
