/*
 * handler1.c — pw_kernel tests/async_ipc/user/handler1.rs: serves ipc_1,
 * adding 1.
 */
#include "handler1_handles.h"
#include "handlers.h"
#include "pw_test.h"

_Static_assert(PROCESS_INDEX_IN_APP == 0, "handlers.c dispatches by manifest order");

int handler1_entry(void)
{
	pwk_status_t s = handle_increment_ipc(HANDLE_IPC_1, 1);
	TL_STEP_FAILED("IPC service 1 error: %u\n", (unsigned)s);
	pwk_debug_shutdown(s);
}
