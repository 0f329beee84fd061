#!/usr/bin/env python3
"""soup.py OUT.S COUNT SEED: COUNT random instruction sequences for the
attacker (escape attempts 100..100+COUNT-1, test_escape.c).

Each sequence, soup_K, is a function in assembly: it saves the registers
the C code relies on, runs 3-24 instructions drawn from the templates
below with random operands, and, if it is still running, puts the stack,
flags and FP control words back and returns. The templates are what a
hostile or broken process can do to CPU state without a host syscall
succeeding: segment and FS/GS bases, flags, FP control and exception
state, x87 and XSAVE images loaded from the process's own memory, vector
and mask registers, far returns and iretq, the syscall and preemption gates
entered with odd registers and stacks, raw host syscalls, instructions user
mode may not run or this CPU lacks (system, AMX, TSX's xend, SGX), stray
loads, stores and jumps. Nothing here reads a value that differs from run
to run (no rdrand, rdseed, rdpid, lsl of the per-CPU segment, xbegin,
cpuid, sgdt), so every sequence must
give the same run twice. Stores and jumps aim only at the attacker's own
4 GiB slot (process 1: 0x5001_0000_0000), low memory or non-canonical
addresses: in isolation `none` a store into the victim would be allowed.
The sequences are the same for a given SEED (Python's random.Random)."""
import random
import sys

OWN = 0x5001_0000_0000  # the attacker's slot (hal-host/region.c's layout)


