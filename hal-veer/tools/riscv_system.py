#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""riscv_system.py IN.json5 OUT.json5 — a pw_kernel system manifest written
for an Arm board, as the same system for a RISC-V board.

pw_kernel's interrupts test exists only as an mps2_an505 (armv8m) manifest,
and pwk-gen rightly refuses a non-RISC-V arch for a hal-veer board. Its
objects, apps, processes and sizes are architecture-neutral: this replaces
the top-level `arch: { ... }` block (type and the Arm vector-table fields)
with `arch: { type: "riscv" }` and keeps every other byte. The kernel's Arm
addresses stay; the build places such a system with `pwk-gen --place
board`, which packs the same sizes from the board's memory base.
"""
import re
import sys


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: riscv_system.py IN.json5 OUT.json5\n")
        return 2
    with open(argv[1], encoding="utf-8") as f:
        text = f.read()
    # The arch block holds no nested braces in pw_kernel's manifests.
    riscv, count = re.subn(r"\barch\s*:\s*\{[^{}]*\}", 'arch: { type: "riscv" }', text, count=1)
    if count != 1:
        sys.stderr.write(f"{argv[1]}: error: no top-level arch block to replace\n")
        return 1
    with open(argv[2], "w", encoding="utf-8") as f:
        f.write(riscv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
