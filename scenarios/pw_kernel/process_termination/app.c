/*
 * app.c — the entry of the process_termination image: like pw_kernel's
 * generated multi_process_app main, it runs the entry of the process whose
 * index in the app the kernel passed (manifest order).
 */
#include "app.h"

int pwk_main(uint32_t index_in_app)
{
	static int (*const entries[])(void) = {
		main_entry,    clean_exit_entry,     forced_exit_entry,
		restart_entry, exception_exit_entry,
	};
	if (index_in_app >= sizeof(entries) / sizeof(entries[0])) {
		pwk_debug_shutdown(PWK_INTERNAL);
	}
	return entries[index_in_app]();
}
