/*
 * exception_exit.c — pw_kernel tests/process_termination/user/
 * exception_exit.rs: stores to address 0, so the process ends with
 * UnhandledException(0).
 */
#include "app.h"
#include "exception_exit_handles.h"
#include "pw_test.h"

_Static_assert(PROCESS_INDEX_IN_APP == 4, "app.c dispatches by manifest order");

int exception_exit_entry(void)
{
	TL_INFO("I am the exception exit process. Triggering exception...\n");
	/* A volatile pointer object keeps the compiler from treating the store
	 * as undefined behaviour and dropping or replacing it. */
	volatile uint32_t *volatile null_pointer = 0;
	*null_pointer = 42;
	TL_ERROR("Exception trigger FAILED!\n");
	return PWK_INTERNAL;
}
