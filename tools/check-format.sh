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
# One clang-format process for the whole tree: it names every file that
# would change ("file:line:col: error: code should be clang-formatted").
report=$(clang-format --dry-run --Werror "${files[@]}" 2>&1 || true)
mapfile -t bad < <(printf '%s\n' "$report" | sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' | sort -u)
if ((${#bad[@]})); then
  echo "not clang-formatted (fix: clang-format -i ${bad[*]}):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "${#files[@]} C files are clang-formatted"
