#!/usr/bin/env bash
# Times the installed pre-push hook on a push of the last 20 commits of the generated push
# repository (about 3,100 added lines in 93 files; see generate-push.sh), side by side in one
# hyperfine run with `git log -p` of the same commits (the floor). The hook is timed whole: the
# shell script git runs, finding the binary, process start, the review and the verdict.
#
#   PADDOCK=path/to/paddock Benchmarks/hook.sh
#
# Target: the hook's median within 3 x the floor's median + 100 ms.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work="$here/.work"
source_repo="$work/push-repo"
repo="$work/hook-repo"
remote="$work/hook-remote.git"
PADDOCK=${PADDOCK:-paddock}
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}
command -v hyperfine >/dev/null || { echo "hyperfine is required (apt-get install hyperfine)" >&2; exit 1; }
[ -d "$source_repo" ] || "$here/generate-push.sh" "$source_repo"

# A clone whose remote has the push branch 20 commits behind, as before a real push.
rm -rf "$repo" "$remote"
git clone -q --bare "$source_repo" "$remote"
git -C "$remote" update-ref refs/heads/push "$(git -C "$source_repo" rev-parse push~20)"
git clone -q --branch push "$source_repo" "$repo"
git -C "$repo" remote set-url origin "$remote"
git -C "$repo" fetch -q origin
git -C "$repo" reset -q --hard "$(git -C "$source_repo" rev-parse push)"
(cd "$repo" && PADDOCK="$PADDOCK" "$PADDOCK" hook install >/dev/null 2>&1)

old=$(git -C "$repo" rev-parse origin/push)
new=$(git -C "$repo" rev-parse HEAD)
printf 'refs/heads/push %s refs/heads/push %s\n' "$new" "$old" > "$work/hook-input"
echo "push: $(git -C "$repo" rev-list --count "$old..$new") commits, $(git -C "$repo" diff --shortstat "$old" "$new")"

hyperfine --ignore-failure --warmup "$WARMUP" --runs "$RUNS" --export-json "$work/hook.json" \
  --command-name "git log -p" "git -C '$repo' log -p $old..$new" \
  --command-name "pre-push hook" "cd '$repo' && PADDOCK='$PADDOCK' .git/hooks/pre-push origin '$remote' < '$work/hook-input'"

python3 - "$work/hook.json" <<'PY'
import json, sys
results = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
floor, hook = results["git log -p"], results["pre-push hook"]
limit = 3 * floor + 0.100
print()
print(f"git log -p       median {floor*1000:8.1f} ms")
print(f"pre-push hook    median {hook*1000:8.1f} ms   {hook/floor:5.2f} x git log -p")
print(f"target           3 x floor + 100 ms = {limit*1000:.1f} ms: {'met' if hook <= limit else 'MISSED'}")
PY
