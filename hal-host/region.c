/*
 * region.c — process regions (see region.h for the layout and why).
 */
#include "region.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static size_t page_round(size_t n)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	return (n + page - 1) / page * page;
}

static void *map_fixed(uintptr_t at, size_t len, int prot, int flags, int fd)
{
	void *want = (void *)at;
	void *got = mmap(want, len, prot, flags | MAP_FIXED_NOREPLACE, fd, 0);
	if (got != MAP_FAILED && got != want) {
		/* Old kernels ignore MAP_FIXED_NOREPLACE and treat it as a hint. */
		munmap(got, len);
		errno = EEXIST;
		return MAP_FAILED;
	}
	return got;
}

bool host_region_map(struct host_region *r, uint32_t index, size_t flash_size, size_t ram_size,
		     char *err, size_t err_cap)
{
	memset(r, 0, sizeof(*r));
	r->fd = -1;
	r->flash_size = page_round(flash_size);
	r->ram_size = page_round(ram_size);
	size_t size = r->flash_size + r->ram_size + HOST_REGION_HAL_PAGE;
	size_t span = size + 2u * HOST_REGION_GUARD;
	if (span > HOST_REGION_STRIDE) {
		snprintf(err, err_cap,
			 "region of %zu bytes exceeds the simulator's 4 GiB per process", size);
		return false;
	}
	char name[32];
	snprintf(name, sizeof(name), "pwk-process-%u", index);
	r->fd = memfd_create(name, MFD_CLOEXEC);
	if (r->fd < 0 || ftruncate(r->fd, (off_t)size) != 0) {
		snprintf(err, err_cap, "cannot create region memory: %s", strerror(errno));
		goto fail;
	}
	uintptr_t user = HOST_REGION_USER_BASE + index * HOST_REGION_STRIDE;
	/* Reserve guard + region + guard as inaccessible, then put the memfd
	 * in the middle: an overflow off either end faults. */
	if (map_fixed(user, span, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1) ==
	    MAP_FAILED) {
		snprintf(err, err_cap, "cannot reserve the region at %#lx: %s", (unsigned long)user,
			 strerror(errno));
		goto fail;
	}
	r->user_base = user + HOST_REGION_GUARD;
	if (mmap((void *)r->user_base, size, PROT_NONE, MAP_SHARED | MAP_FIXED, r->fd, 0) ==
	    MAP_FAILED) {
		snprintf(err, err_cap, "cannot map the region: %s", strerror(errno));
		munmap((void *)user, span);
		goto fail;
	}
	uintptr_t kernel = HOST_REGION_KERNEL_BASE + index * HOST_REGION_STRIDE;
	void *k = map_fixed(kernel, size, PROT_READ | PROT_WRITE, MAP_SHARED, r->fd);
	if (k == MAP_FAILED) {
		snprintf(err, err_cap, "cannot map the kernel view: %s", strerror(errno));
		munmap((void *)user, span);
		goto fail;
	}
	r->kernel_base = k;
	r->hal_page = r->user_base + r->flash_size + r->ram_size;
	r->mapped = true;
	return true;
fail:
	if (r->fd >= 0) {
		close(r->fd);
	}
	r->fd = -1;
	return false;
}

void host_region_unmap(struct host_region *r)
{
	if (!r->mapped) {
		return;
	}
	size_t size = r->flash_size + r->ram_size + HOST_REGION_HAL_PAGE;
	free(r->initial_ram);
	munmap((void *)(r->user_base - HOST_REGION_GUARD), size + 2u * HOST_REGION_GUARD);
	munmap(r->kernel_base, size);
	close(r->fd);
	memset(r, 0, sizeof(*r));
	r->fd = -1;
}

void host_region_set_accessible(struct host_region *r, bool accessible)
{
	if (!r->mapped) {
		return;
	}
	/* Cannot fail for ranges we mapped ourselves with compatible rights.
	 * Revoking takes one call for the whole region: mprotect is the cost
	 * of a process switch in isolation mprotect. */
	if (!accessible) {
		(void)mprotect((void *)r->user_base,
			       r->flash_size + r->ram_size + HOST_REGION_HAL_PAGE, PROT_NONE);
		return;
	}
	(void)mprotect((void *)r->user_base, r->flash_size, PROT_READ | PROT_EXEC);
	(void)mprotect((void *)(r->user_base + r->flash_size), r->ram_size + HOST_REGION_HAL_PAGE,
		       PROT_READ | PROT_WRITE);
}

bool host_region_contains(const struct host_region *r, uintptr_t uaddr)
{
	return r->mapped && uaddr >= r->user_base &&
	       uaddr - r->user_base < r->flash_size + r->ram_size;
}
