/*
 * main.c — pw_kernel tests/thread_termination/user/main.rs ("User Thread
 * Termination"): a started thread that calls thread_exit(42) joins with
 * Success(42) and has run; the same thread object restarted on a spinning
 * entry, terminated from the main thread, joins with TerminatedBySyscall.
 * pwk port: the main thread lets the spinner run before terminating it (see
 * do_test).
 */
#include <pwk/user.h>

#include "main_handles.h"
#include "pw_test.h"

/* Upstream uses a 1 KiB stack; x86-64 frames (pwk_log's line buffer, the
 * simulator's preemption hook) want more. */
static uint8_t thread_stack[4096] __attribute__((aligned(16)));
static volatile uint32_t thread_done;

static void test_thread_entry(void)
{
	TL_INFO("Test thread started\n");
	thread_done = 1;
	TL_INFO("Test thread exiting\n");
	pwk_thread_exit(42);
}

static void spin_thread_entry(void)
{
	TL_INFO("Spin thread started\n");
	/* Only termination ends this thread. The volatile counter matters:
	 * pwsim preempts user code at instrumented basic blocks, and GCC
	 * leaves an empty `for (;;) {}` as an uninstrumented `jmp .`, which
	 * nothing could preempt (hardware would take the timer interrupt). */
	for (volatile uint32_t n = 0;; n++) {
	}
}

static pwk_status_t join_expecting(pwk_exit_tag_t tag, uint32_t payload)
{
	TL_INFO("Waiting for test thread to terminate\n");
	TRY(pwk_object_wait(HANDLE_TEST_THREAD, PWK_SIGNAL_JOINABLE, PWK_INSTANT_MAX).status);
	pwk_join_result_t j = pwk_task_join(HANDLE_TEST_THREAD);
	TRY(j.status);
	if (j.tag != tag || j.payload != payload) {
		TL_ERROR("Thread joined with unexpected status (tag %u, payload %u)\n",
			 (unsigned)j.tag, (unsigned)j.payload);
		return PWK_INTERNAL;
	}
	return PWK_OK;
}

static pwk_status_t do_test(void)
{
	tl_start("User Thread Termination");
	uint8_t *stack_top = thread_stack + sizeof(thread_stack);

	TL_INFO("Starting test thread\n");
	TRY(pwk_thread_start(HANDLE_TEST_THREAD, test_thread_entry, stack_top));
	TRY(join_expecting(PWK_EXIT_SUCCESS, 42));
	TL_INFO("Thread joined\n");
	if (thread_done != 1) {
		return PWK_INTERNAL;
	}

	TL_INFO("Starting test thread again for external termination\n");
	TRY(pwk_thread_start(HANDLE_TEST_THREAD, spin_thread_entry, stack_top));
	/* As upstream, terminated before it ever ran: it still enters user
	 * mode (and logs) once main blocks in the join, then exits. */
	TL_INFO("Terminating test thread from main thread\n");
	TRY(pwk_task_terminate(HANDLE_TEST_THREAD));
	TRY(join_expecting(PWK_EXIT_TERMINATED_BY_SYSCALL, 0));
	TL_INFO("Thread joined (terminated from outside)\n");
	return PWK_OK;
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_status_t s = do_test();
	if (s == PWK_OK) {
		tl_passed("User Thread Termination");
	} else {
		tl_failed("User Thread Termination");
		TL_ERROR("status code: %u\n", (unsigned)s);
	}
	pwk_debug_shutdown(s);
}
