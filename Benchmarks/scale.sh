#!/usr/bin/env bash
# Reviews the two largest pushes the hardening work targets, each beside `git diff` of the same range in the same
# run (the baseline: git reading the same objects), with GNU time for wall time and peak memory:
#   - one AI commit adding a 263 MB SQL dump of 4,000,001 lines, with a key on its last line;
#   - one AI commit adding 100,000 one-line files, one of them holding a key.
#
#   PADDOCK=/path/to/release/paddock Benchmarks/scale.sh
#
# Builds nothing. Needs git, python3 and GNU time. The repositories go to Benchmarks/.work/scale-*/ (reused).
# Prints a table: seconds and peak MB for paddock and for git, and their ratio. Exits 1 if a key is missed.
set -euo pipefail

here=$(cd -- "$(dirname -- "$0")" && pwd -P)
work="$here/.work"
# shellcheck source=Benchmarks/common.sh
. "$here/common.sh"
find_paddock scale.sh
require_tools scale.sh git python3
[ -x /usr/bin/time ] || { echo "scale.sh: GNU time (/usr/bin/time) is required" >&2; exit 1; }

trailer=$'\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n'

make_huge() {
  new_repository scale.sh "$1"
  echo start >"$repo/README.md"
  git -C "$repo" add README.md
  git -C "$repo" -c user.name=A -c user.email=a@example.com commit -qm start
  git -C "$repo" checkout -qb ai
  python3 - "$repo/data.sql" <<'PY'
import random, sys
random.seed(1)
with open(sys.argv[1], "w") as out:
    for i in range(4_000_000):
        out.write(f"INSERT INTO t VALUES ({i}, 'row {i} {random.random()}');\n")
    out.write("-- key AKIAIOSFODNN7EXAMPLF\n")
PY
  git -C "$repo" add data.sql
  git -C "$repo" -c user.name=A -c user.email=a@example.com commit -qm "dump$trailer"
}

make_many() {
  new_repository scale.sh "$1"
  echo start >"$repo/README.md"
  git -C "$repo" add README.md
  git -C "$repo" -c user.name=A -c user.email=a@example.com commit -qm start
  python3 - <<'PY' | git -C "$repo" fast-import --quiet
import sys
out = sys.stdout
for i in range(100_000):
    data = f"value_{i} = {i}\n" if i != 54_321 else 'key = "AKIAIOSFODNN7EXAMPLF"\n'
    out.write(f"blob\nmark :{i + 1}\ndata {len(data.encode())}\n{data}\n")
msg = "Add many files\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n"
out.write("commit refs/heads/ai\nauthor A <a@example.com> 1700000000 +0000\n")
out.write(f"committer A <a@example.com> 1700000000 +0000\ndata {len(msg)}\n{msg}from refs/heads/main\n")
for i in range(100_000):
    out.write(f"M 100644 :{i + 1} d{i % 100}/f{i}.py\n")
out.write("\n")
PY
}

measure() { # name repo
  local name=$1 dir=$2 out="$work/scale-$1.json"
  # Status 1 is expected: the key blocks the push.
  /usr/bin/time -f "%e %M" -o "$work/scale-$name.paddock" "$paddock" review -C "$dir" main..ai --format json \
    >"$out" 2>/dev/null || true
  /usr/bin/time -f "%e %M" -o "$work/scale-$name.git" git -C "$dir" diff main ai >/dev/null
  python3 - "$name" "$out" "$work/scale-$name.paddock" "$work/scale-$name.git" <<'PY'
import json, sys
name, out, ours, theirs = sys.argv[1:]
keys = [f for f in json.load(open(out))["findings"] if f["rule"] == "aws-access-key-id"]
(ps, pk), (gs, gk) = (map(float, open(f).read().split()[-2:]) for f in (ours, theirs))
print(f"{name:6} paddock {ps:7.2f} s {pk / 1024:7.0f} MB   git diff {gs:6.2f} s {gk / 1024:6.0f} MB   "
      f"ratio {ps / gs:5.1f}x time {pk / gk:4.1f}x memory   keys found {len(keys)}")
sys.exit(0 if len(keys) == 1 else 1)
PY
}

mkdir -p -- "$work"
[ -d "$work/scale-huge/.git" ] || make_huge "$work/scale-huge"
[ -d "$work/scale-many/.git" ] || make_many "$work/scale-many"
measure huge "$work/scale-huge"
measure many "$work/scale-many"
