/* waiter.c — waits for a reply that never comes: with the uppercase
 * handler waiting for a request, every thread is blocked for ever. */
#include <pwk/user.h>

#include "initiator_handles.h"

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_log("waiting for READABLE that nobody will raise\n");
	(void)pwk_object_wait(HANDLE_IPC, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
	pwk_debug_shutdown(PWK_INTERNAL);
}
