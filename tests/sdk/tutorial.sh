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
