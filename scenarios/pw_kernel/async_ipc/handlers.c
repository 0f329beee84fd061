/*
 * handlers.c — the entry of the "handlers" app image: like pw_kernel's
 * generated multi_process_app main, it runs the entry of the process whose
 * index in the app the kernel passed.
 */
#include "handlers.h"

int pwk_main(uint32_t index_in_app)
{
	static int (*const entries[])(void) = {handler1_entry, handler2_entry, handler3_entry};
	if (index_in_app >= sizeof(entries) / sizeof(entries[0])) {
		pwk_debug_shutdown(PWK_INTERNAL);
	}
	return entries[index_in_app]();
}
