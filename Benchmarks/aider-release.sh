#!/usr/bin/env bash
# Reproduces the per-release "aider wrote N% of the code" figures that aider publishes
# (aider/website/_data/blame.yml, computed by its scripts/blame.py with
# `git blame -M100 -C100 -C -C` over a fixed set of files) with `paddock report release`.
#
#   Benchmarks/aider-release.sh REPO RANGE...     e.g. v0.85.0..v0.86.0
#
# REPO is a clone of Aider-AI/aider. For each RANGE it prints one line:
#   RANGE ai_lines total_lines
# Paddock's report runs with --copies any-commit --move-threshold 100 --copy-threshold 100 (what
# -M100 -C100 -C -C means) and the globs below, which select the files scripts/blame.py selects:
# *.py *.js *.scm *.sh Dockerfile Gemfile, workflow and resource YAML, five website pages and the
# language fixtures, without *prompts.py, the watch fixtures and the install scripts. aider
# counts a commit as aider's when its author name has "(aider)", its subject starts with
# "aider:" or it has a Co-authored-by: aider trailer; Paddock's catalogue recognises the same.
# Needs git and python3 besides paddock (PADDOCK, or paddock on PATH, as run.sh).
set -euo pipefail
here=$(cd -- "$(dirname -- "$0")" && pwd -P)
me=$(basename -- "$0")
. "$here/common.sh"
[ $# -ge 2 ] || { sed -n '7,8s/^#  //p' "$0" >&2; exit 64; }
require_tools "$me" git python3
find_paddock "$me"
repo=$1
shift
for range in "$@"; do
  "$paddock" report release -C "$repo" "$range" \
    --copies any-commit --move-threshold 100 --copy-threshold 100 \
    --include '**/*.py' --include '**/*.js' --include '**/*.scm' --include '**/*.sh' \
    --include '**/*Dockerfile' --include '**/*Gemfile' \
    --include '.github/workflows/**/*.yml' --include 'aider/resources/**/*.yml' \
    --include 'aider/website/index.html' --include 'aider/website/share/index.md' \
    --include 'aider/website/_includes/head_custom.html' --include 'aider/website/_includes/home.css' \
    --include 'aider/website/docs/leaderboards/index.md' --include 'tests/fixtures/languages/**/test.*' \
    --exclude '**/*prompts.py' --exclude 'tests/fixtures/watch*' --exclude 'tests/fixtures/watch*/**' \
    --exclude 'aider/website/install.ps1' --exclude 'aider/website/install.sh' \
    --no-cache --no-progress --format json |
    python3 -c 'import json, sys; r = json.load(sys.stdin)["releases"][0]; print(sys.argv[1], r["ai_lines"], r["total_lines"])' "$range"
done
