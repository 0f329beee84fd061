#!/usr/bin/env bash
# Every C source and header of the tree must be formatted with the repo's
# .clang-format (STYLE: one formatter). Prints the files that are not, with
# the command that fixes them.
set -euo pipefail
root=${1:?usage: check-format.sh SOURCE_ROOT}
cd "$root"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.c' '*.h')
else
  mapfile -t files < <(find . -name '*.[ch]' -not -path './build*' | sort)
fi
bad=()
for f in "${files[@]}"; do
  [ -f "$f" ] || continue
  if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
    bad+=("$f")
  fi
done
if ((${#bad[@]})); then
  echo "not clang-formatted (fix: clang-format -i ${bad[*]}):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "${#files[@]} C files are clang-formatted"
