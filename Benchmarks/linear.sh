#!/usr/bin/env bash
# Shows that rule matching takes time proportional to its input: `paddock review` of one AI commit adding a single
# line of 1.5, 3 and 6 MB (minified-bundle shaped, a key at its end), and of pushes of 25,000 and 50,000 small files,
# each timed with hyperfine; prints each time and its ratio to the smallest of its series (2.0 and 4.0 mean linear).
#
#   PADDOCK=path/to/paddock Benchmarks/linear.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work="$here/.work/linear"
PADDOCK=${PADDOCK:-paddock}
RUNS=${RUNS:-3}
command -v hyperfine >/dev/null || { echo "hyperfine is required (apt-get install hyperfine)" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work"

repository() { # DIR: a repository with one commit on main and branch ai checked out
  git init -q -b main "$1"
  git -C "$1" -c user.name=P -c user.email=p@example.com commit -q --allow-empty -m start
  git -C "$1" checkout -q -b ai
}
commit_ai() { # DIR
  git -C "$1" add -A
  git -C "$1" -c user.name=P -c user.email=p@example.com commit -q -m "Add

Co-Authored-By: Claude <noreply@anthropic.com>"
}

series=()
for megabytes in 1.5 3 6; do
  dir="$work/line-$megabytes"
  repository "$dir"
  python3 -c "import sys; n=int(float(sys.argv[1])*1_000_000/4); open(sys.argv[2],'w').write('x=1;'*n + 'AKIAIOSFODNN7EXAMPLF\n')" "$megabytes" "$dir/bundle.min.js"
  commit_ai "$dir"
  series+=(--command-name "line of $megabytes MB" "'$PADDOCK' review -C '$dir' main..ai --format json")
done
for files in 25000 50000; do
  dir="$work/files-$files"
  repository "$dir"
  python3 -c "
import os, sys
n, root = int(sys.argv[1]), sys.argv[2]
for i in range(n):
    d = os.path.join(root, 'src', 'd%03d' % (i % 500))
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, 'f%06d.py' % i), 'w').write('value_%d = %d\n' % (i, i))
" "$files" "$dir"
  commit_ai "$dir"
  series+=(--command-name "$files files" "'$PADDOCK' review -C '$dir' main..ai --format json")
done
hyperfine -i --warmup 1 --runs "$RUNS" --export-json "$work/linear.json" "${series[@]}" >/dev/null
python3 - "$work/linear.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
bases = {}
for r in results:
    kind = "line" if r["command"].startswith("line") else "files"
    bases.setdefault(kind, r["median"])
    print(f"{r['command']:18s} median {r['median']:7.3f} s   ratio to the smallest of its series {r['median'] / bases[kind]:5.2f}")
PY
