/*
 * handler3.c — pw_kernel tests/async_ipc/user/handler3.rs: serves ipc_3,
 * adding 3.
 */
#include "handler3_handles.h"
#include "handlers.h"
#include "pw_test.h"

_Static_assert(PROCESS_INDEX_IN_APP == 2, "handlers.c dispatches by manifest order");

int handler3_entry(void)
{
	pwk_status_t s = handle_increment_ipc(HANDLE_IPC_3, 3);
	TL_STEP_FAILED("IPC service 3 error: %u\n", (unsigned)s);
	pwk_debug_shutdown(s);
}
