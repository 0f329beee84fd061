/*
 * handler2.c — pw_kernel tests/async_ipc/user/handler2.rs: serves ipc_2,
 * adding 2.
 */
#include "handler2_handles.h"
#include "handlers.h"
#include "pw_test.h"

_Static_assert(PROCESS_INDEX_IN_APP == 1, "handlers.c dispatches by manifest order");

int handler2_entry(void)
{
	pwk_status_t s = handle_increment_ipc(HANDLE_IPC_2, 2);
	TL_STEP_FAILED("IPC service 2 error: %u\n", (unsigned)s);
	pwk_debug_shutdown(s);
}
