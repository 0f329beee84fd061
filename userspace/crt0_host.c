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
 * All three hold user addresses of the region, fixed for the process: the RAM
 * never holds a host address, so its contents are the same in every run. */
__attribute__((visibility("hidden"))) struct pwk_host_link *__pwk_host_link;
__attribute__((visibility("hidden"))) int64_t *__pwk_host_budget;
__attribute__((visibility("hidden"))) uint8_t *__pwk_host_coverage;

_Noreturn void _start(pwk_word_t index_in_app, struct pwk_host_link *link);

_Noreturn void _start(pwk_word_t index_in_app, struct pwk_host_link *link)
{
	__pwk_host_link = link;
	__pwk_host_budget = link->budget;
	__pwk_host_coverage = link->coverage;
	pwk_process_exit((uint32_t)pwk_main((uint32_t)index_in_app));
}
