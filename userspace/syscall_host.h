/*
 * syscall_host.h — hal-host's way into the kernel for the typed wrappers:
 * the gate's call, inline in each wrapper. The gate takes the id in rax
 * and a0..a5 in rdi, rsi, rdx, rcx, r8, r9 (the C argument registers, so
 * that a wrapper whose arguments are the syscall's, in order, has nothing
 * to move), and its address is read from the read-only link page
 * (host_link.h) at every call, never kept in the process's RAM. It returns
 * a0/a1 in rax/rdx, with rcx, rsi, rdi and r8-r11 zeroed and the vector
 * and x87 registers cleared: a call that clobbers every caller-saved
 * register but keeps the control words (syscall_host.S's pwk_raw_syscall
 * enters the same way for ids the table does not have).
 */
#ifndef PWK_USERSPACE_SYSCALL_HOST_H
#define PWK_USERSPACE_SYSCALL_HOST_H

#include <pwk/syscall_args.h>

#include "host_link.h"

#define PWK__STR(x)  #x
#define PWK__XSTR(x) PWK__STR(x)

/* Every caller-saved register the asm does not name as an operand: the
 * gate clears the vector registers (the AVX-512 ones where the code can
 * hold values there) and may reset the x87 stack. */
#if defined(__AVX512F__)
#define PWK__GATE_CLOBBERS_AVX512                                                                  \
	, "xmm16", "xmm17", "xmm18", "xmm19", "xmm20", "xmm21", "xmm22", "xmm23", "xmm24",         \
		"xmm25", "xmm26", "xmm27", "xmm28", "xmm29", "xmm30", "xmm31", "k1", "k2", "k3",   \
		"k4", "k5", "k6", "k7"
#else
#define PWK__GATE_CLOBBERS_AVX512
#endif
#define PWK__GATE_CLOBBERS                                                                         \
	"r10", "r11", "cc", "memory", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6",      \
		"xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15",      \
		"st", "st(1)", "st(2)", "st(3)", "st(4)", "st(5)", "st(6)",                        \
		"st(7)" PWK__GATE_CLOBBERS_AVX512

/* `c` as the kernel takes it. User code is built with -mno-red-zone
 * (meson.build), so the call's return address overwrites nothing live
 * below the stack pointer. 64-bit words: no syscall fills args[6]. */
static inline pwk_syscall_ret_t pwk_host_sys(struct pwk_syscall_call c)
{
	register pwk_word_t rax __asm__("rax") = c.id;
	register pwk_word_t rdi __asm__("rdi") = c.args[0];
	register pwk_word_t rsi __asm__("rsi") = c.args[1];
	register pwk_word_t rdx __asm__("rdx") = c.args[2];
	register pwk_word_t rcx __asm__("rcx") = c.args[3];
	register pwk_word_t r8 __asm__("r8") = c.args[4];
	register pwk_word_t r9 __asm__("r9") = c.args[5];
	__asm__ volatile("movq __pwk_host_link(%%rip), %%r11\n\t"
			 "callq *" PWK__XSTR(PWK_HOST_LINK_SYSCALL_GATE) "(%%r11)"
			 : "+r"(rax), "+r"(rdi), "+r"(rsi), "+r"(rdx), "+r"(rcx), "+r"(r8), "+r"(r9)
			 :
			 : PWK__GATE_CLOBBERS);
	return (pwk_syscall_ret_t){rax, rdx};
}

#endif
