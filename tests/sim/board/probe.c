/*
 * probe.c — a stand-in for a qemu-virt board image, for pwsim's board
 * runner tests: it writes SPEC.md's UART lines (console lines and the
 * kernel's pwk: lines) to the NS16550 and exits through the SiFive test
 * device, as the real kernel does. Which story it tells is chosen at build
 * time with -DPROBE_<NAME> (tests/sim/board/meson.build builds each one).
 * No kernel, no libc: bare metal from the reset vector.
 */
#include <stdint.h>

#define UART_THR  ((volatile uint8_t *)0x10000000u)
#define UART_LSR  ((volatile uint8_t *)0x10000005u)
#define LSR_THRE  0x20u
#define EXIT_DEV  ((volatile uint32_t *)0x100000u)
#define EXIT_PASS 0x5555u
#define EXIT_FAIL 0x3333u

/* Reset: a stack in RAM, then the story. First in .text (the build passes
 * -fno-toplevel-reorder), so it sits at 0x80000000, where QEMU starts. */
__asm__(".text\n"
	".globl _start\n"
	"_start:\n"
	"	li sp, 0x80100000\n"
	"	call probe_main\n"
	"1:	j 1b\n");

void probe_main(void);

static void put(const char *s)
{
	for (; *s != '\0'; s++) {
		while ((*UART_LSR & LSR_THRE) == 0) {
		}
		*UART_THR = (uint8_t)*s;
	}
}

__attribute__((unused)) static void shutdown(uint32_t status)
{
	*EXIT_DEV = status == 0 ? EXIT_PASS : ((status & 0xffffu) << 16) | EXIT_FAIL;
	for (;;) {
	}
}

void probe_main(void)
{
	put("[initiator/initiator_thread] hello from the board\n");
#if defined(PROBE_SHUTDOWN_0)
	put("[initiator/initiator_thread] all good\n");
	put("pwk: shutdown status 0 at 123456 ns\n");
	shutdown(0);
#elif defined(PROBE_SHUTDOWN_3)
	put("pwk: shutdown status 3 at 2000000 ns\n");
	shutdown(3);
#elif defined(PROBE_NO_END)
	shutdown(0); /* the kernel never said how it ended */
#elif defined(PROBE_DEADLOCK)
	put("pwk: deadlock at 5000000 ns: every thread is blocked and no deadline is pending\n");
	put("pwk: thread initiator/initiator_thread WAITING on 'ipc' (channel_initiator) for "
	    "READABLE, no "
	    "deadline\n");
	shutdown(0xfd);
#elif defined(PROBE_HANG)
	for (;;) {
		__asm__ volatile("wfi");
	}
#elif defined(PROBE_FAULT)
	put("pwk: fault: process 'initiator' thread 'initiator_thread': mcause 0x5 (load access "
	    "fault) mtval "
	    "0x0 mepc 0x80000040\n");
	put("[initiator/initiator_thread] still here\n");
	put("pwk: shutdown status 0 at 9000 ns\n");
	shutdown(0);
#elif defined(PROBE_PANIC)
	put("pwk: panic: kernel-core/src/sched.c:42: thread != NULL\n");
	shutdown(0xff);
#elif defined(PROBE_LATE)
	put("pwk: shutdown status 0 at 2000000000 ns\n"); /* past a 1 s time limit */
	shutdown(0);
#else
#error "choose a story: -DPROBE_<NAME>"
#endif
}
