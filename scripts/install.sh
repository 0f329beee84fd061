#!/usr/bin/env bash
# Installs the pwk SDK into PREFIX (default /usr/local): pwsim (the release
# build: no sanitizers), pwk-gen, the userspace headers, the runtime
# archives and pkg-config files pwk-user-host and, when
# riscv64-unknown-elf-gcc is installed, pwk-user-rv32 (docs/tutorial.md).
#   scripts/install.sh "$HOME/pwk-sdk"
# Then:
#   export PATH="$HOME/pwk-sdk/bin:$PATH" PKG_CONFIG_PATH="$HOME/pwk-sdk/lib/pkgconfig"
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
prefix=${1:-/usr/local}
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)
"$here/scripts/build.sh" build-release -Dsanitize=none -Dbuildtype=release -Dtests=disabled
cd "$here"
# The prefix is written into the pkg-config files: set it, then rebuild them.
meson configure build-release -Dprefix="$prefix" -Dlibdir=lib >/dev/null
"$here/scripts/build.sh" build-release
echo "pwk: installing into $prefix" >&2
meson install -C build-release --quiet >build-release/install.log 2>&1 ||
  { cat build-release/install.log >&2; exit 1; }
# What was installed, as it is (pwsim-fuzz-afl only where AFL++ was found).
echo "pwk: installed $(cd "$prefix/bin" && ls -- pwsim* pwk-gen | tr '\n' ' ')" \
  "lib/pwk/fuzz_driver.elf, <pwk/user.h> and pkg-config" \
  "$(cd "$prefix/lib/pkgconfig" && ls -- *.pc | sed 's/\.pc$//' | tr '\n' ' ')in $prefix" >&2
