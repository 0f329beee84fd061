#!/usr/bin/env bash
# The hal-veer cross build: installs what is missing, configures build-rv32/
# once with the RV32 cross file, and builds every scenario for every board
# (build-rv32/scenarios/<name>.<board>.elf). Extra arguments go to ninja.
#   scripts/build-target.sh            # everything
#   scripts/build-target.sh -v         # ninja -v
# Run one image under QEMU (qemu-virt only):
#   qemu-system-riscv32 -M virt -bios none -nographic \
#     -cpu rv32,s=false,h=false,mmu=false,a=false,f=false,d=false \
#     -icount shift=0,sleep=off -kernel build-rv32/scenarios/uppercase.qemu-virt.elf
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/install-deps.sh"
cd "$here"
if [ ! -f build-rv32/build.ninja ]; then
  meson setup build-rv32 --cross-file hal-veer/cross/rv32imc.ini >/dev/null
fi
ninja -C build-rv32 "$@" >build-rv32/ninja.log 2>&1 || { cat build-rv32/ninja.log >&2; exit 1; }
