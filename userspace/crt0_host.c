/*
 * crt0_host.c — process entry on hal-host. The simulator's loader has placed
 * the image (code, data, zeroed bss) in the process's region and relocated
 * it; the kernel starts the main thread here with a0 = the process's index
 * in its app and a1 = the host link (the gates' addresses, in a read-only
 * page of the region).
 */
#include <pwk/user.h>

#include "host_link.h"

/* Read by syscall_host.S and budget_host.c; set once per process start.
 * Threads started with thread_start() share them (same image, same region).
 * All hold user addresses of the region, fixed for the process: the RAM
 * never holds a host address, so its contents are the same in every run. */
__attribute__((visibility("hidden"))) struct pwk_host_link *__pwk_host_link;
__attribute__((visibility("hidden"))) int64_t *__pwk_host_budget;
__attribute__((visibility("hidden"))) uint8_t *__pwk_host_coverage;
/* What the budget hook decrements at every block (budget_host.S): the
 * budget itself, so that a block costs four instructions; while a coverage
 * map is attached, a word after the map that starts at 0 and only falls, so
 * that every block takes the hook's slow way, which counts the edge and
 * then the budget (budget_host.c). */
__attribute__((visibility("hidden"))) int64_t *__pwk_host_block_counter;

_Noreturn void _start(pwk_word_t index_in_app, struct pwk_host_link *link);

_Noreturn void _start(pwk_word_t index_in_app, struct pwk_host_link *link)
{
	__pwk_host_link = link;
	__pwk_host_budget = link->budget;
	__pwk_host_coverage = link->coverage;
	__pwk_host_block_counter =
		link->coverage != NULL
			? (int64_t *)(void *)(link->coverage + PWK_HOST_COVERAGE_SINK_OFFSET)
			: link->budget;
	pwk_process_exit((uint32_t)pwk_main((uint32_t)index_in_app));
}
