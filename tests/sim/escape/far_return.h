/*
 * escape/far_return.h — a far return into Linux's 32-bit user code segment
 * (0x23) at the low half of the next instruction's address: where the
 * host runs compatibility mode, the first fetch there faults in it (nothing
 * is mapped below 4 GiB); where it refuses the segment, the far return
 * itself faults. The attacker's attempt (cpu_modes.c) and test_escape.c's
 * probe of the host.
 */
#ifndef ESCAPE_FAR_RETURN_H
#define ESCAPE_FAR_RETURN_H

static inline void escape_far_return_to_compat_mode(void)
{
	__asm__ volatile("leaq 1f(%%rip), %%rax\n\t"
			 "pushq $0x23\n\t"
			 "pushq %%rax\n\t"
			 "lretq\n"
			 "1:" ::
				 : "rax", "memory");
}

#endif
