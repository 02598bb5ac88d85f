#!/usr/bin/env bash
# Model review of a 20-hunk AI change with the local reviewer (Qwen2.5-Coder-0.5B on llama.cpp's server, see
# scripts/local-model): requests, tokens and wall time cold (empty cache) and warm (the same review again), each
# beside the rules-only review of the same range measured in the same run.
#
#   PADDOCK=path/to/paddock Benchmarks/model-review.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work="$here/.work/model-review"
PADDOCK=${PADDOCK:-paddock}

# Ten Python files, each with two functions an agent changed far enough apart to be two hunks: 20 hunks.
rm -rf "$work" && mkdir -p "$work/repo/app"
cd "$work/repo"
git init -q -b main
git config user.name Dev && git config user.email dev@example.com
for n in $(seq 1 10); do
  {
    echo "def first_$n(values):"
    echo "    return values[0] if values else None"
    for k in $(seq 1 12); do echo "FILLER_$k = $k"; done
    echo "def second_$n(path):"
    echo "    with open(path) as handle:"
    echo "        return handle.read()"
  } > "app/module_$n.py"
done
git add . && git commit -qm "Initial"
for n in $(seq 1 10); do
  {
    echo "def first_$n(values):"
    echo "    total = 0"
    echo "    for i in range(len(values) + 1):"
    echo "        total += values[i]"
    echo "    return total / len(values)"
    for k in $(seq 1 12); do echo "FILLER_$k = $k"; done
    echo "def second_$n(path, user):"
    echo "    handle = open(path)"
    echo "    query = \"SELECT * FROM t WHERE user = '\" + user + \"'\""
    echo "    return handle.read(), query"
  } > "app/module_$n.py"
done
git commit -qam "Refactor modules

Co-Authored-By: Claude <noreply@anthropic.com>"

"$root/scripts/local-model" serve 0 > "$work/server.url" 2> "$work/server.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do [ -s "$work/server.url" ] && break; sleep 1; done
url=$(head -1 "$work/server.url")
[ -n "$url" ] || { echo "the local model server did not start; see $work/server.log" >&2; exit 1; }

run() { # label, extra arguments...
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  "$PADDOCK" review HEAD~1..HEAD --format json "$@" > "$work/$label.json" || true
  end=$(date +%s.%N)
  python3 - "$label" "$work/$label.json" "$start" "$end" <<'PY'
import json, sys
label, path, start, end = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
report = json.load(open(path))
model = report.get("model_review") or {}
print(f"{label:<10} wall {end - start:7.2f} s  hunks {model.get('hunks', '-'):>3}  cached {model.get('cached', '-'):>3}  "
      f"requests {model.get('requests', '-'):>3}  prompt tokens {model.get('prompt_tokens', '-'):>6}  "
      f"completion tokens {model.get('completion_tokens', '-'):>5}  model findings {model.get('findings', '-')}  "
      f"status {model.get('status', 'off')}")
PY
}
model=(--model qwen2.5-coder-0.5b --model-endpoint "$url")
run rules --no-model
rm -rf .git/paddock/model-cache
run cold "${model[@]}"
run warm "${model[@]}"
run rules2 --no-model
