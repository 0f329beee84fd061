/*
 * clean_exit.c — pw_kernel tests/process_termination/user/clean_exit.rs:
 * returns 42 from its entry, so the process exits with Success(42).
 */
#include "app.h"
#include "clean_exit_handles.h"
#include "pw_test.h"

_Static_assert(PROCESS_INDEX_IN_APP == 1, "app.c dispatches by manifest order");

int clean_exit_entry(void)
{
	TL_INFO("I am the clean exit process. Exiting...\n");
	return 42;
}
