/*
 * client_nop.c — debug_nop: the cheapest syscall, entry and exit only.
 */
#include "bench.h"
#include "client_handles.h"

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_instant_t start = pwk_now();
	for (uint32_t i = 0; i < bench_iterations; i++) {
		pwk_status_t s = pwk_debug_nop();
		if (s != PWK_OK) {
			bench_fail(s);
		}
	}
	bench_finish(start);
}
