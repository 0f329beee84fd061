/*
 * coverage.c — the coverage map pwsim fuzz reads (docs/fuzzing.md): one
 * memfd per fuzzed process, mapped twice like a region. The user view sits at
 * a fixed address at the end of the process's 4 GiB slot (the hook's block
 * addresses and the map's address are then the same in every run) and is
 * exactly as accessible as the process's region, so in isolation mprotect no
 * other process can write it; pwsim reads and clears the other view.
 * Syscalls cannot name it: it is no pwk region.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "host_link.h"
#include "machine.h"

static uintptr_t coverage_user_address(uint32_t process)
{
	return HOST_REGION_USER_BASE + (process + 1) * HOST_REGION_STRIDE - HOST_REGION_GUARD -
	       PWK_HOST_COVERAGE_BYTES;
}

bool host_coverage_attach(uint32_t process, char *err, size_t err_cap)
{
	if (process >= host.region_count || !host.regions[process].mapped) {
		snprintf(err, err_cap, "process %u has no region", process);
		return false;
	}
	struct host_region *r = &host.regions[process];
	if (r->coverage_user != 0) {
		return true;
	}
	uintptr_t at = coverage_user_address(process);
	/* The region's span (guard, budget, link, flash, RAM, guard) must end
	 * below the map. */
	uintptr_t span_end = r->user_base + r->flash_size + r->ram_size + HOST_REGION_GUARD;
	if (span_end > at) {
		snprintf(err, err_cap, "region too large for a coverage map in its 4 GiB slot");
		return false;
	}
	int fd = memfd_create("pwk-coverage", MFD_CLOEXEC);
	if (fd < 0 || ftruncate(fd, PWK_HOST_COVERAGE_BYTES) != 0) {
		snprintf(err, err_cap, "cannot create the coverage map: %s", strerror(errno));
		goto fail;
	}
	void *user = mmap((void *)at, PWK_HOST_COVERAGE_BYTES, PROT_NONE,
			  MAP_SHARED | MAP_FIXED_NOREPLACE, fd, 0);
	if (user != (void *)at) {
		snprintf(err, err_cap, "cannot map the coverage map at %#lx: %s", (unsigned long)at,
			 strerror(errno));
		if (user != MAP_FAILED) {
			munmap(user, PWK_HOST_COVERAGE_BYTES);
		}
		goto fail;
	}
	void *kernel =
		mmap(NULL, PWK_HOST_COVERAGE_BYTES, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (kernel == MAP_FAILED) {
		snprintf(err, err_cap, "cannot map the coverage map: %s", strerror(errno));
		munmap(user, PWK_HOST_COVERAGE_BYTES);
		goto fail;
	}
	r->coverage_fd = fd;
	r->coverage_user = at;
	r->coverage_kernel = kernel;
	host_region_apply_isolation(r);
	host_region_link_write(r);
	return true;
fail:
	if (fd >= 0) {
		close(fd);
	}
	return false;
}

uint8_t *host_coverage_map(uint32_t process)
{
	if (process >= host.region_count) {
		return NULL;
	}
	return host.regions[process].coverage_kernel;
}

void host_coverage_unmap(struct host_region *r)
{
	if (r->coverage_user == 0) {
		return;
	}
	munmap((void *)r->coverage_user, PWK_HOST_COVERAGE_BYTES);
	munmap(r->coverage_kernel, PWK_HOST_COVERAGE_BYTES);
	close(r->coverage_fd);
	r->coverage_user = 0;
	r->coverage_kernel = NULL;
	r->coverage_fd = -1;
}
