/* SPDX-License-Identifier: Apache-2.0 */
/*
 * trap.c — what a trap from user mode means (mcause decode), the machine-
 * mode fault panic, and the C side of reset.
 *
 * A user ecall is a syscall: t0 = id, a0..a7 = argument words, results in
 * a0/a1, and mepc moves past the ecall first (the thread may block or be
 * switched away inside the kernel). Interrupts go to the board. Any other
 * user exception is a process fault: the fault line, then the kernel
 * terminates the process. Every path leaves through the interrupt point.
 */
#include <pwk/kernel.h>

#include "csr.h"
#include "veer.h"
#include "veer_system.h"

static const char *cause_name(uint32_t mcause)
{
	static const char *const names[] = {
		"instruction address misaligned",
		"instruction access fault",
		"illegal instruction",
		"breakpoint",
		"load address misaligned",
		"load access fault",
		"store/AMO address misaligned",
		"store/AMO access fault",
		"environment call from U-mode",
		"environment call from S-mode",
		"reserved",
		"environment call from M-mode",
		"instruction page fault",
		"load page fault",
		"reserved",
		"store/AMO page fault",
	};
	return mcause < sizeof(names) / sizeof(names[0]) ? names[mcause] : "unknown";
}

/* "mcause 0x7 (store/AMO access fault) mtval 0x0 mepc 0x80010074\n" */
static void put_cause(uint32_t mcause, uint32_t mtval, uint32_t mepc)
{
	veer_puts("mcause ");
	veer_put_hex(mcause);
	veer_puts(" (");
	veer_puts(cause_name(mcause));
	veer_puts(") mtval ");
	veer_put_hex(mtval);
	veer_puts(" mepc ");
	veer_put_hex(mepc);
	veer_puts("\n");
}

static void report_fault(uint32_t mcause, uint32_t mtval, uint32_t mepc)
{
	uint32_t t = veer_current_thread();
	const struct pwk_thread_desc *td = &pwk_system.threads[t];
	veer_puts("pwk: fault: process '");
	veer_puts(pwk_system.processes[td->process].name);
	veer_puts("' thread '");
	veer_puts(td->name);
	veer_puts("': ");
	put_cause(mcause, mtval, mepc);
}

void veer_trap(struct veer_frame *frame)
{
	uint32_t mcause = CSR_READ(mcause);
	if (mcause & MCAUSE_INTERRUPT) {
		veer_board_interrupt(mcause & ~MCAUSE_INTERRUPT);
	} else if (mcause == MCAUSE_USER_ECALL) {
		frame->x[VEER_FRAME_MEPC] += 4;
		_Static_assert(VEER_FRAME_A0 + PWK_SYSCALL_ARGS_MAX <= 32, "a0..a7 in the frame");
		pwk_syscall_ret_t ret =
			pwk_trap_syscall((uint32_t)frame->x[5] /* t0 */, &frame->x[VEER_FRAME_A0]);
		frame->x[VEER_FRAME_A0] = ret.a0;
		frame->x[VEER_FRAME_A0 + 1] = ret.a1;
	} else {
		report_fault(mcause, CSR_READ(mtval), frame->x[VEER_FRAME_MEPC]);
		pwk_trap_fault();
	}
	veer_kernel_exit();
}

_Noreturn void veer_machine_fault(uint32_t mcause, uint32_t mepc, uint32_t mtval)
{
	veer_console_flush_all();
	veer_puts("pwk: panic: machine-mode trap: ");
	put_cause(mcause, mtval, mepc);
	veer_board_exit(VEER_EXIT_PANIC, 0);
}

void veer_boot(void)
{
	veer_board_init();
	veer_clock_boot();
	/* cycle and instret readable from user mode (time traps on VeeR). */
	CSR_WRITE(mcounteren, 5u);
	if (pwk_boot(&pwk_system) != PWK_OK) {
		hal_panic(__FILE__, __LINE__, "pwk_boot rejected the generated system tables");
	}
	pwk_run();
}
