#!/usr/bin/env bash
# Every `./scripts/run.sh …` example in README.md runs from the source tree
# as written and exits 0 (no file outside the clone is needed).
# Usage: readme.sh SOURCE_ROOT
set -euo pipefail
root=$1
cd "$root"
# Inline examples (not the `<pwsim arguments>` placeholder), and the plain
# run command of the first code block.
mapfile -t examples < <(grep -o '`\./scripts/run\.sh[^`<]*`' README.md | tr -d '`' | sort -u)
examples+=(./scripts/run.sh)
((${#examples[@]} >= 3)) || { echo "README has no run.sh examples" >&2; exit 1; }
for example in "${examples[@]}"; do
  echo "+ $example"
  bash -c "$example" >/dev/null
done
