#!/usr/bin/env bash
# Follows docs/tutorial.md literally: every ```sh block, in order, in one
# bash run (set -e) starting in the source tree, with HOME a fresh
# temporary directory, so the SDK is installed into a temporary prefix and
# the project lives outside the tree. The doc and this test cannot drift:
# the commands come from the markdown.
# Usage: tutorial.sh SOURCE_ROOT
set -euo pipefail
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
awk '/^```sh$/ { inside = 1; next } /^```$/ { inside = 0; next } inside' \
  "$root/docs/tutorial.md" >"$tmp/tutorial-commands.sh"
grep -q "pwsim run scenario.json5" "$tmp/tutorial-commands.sh"
mkdir "$tmp/home"
cd "$root"
env -u PKG_CONFIG_PATH HOME="$tmp/home" bash -euo pipefail "$tmp/tutorial-commands.sh"

# What the tutorial's reader relies on without seeing it:
sdk="$tmp/home/pwk-sdk" project="$tmp/home/squares"
export PATH="$sdk/bin:$PATH" PKG_CONFIG_PATH="$sdk/lib/pkgconfig"
# the installed pwsim is the release build (no sanitizer runtime linked in);
if ldd "$sdk/bin/pwsim" | grep -q 'libasan\|libubsan'; then
  echo "the installed pwsim is a sanitized build" >&2
  exit 1
fi
# the RV32 half exists exactly when the cross compiler does;
if command -v riscv64-unknown-elf-gcc >/dev/null; then
  pkg-config --exists pwk-user-rv32
  test -f "$project/rv32/client.elf"
fi
# an image built without the basic-block counter is refused, naming the flags.
cd "$project"
cc -ffreestanding -fPIE -fcf-protection=none -I"$sdk/include" -Ihost client.c \
  $(pkg-config --libs pwk-user-host) -o client.elf
if pwsim run scenario.json5 2>"$tmp/refused"; then
  echo "an image without the counter ran" >&2
  exit 1
fi
grep -q "refused: its code does not count basic blocks (-fsanitize-coverage=trace-pc, -fprofile-arcs" "$tmp/refused"
