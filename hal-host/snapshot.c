/*
 * snapshot.c — rewinding a loaded system to the state it had right after
 * its regions were created and its images loaded, without unmapping
 * anything: the snapshot *is* the loaded regions, kept mapped.
 *
 * What a fresh start gives, and how a rewind gets the same:
 *  flash      written by the loader only (user views map it r-x, and the
 *             kernel writes only buffers checked against RAM), so it is
 *             still as loaded;
 *  RAM        copied back from the loader's image (initial_ram) and zeroed
 *             past it, here for every process (a process not started at
 *             boot could otherwise be read by a wild pointer in isolation
 *             none) and again by hal_process_starting at boot;
 *  link page  rewritten for the new run's isolation mode;
 *  budget     zeroed, as a fresh page (one page, shared by every region);
 *  coverage   (pwsim fuzz's map, when attached) zeroed;
 *  views      protections as host_region_create() leaves them (kept as
 *             they are after a run in isolation none, which changes none):
 *             user views accessible only in isolation none (the kernel
 *             view is always read-write);
 *  the rest   host_machine_reset() (threads, console, clock, rng, digest)
 *             and pwk_boot() (every kernel-core table) start from zero.
 */
#include <string.h>
#include <sys/mman.h>

#include <pwk/hal.h>

#include "host_link.h"
#include "machine.h"

/* `kept`: the previous run left the views as this run needs them
 * (views_kept; pwsim fuzz rewinds thousands of times a second, and
 * mprotect is most of a rewind's cost). */
static void region_rewind(struct host_region *r, bool kept)
{
	uint8_t *ram = r->kernel_base + r->flash_size;
	memcpy(ram, r->initial_ram, r->initial_ram_len);
	memset(ram + r->initial_ram_len, 0, r->ram_size - r->initial_ram_len);
	if (r->coverage_kernel != NULL) {
		/* The hook's previous-block state too: edges never span runs. */
		memset(r->coverage_kernel, 0, PWK_HOST_COVERAGE_BYTES);
	}
	host_region_link_write(r);
	if (!kept) {
		host_region_apply_isolation(r);
	}
}

/* Whether a run in isolation `now` finds the views as one in `was` left
 * them: the same isolation, if it is not mprotect (whose switches revoke).
 * Two isolations differ in more than their switches: none and trusted in
 * the key gate's page, pkeys in its keys. */
static bool views_kept(host_isolation_t was, host_isolation_t now)
{
	return was == now && now != HOST_ISOLATION_MPROTECT;
}

void host_machine_rewind(const struct host_options *opts)
{
	struct host_region kept[HOST_PROCESSES_MAX];
	uint32_t count = host.region_count;
	const host_isolation_t was = host.opts.isolation;
	const bool key_gate_refused = host.key_gate_refused;
	memcpy(kept, host.regions, sizeof(kept));
	/* Hide the regions from host_machine_reset(), which would unmap them. */
	memset(host.regions, 0, sizeof(host.regions));
	host_machine_reset(opts);
	memcpy(host.regions, kept, sizeof(kept));
	host.region_count = count;
	host.key_gate_refused = key_gate_refused;
	bool budget_zeroed = false;
	for (uint32_t p = 0; p < count; p++) {
		struct host_region *r = &host.regions[p];
		if (r->mapped && r->initial_ram != NULL) {
			if (!budget_zeroed) {
				/* One page behind every region's budget slot: once. */
				memset(host_region_budget(r), 0, HOST_REGION_PAGE);
				budget_zeroed = true;
			}
			region_rewind(r, views_kept(was, host.opts.isolation));
		}
	}
}

bool host_snapshot_patch_ram(uint32_t process, uintptr_t uaddr, const void *bytes, size_t len)
{
	if (process >= host.region_count || host.regions[process].initial_ram == NULL) {
		return false;
	}
	struct host_region *r = &host.regions[process];
	uintptr_t ram = r->user_base + r->flash_size;
	if (uaddr < ram || uaddr - ram > r->initial_ram_len ||
	    len > r->initial_ram_len - (uaddr - ram)) {
		return false;
	}
	memcpy(r->initial_ram + (uaddr - ram), bytes, len);
	return true;
}
