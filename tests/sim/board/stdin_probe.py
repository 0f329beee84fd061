#!/usr/bin/env python3
"""stdin_probe.py [QEMU ARG...] — a stand-in emulator (PWSIM_QEMU) for
test_board_runner.c that reports what a guest reading UART0 would get from
its stdin: nothing (the expected "hello" and status 0), a byte, or end of
file (either: a line saying so and status 1). It watches for 200 ms: a
byte or an end of file is readable at once, a quiet stdin never."""
import select
import sys

readable, _, _ = select.select([0], [], [], 0.2)
if not readable:
    print("[initiator/initiator_thread] hello from the board")
    print("pwk: shutdown status 0 at 1000 ns", flush=True)
    sys.exit(0)
got = sys.stdin.buffer.raw.read(1)
print("[initiator/initiator_thread] stdin gave " + (repr(got) if got else "end of file"))
print("pwk: shutdown status 1 at 1000 ns", flush=True)
sys.exit(1)
