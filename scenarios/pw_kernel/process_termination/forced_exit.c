/*
 * forced_exit.c — pw_kernel tests/process_termination/user/forced_exit.rs:
 * sleeps for ever until main terminates it.
 */
#include "app.h"
#include "forced_exit_handles.h"
#include "pw_test.h"

_Static_assert(PROCESS_INDEX_IN_APP == 2, "app.c dispatches by manifest order");

int forced_exit_entry(void)
{
	TL_INFO("I am the forced exit process. Spinning...\n");
	for (;;) {
		(void)sleep_until(HANDLE_PROCESS, PWK_INSTANT_MAX);
	}
}
