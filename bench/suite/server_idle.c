/*
 * server_idle.c — the server of the benchmarks that need none: its thread
 * blocks for good and costs nothing per iteration.
 */
#include "bench.h"
#include "server_handles.h"

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	bench_park();
}
