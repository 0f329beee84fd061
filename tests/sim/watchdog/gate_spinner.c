/* gate_spinner.c — logs once, then enters the kernel for ever from a loop
 * of its own assembly (no basic-block counting): through the syscall gate
 * (GATE_OFFSET 8, debug_nop) or the budget hook's preemption gate (16). */
#include <pwk/user.h>

#include "host_link.h"

extern const struct pwk_host_link *__pwk_host_link;

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_log("entering the kernel for ever\n");
	__asm__ volatile("1: movl $0xf004, %%edi; movq __pwk_host_link(%%rip), %%r11; "
			 "callq *%c0(%%r11); jmp 1b" ::"i"(GATE_OFFSET)
			 : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory");
	return 0;
}
