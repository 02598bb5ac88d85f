# Shared by the benchmark scripts: source it, then call these.

# Sets `paddock` to the absolute path of $PADDOCK (default: `paddock` on PATH), or exits with a message naming
# the calling script ($1).
find_paddock() {
  paddock=${PADDOCK:-$(command -v paddock || true)}
  if [ -z "$paddock" ]; then
    echo "$1: set PADDOCK to a release binary or put paddock on PATH" >&2
    exit 1
  fi
  case "$paddock" in */*) paddock=$(cd -- "$(dirname -- "$paddock")" && pwd -P)/$(basename -- "$paddock") ;; esac
  if [ ! -x "$paddock" ]; then
    echo "$1: $paddock is not executable" >&2
    exit 1
  fi
}

# Exits unless every tool named after the script's name ($1) is on PATH.
require_tools() {
  local script=$1 tool
  shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$script: $tool is required" >&2; exit 1; }
  done
}
