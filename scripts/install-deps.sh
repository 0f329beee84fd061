#!/usr/bin/env bash
# The one list of what pwk needs on a Debian 12 machine. Both README commands
# (scripts/run.sh and scripts/test.sh) call this; it installs only what is
# missing, so a second run costs a dpkg query.
set -euo pipefail

packages=(
  build-essential   # gcc, make, libc headers
  meson ninja-build pkg-config
  libjsmn-dev       # JSON tokens under our JSON5 front-end
  libcriterion-dev  # unit tests
  libuv1-dev        # event loop of the simulator's runner
  zlib1g-dev        # gzipped traces (pwsim run --trace FILE.gz)
  binutils          # nm/readelf for the boundary checks
  python3           # tools/tidy.py
  clang-format
  clang             # libFuzzer targets in fuzz/ (the build itself uses gcc)
  afl++             # pwsim fuzz --engine afl (afl-fuzz, libAFLDriver.a)
  valgrind          # callgrind instruction counts (bench/); valgrind.h for hal-host
  # the hal-veer cross build (scripts/build-target.sh) and QEMU to run it;
  # no rv32 libc: the kernel and the process runtime need none
  gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf qemu-system-misc
  # the benchmark suite (scripts/bench.sh): plots, instruction counts
  gnuplot-nox valgrind
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