def main():
    out, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    r = random.Random(seed)

    def addr():
        # Not the attacker's flash (0x5001_0000_3000 + 64 KiB): a jump
        # there could reach its own pwk_debug_shutdown and end the run.
        return r.choice([0, 8, 0x1000, OWN, OWN + 0x2ff8, OWN + 0x13000 + r.getrandbits(14),
                         OWN + 0x17000 + r.getrandbits(24), 0x8000_0000_0000_0000,
                         0xffff_8000_0000_0000 | r.getrandbits(40), 0x7fff_ffff_f000])

    def word():
        return r.choice([0, 1, -1, 8, 16, 4096, 0x7fffffff, 0x80000000, r.getrandbits(32),
                         r.getrandbits(64) - (1 << 63), addr(), OWN + 0x3000 + r.getrandbits(16)])

    def selector():
        # 0x7b is Linux's per-CPU segment (its limit is the CPU number; the
        # base, the only thing loading it changes, is 0 on every CPU).
        return r.choice([0, 0x23, 0x2b, 0x33, 0x7b])

    def xsave_area():
        # A 4 KiB XSAVE area on the stack: zeroed, then an x87 control and
        # status word, an MXCSR and an XSTATE_BV of the sequence's choice.
        return ("subq $4096, %rsp; andq $-64, %rsp; movq %rsp, %rdi; xorl %eax, %eax; "
                "movl $512, %ecx; rep stosq; "
                f"movw ${r.getrandbits(16)}, (%rsp); movw ${r.choice([0, 0x80ff, r.getrandbits(16)])}, 2(%rsp); "
                f"movl ${r.choice([0x1f80, 0x1f80 | r.getrandbits(6), 0x1f00, r.getrandbits(32)])}, 24(%rsp); "
                f"movq ${r.choice([0, 1, 2, 3, 7, 0xe7, 0x60000, r.getrandbits(20)])}, 512(%rsp)")

    def flags():
        # Arithmetic flags, TF excluded (single-stepping faults at once),
        # DF, AC, NT, RF, ID, VIF/VIP (IOPL and IF are the host kernel's).
        return r.choice([0x202, 0x246, 0x4cd5 | 0x40000, 0x40202, 0x4602, 0x602,
                         0x200ed5, 0x10202, 0x1a0202])

    gate = "movq __pwk_host_link(%rip), %r11; callq *{}(%r11)"
    sys_ids = list(range(0, 0x12)) + [0xf001, 0xf003, 0xf004, 0xf005, 0xf006, 0x10000,
                                      0xffffffff, 0x7fffffffffffffff]
    sys_ids.remove(0x9)  # process_exit: ends the attempt, fine, but dull
    state = [
        lambda: f"movabsq ${addr()}, %rax; wrfsbase %rax",
        lambda: f"movabsq ${addr()}, %rax; wrgsbase %rax",
        lambda: f"movl ${selector()}, %eax; movl %eax, %{r.choice(['ds', 'es', 'fs', 'gs'])}",
        lambda: f"pushq ${flags()}; popfq",
        lambda: "std",
        lambda: f"movl ${r.getrandbits(16)}, -64(%rsp); ldmxcsr -64(%rsp)",
        lambda: f"movw ${r.getrandbits(16)}, -64(%rsp); fldcw -64(%rsp)",
        lambda: "fld1; fldz; fdivrp",
        lambda: "fldpi; fldpi; fldpi; fldpi; fldpi; fldpi; fldpi; fldpi; fldpi",
        lambda: "movl $-1, -64(%rsp); pcmpeqd %xmm0, %xmm0; divps %xmm1, %xmm0",
        lambda: f"movabsq ${word()}, %rax; movq %rax, %xmm{r.randrange(16)}",
        lambda: f"movabsq ${word()}, %rax; vpbroadcastq %rax, %zmm{r.randrange(32)}",
        lambda: f"movl ${r.getrandbits(16)}, %eax; kmovw %eax, %k{r.randrange(8)}",
        lambda: "vzeroupper",
        lambda: "movq $0x1234, %rax; movq %rax, %mm3",
        lambda: "emms",
        lambda: "subq $4096, %rsp; andq $-64, %rsp; movl $-1, %eax; movl $-1, %edx; "
                "xsave (%rsp); xrstor (%rsp)",
        # An x87 environment or whole XSAVE image loaded from memory the
        # process wrote: pending exceptions, reserved MXCSR bits (a #GP),
        # components the process has no permission for (AMX: SIGILL).
        lambda: xsave_area() + "; movl $-1, %eax; movl $-1, %edx; xrstor (%rsp)",
        lambda: xsave_area() + "; fxrstor (%rsp)",
        lambda: xsave_area() + "; fldenv (%rsp)",
        lambda: xsave_area() + "; frstor (%rsp)",
        lambda: "subq $4096, %rsp; andq $-64, %rsp; fxsave (%rsp); fnsave 512(%rsp)",
        lambda: r.choice(["pause", "lfence", "mfence", "sfence", "serialize", "fwait",
                          "smsw %rax", "str %ax", "sldt %ax", "movq %rsp, %rax; clflush (%rax)",
                          "leaq -64(%rsp), %rax; clwb (%rax)", "prefetchw -64(%rsp)",
                          "movl $0x2b, %eax; verr %ax; verw %ax"]),
        lambda: (f"movq %rsp, %rax; movq %ss, %rcx; pushq %rcx; pushq %rax; pushq ${flags()}; "
                 "movq %cs, %rax; pushq %rax; leaq 1f(%rip), %rax; pushq %rax; iretq; 1:"),
        lambda: "cld; pushfq; andq $~0x40000, (%rsp); popfq; " + "; ".join(
            f"movabsq ${word()}, %{reg}" for reg in ["rsi", "rdx", "rcx", "r8", "r9", "rax"])
            + f"; movabsq ${r.choice(sys_ids)}, %rdi; " + gate.format(8),
        lambda: gate.format(16),
        # Into the link page's gate stubs at any byte (trap_gate.c: the
        # syscall stub at 64, the preemption stub at 96), with the ids and
        # options of the stubs' host call and others.
        lambda: (f"movabsq ${word()}, %rax; movabsq ${r.choice([29, 30, 31, 0, -1, 1 << 32 | 30])}, %rdi; "
                 f"movl ${r.choice([157, 1, 60, 231])}, %eax; movq __pwk_host_link(%rip), %r11; "
                 f"leaq {r.choice([64 + r.randrange(22), 96 + r.randrange(16)])}(%r11), %r11; "
                 "callq *%r11"),
        lambda: f"movq __pwk_host_link(%rip), %rax; movq 24(%rax), %rax; "
                f"movq ${r.choice([0, 1, -1, 100, 0x7fffffff])}, (%rax)",
    ]
    fatal = [
        lambda: f"movabsq ${addr()}, %rax; movq %rax, (%rax)",
        lambda: f"movabsq ${addr()}, %rax; movq (%rax), %rax",
        lambda: f"movabsq ${addr()}, %rax; jmpq *%rax",
        lambda: f"movabsq ${addr()}, %rsp; pushq $0",
        lambda: f"movabsq ${addr()}, %rsp; movabsq ${r.choice(sys_ids)}, %rdi; " + gate.format(8)
                .replace("callq", "jmpq"),
        lambda: f"movl ${r.choice([1, 39, 60, 231, 14, 13, 9, 10, 57])}, %eax; syscall",
        lambda: f"movl ${r.choice([1, 20, 252])}, %eax; int $0x80",
        lambda: "sysenter",
        lambda: f"int ${r.choice([1, 3, 4, 5, 13, 14, 0x2e, 0x81, 0xff])}",
        lambda: r.choice(["int3", "ud2", "hlt", "cli", "rdtsc", "rdtscp", "rdpmc", "swapgs",
                          "in $0x80, %al", "out %al, $0x80", "xorl %eax, %eax; divl %eax"]),
        lambda: f"pushq ${r.choice([0x23, 0x2b, 0x3b, 0x43, 0x53])}; leaq 1f(%rip), %rax; "
                "pushq %rax; lretq; 1:",
        lambda: f"movl ${r.choice([0, 0x23, 0x7b])}, %eax; movl %eax, %ss",
        # Instructions this CPU refuses in user mode or lacks (#UD, #GP,
        # #NM), and AMX's tile instructions without Linux's permission.
        lambda: r.choice([".byte 0xf1", "ud1 %eax, %eax", ".byte 0x0f, 0xff, 0xc0", "xsetbv",
                          "clac", "stac", "wrpkru", "rdpkru", "vmcall", "rsm", "invd", "wbinvd",
                          "lgdt -64(%rsp)", "ltr %ax", "movq %cr0, %rax", "movq %dr7, %rax",
                          "tilerelease", "ldtilecfg -64(%rsp)", "sttilecfg -64(%rsp)",
                          "tilezero %tmm0", "umonitor %rax", "xorl %eax, %eax; tpause %eax",
                          "ptwrite %eax", "enclu", "xabort $1", "xend",
                          "movq %rsp, %rax; movdir64b (%rsp), %rax",
                          "movq __pwk_host_link(%rip), %rax; movdir64b (%rsp), %rax",
                          "movq __pwk_host_link(%rip), %rax; movdiri %rax, (%rax)"]),
    ]
    lines = [
        "/* Generated by soup.py (escape attempts 100+): do not edit. */",
        "\t.text",
    ]
    for k in range(count):
        n = r.randrange(3, 25)
        body = [(r.choice(fatal) if r.random() < 0.08 else r.choice(state))() for _ in range(n)]
        lines += [
            f"\t.globl\tsoup_{k}", f"\t.hidden\tsoup_{k}", f"\t.type\tsoup_{k}, @function",
            f"soup_{k}:",
            "\tpushq %rbx; pushq %rbp; pushq %r12; pushq %r13; pushq %r14; pushq %r15",
            "\tmovq %rsp, soup_saved_sp(%rip)",
        ]
        lines += [f"\t{insn}" for insn in body]
        lines += [
            "\tmovq soup_saved_sp(%rip), %rsp",
            "\tcld; pushfq; andq $~0x40000, (%rsp); popfq",
            "\tfnclex; fldcw soup_fcw(%rip); ldmxcsr soup_mxcsr(%rip); emms",
            "\txorl %eax, %eax; movl %eax, %ds; movl %eax, %es; wrfsbase %rax; wrgsbase %rax",
            "\tpopq %r15; popq %r14; popq %r13; popq %r12; popq %rbp; popq %rbx",
            "\tretq",
            f"\t.size\tsoup_{k}, .-soup_{k}",
        ]
    # The dispatcher: escape_soup_run(k) tail-jumps to soup_k (PC-relative:
    # the static-PIE image has no relocations to apply).
    lines += ["\t.globl\tescape_soup_run", "\t.hidden\tescape_soup_run",
              "\t.type\tescape_soup_run, @function", "escape_soup_run:"]
    for k in range(count):
        lines += [f"\tcmpl\t${k}, %edi", f"\tje\tsoup_{k}"]
    lines += ["\tretq", "\t.size\tescape_soup_run, .-escape_soup_run",
              "\t.section .rodata", "soup_mxcsr:\t.long\t0x1f80", "soup_fcw:\t.word\t0x037f",
              "\t.bss", "\t.balign 8", "soup_saved_sp:\t.quad\t0",
              "\t.section .note.GNU-stack,\"\",@progbits", ""]
    with open(out, "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
