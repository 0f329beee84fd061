#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""quiet_stdin.py PROGRAM [ARG...] — runs PROGRAM with a stdin that never
delivers a byte and never ends: an empty pipe whose only write end PROGRAM
itself holds.

meson test hands a test its own caller's stdin, and with -nographic QEMU
feeds its stdin to UART0's receiver at moments its main loop picks, so a
polluted stdin (on one machine /dev/null had become a regular file that
other programs wrote to) fails pw_kernel's uart test. A pipe already at end
of file is no good either: QEMU 7.2 then drops console bytes whenever its
output is read late. docs/hal-veer.md, "Host input on UART0".
"""
import os
import sys


def main(argv):
    if len(argv) < 2:
        sys.stderr.write("usage: quiet_stdin.py PROGRAM [ARG...]\n")
        return 2
    read_end, write_end = os.pipe()
    os.dup2(read_end, 0)
    os.close(read_end)
    os.set_inheritable(write_end, True)
    try:
        os.execvp(argv[1], argv[1:])
    except OSError as e:
        sys.stderr.write(f"quiet_stdin.py: cannot run {argv[1]}: {e.strerror}\n")
        return 127


if __name__ == "__main__":
    sys.exit(main(sys.argv))
