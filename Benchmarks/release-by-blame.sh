#!/usr/bin/env bash
# The release report of `paddock report release --tags PATTERN`, computed with git alone: the
# baseline of report.sh.
#
#   Benchmarks/release-by-blame.sh REPO PATTERN
#
# The tags matching PATTERN are ordered by commit date, then name (the order Paddock uses). For
# each pair of consecutive tags A and B:
#   - the commits in A..B, each an AI commit if git's trailer parser finds `Co-Authored-By:` with
#     <noreply@anthropic.com> or `Assisted-by:` in its message (the two agent trailers
#     generate-history.sh writes), a person's commit otherwise;
#   - the files that exist at B and were changed by a commit in A..B;
#   - one `git blame --porcelain A..B -- FILE` per file. A line blamed on a commit in A..B counts,
#     as an AI or a human line; a line older than A (blamed on a boundary commit) does not. This is
#     the same count as blaming B in full and keeping the lines whose commit is in A..B, but the
#     range stops the blame walk at A.
# BLAME_OPTIONS, when set, is passed to every git blame, e.g. BLAME_OPTIONS='-M100 -C100 -C -C' for
# the figures of `paddock report release --copies any-commit --move-threshold 100 --copy-threshold 100`.
# Prints one JSON object per release, one per line:
#   {"start":"v0","end":"v1","ai_lines":N,"human_lines":N,"total_lines":N,"commits":N,"ai_commits":N,"files":N}
# where files is the number of files with at least one counted line.
# Needs git and awk.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 REPO PATTERN" >&2
  exit 64
fi
repo=$1
pattern=$2
cd -- "$repo"
export LC_ALL=C

scratch=$(mktemp -d "${TMPDIR:-/tmp}/release-by-blame.XXXXXX")
trap 'rm -rf -- "$scratch"' EXIT

# Lightweight tags have a committer date; annotated tags have one once peeled (`*`).
mapfile -t tags < <(
  git for-each-ref --format='%(committerdate:unix)%(*committerdate:unix) %(refname:strip=2)' "refs/tags/$pattern" \
    | sort -k1,1n -k2 | cut -d' ' -f2-
)
if [ "${#tags[@]}" -lt 2 ]; then
  echo "release-by-blame: '$pattern' matches ${#tags[@]} tag(s); a release needs two" >&2
  exit 1
fi

for ((i = 1; i < ${#tags[@]}; i++)); do
  start=${tags[i - 1]}
  end=${tags[i]}

  # The range's commits: "ID 1" for an AI commit, "ID 0" for a person's.
  git log --format='%H %(trailers:only,unfold,separator=%x1f)' "$start..$end" -- \
    | awk '{
        ai = 0
        count = split(substr($0, index($0, " ") + 1), trailers, "\037")
        for (t = 1; t <= count; t++) {
          colon = index(trailers[t], ":")
          key = tolower(substr(trailers[t], 1, colon - 1))
          if (key == "assisted-by" || (key == "co-authored-by" && index(trailers[t], "<noreply@anthropic.com>") > 0)) ai = 1
        }
        print $1, ai
      }' >"$scratch/commits"

  # Files changed in the range (by any commit but a merge: a clean merge adds no line of its own)
  # that exist at its end.
  git -c core.quotePath=false log --format= --name-only "$start..$end" -- | sed '/^$/d' | sort -u >"$scratch/changed"
  git -c core.quotePath=false ls-tree -r --name-only "$end" | sort >"$scratch/present"
  comm -12 "$scratch/changed" "$scratch/present" >"$scratch/files"

  # One blame per file, all read by one awk. Porcelain output: a header line starting with the
  # commit ID before each line of the file, the line itself after a tab, and commit details in
  # between; "#file" (which porcelain never prints) separates the files.
  while IFS= read -r file; do
    printf '#file\n'
    # shellcheck disable=SC2086 # the options are split on purpose
    git blame --porcelain ${BLAME_OPTIONS-} "$start..$end" -- "$file"
  done <"$scratch/files" \
    | awk -v start="$start" -v end="$end" -v commits="$scratch/commits" '
        function json(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return "\"" s "\"" }
        BEGIN {
          while ((getline line < commits) > 0) {
            split(line, field, " ")
            kind[field[1]] = field[2]
            n++
            if (field[2] == 1) nai++
          }
        }
        /^\t/ {
          if (current in kind) {
            total++
            if (kind[current] == 1) ai++
            if (!counted) { files++; counted = 1 }
          }
          next
        }
        $0 == "#file" { counted = 0; next }
        (length($1) == 40 || length($1) == 64) && NF >= 3 && $1 ~ /^[0-9a-f]+$/ { current = $1 }
        END {
          printf "{\"start\":%s,\"end\":%s,\"ai_lines\":%d,\"human_lines\":%d,\"total_lines\":%d,\"commits\":%d,\"ai_commits\":%d,\"files\":%d}\n",
            json(start), json(end), ai, total - ai, total, n, nai, files
        }'
done
