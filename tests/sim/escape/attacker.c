/*
 * attacker.c — receives the victim's request, tries the escape it names
 * (escape.c, region_edges.c, host_code.c,
 * cpu_modes.c, or a thread outside the process), and, if it
 * is still running, says so and responds. Every attempt must fault the
 * attacker or have no effect.
 */
#include <pwk/user.h>

#include "attacker_handles.h"
#include "escape.h"
#include "protocol.h"
#include "syscall_raw.h"

static uint8_t own[16];

static void helper(void)
{
	pwk_log("attacker: helper thread running\n");
	pwk_thread_exit(0);
}

/* A thread whose stack or entry lies outside the process: it must fault
 * before it runs, whatever the address points at in the host. */
static void start_bad_thread(uint32_t command)
{
	static uint8_t stack[512];
	void (*entry)(void) = command == ESCAPE_THREAD_BAD_PC ? (void (*)(void))0x1000 : helper;
	void *top =
		command == ESCAPE_THREAD_BAD_SP ? (void *)(uintptr_t)0x2000 : stack + sizeof(stack);
	pwk_status_t s = pwk_thread_start(HANDLE_ATTACKER_HELPER, entry, top);
	pwk_log("attacker: thread_start -> status %u\n", (unsigned)s);
	(void)pwk_object_wait(HANDLE_ATTACKER_HELPER, PWK_SIGNAL_JOINABLE,
			      pwk_deadline_after_ms(10));
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_wait_result_t w =
		pwk_object_wait(HANDLE_FROM_VICTIM, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
	struct escape_request req;
	pwk_count_result_t r = pwk_channel_read(HANDLE_FROM_VICTIM, 0, &req, sizeof(req));
	if (w.status != PWK_OK || r.status != PWK_OK || r.value != sizeof(req)) {
		pwk_debug_shutdown(PWK_INTERNAL);
	}
	if (req.command == ESCAPE_READ_VECTORS) {
		escape_read_vectors(); /* before any syscall of its own */
	}
	if (req.command == ESCAPE_READ_VECTORS512) {
		escape_read_vectors512();
	}
	/* The budget hook has its own entry: the id it used to borrow is
	 * unknown like any other. */
	pwk_sword_t old = (pwk_sword_t)pwk_raw_syscall(0x10000, 0, 0, 0, 0, 0, 0, 0).a0;
	pwk_log("attacker: the simulator's old preemption id -> status %d\n", (int)-old);
	escape_attempt(req.command);
	escape_region_edges(req.command, (uintptr_t)req.secret_address);
	escape_host_code(req.command);
	escape_cpu_modes(req.command);
	if (req.command == ESCAPE_THREAD_BAD_SP || req.command == ESCAPE_THREAD_BAD_PC) {
		start_bad_thread(req.command);
	}
	pwk_log("attacker: still running, responding\n");
	(void)pwk_channel_respond(HANDLE_FROM_VICTIM, own, 8);
	for (;;) {
		(void)pwk_object_wait(HANDLE_FROM_VICTIM, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
	}
}
