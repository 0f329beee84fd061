/*
 * region.c — process regions (see region.h for the layout and why).
 */
#include "region.h"

#include "host_link.h"

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

size_t host_region_bytes(const struct host_region *r)
{
	return r->flash_size + r->ram_size + HOST_REGION_LINK_PAGES * HOST_REGION_PAGE;
}

/* The user view from its first guard page to the end of its last one. */
static uintptr_t span_start(const struct host_region *r)
{
	return r->link_page - HOST_REGION_PAGE - HOST_REGION_GUARD;
}

static size_t span_bytes(const struct host_region *r)
{
	return host_region_bytes(r) + 2u * HOST_REGION_GUARD;
}

/* Maps `len` bytes of the memfd at `off` over the reserved span at `at`. */
static bool map_piece(const struct host_region *r, uintptr_t at, size_t len, off_t off)
{
	return mmap((void *)at, len, PROT_NONE, MAP_SHARED | MAP_FIXED, r->fd, off) != MAP_FAILED;
}

static bool map_user_view(struct host_region *r, uint32_t index, char *err, size_t err_cap)
{
	uintptr_t user = HOST_REGION_USER_BASE + index * HOST_REGION_STRIDE;
	/* Reserve the span as inaccessible, then put the memfd's pieces in
	 * it: whatever is left between and around them stays a guard. */
	if (map_fixed(user, span_bytes(r), PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
		      -1) == MAP_FAILED) {
		snprintf(err, err_cap, "cannot reserve the region at %#lx: %s", (unsigned long)user,
			 strerror(errno));
		return false;
	}
	uintptr_t budget = user + HOST_REGION_GUARD;
	r->link_page = budget + HOST_REGION_PAGE;
	r->user_base = r->link_page + HOST_REGION_PAGE;
	size_t image = r->flash_size + r->ram_size;
	if (!map_piece(r, budget, HOST_REGION_PAGE, (off_t)(image + HOST_REGION_PAGE)) ||
	    !map_piece(r, r->link_page, HOST_REGION_PAGE, (off_t)image) ||
	    !map_piece(r, r->user_base, image, 0)) {
		snprintf(err, err_cap, "cannot map the region: %s", strerror(errno));
		munmap((void *)user, span_bytes(r));
		return false;
	}
	return true;
}

bool host_region_map(struct host_region *r, uint32_t index, size_t flash_size, size_t ram_size,
		     char *err, size_t err_cap)
{
	memset(r, 0, sizeof(*r));
	r->fd = -1;
	r->flash_size = page_round(flash_size);
	r->ram_size = page_round(ram_size);
	if (span_bytes(r) > HOST_REGION_STRIDE) {
		snprintf(err, err_cap,
			 "region of %zu bytes exceeds the simulator's 4 GiB per process",
			 host_region_bytes(r));
		return false;
	}
	char name[32];
	snprintf(name, sizeof(name), "pwk-process-%u", index);
	r->fd = memfd_create(name, MFD_CLOEXEC);
	if (r->fd < 0 || ftruncate(r->fd, (off_t)host_region_bytes(r)) != 0) {
		snprintf(err, err_cap, "cannot create region memory: %s", strerror(errno));
		goto fail;
	}
	if (!map_user_view(r, index, err, err_cap)) {
		goto fail;
	}
	uintptr_t kernel = HOST_REGION_KERNEL_BASE + index * HOST_REGION_STRIDE;
	void *k =
		map_fixed(kernel, host_region_bytes(r), PROT_READ | PROT_WRITE, MAP_SHARED, r->fd);
	if (k == MAP_FAILED) {
		snprintf(err, err_cap, "cannot map the kernel view: %s", strerror(errno));
		munmap((void *)span_start(r), span_bytes(r));
		goto fail;
	}
	r->kernel_base = k;
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
	free(r->initial_ram);
	host_coverage_unmap(r);
	munmap((void *)span_start(r), span_bytes(r));
	munmap(r->kernel_base, host_region_bytes(r));
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
	 * Revoking takes one call for the whole view, granting one per run of
	 * equal rights (budget rw-, link + flash r-x, RAM rw-): mprotect is the
	 * cost of a process switch in isolation mprotect. */
	uintptr_t budget = r->link_page - HOST_REGION_PAGE;
	if (r->coverage_user != 0) {
		(void)mprotect((void *)r->coverage_user, PWK_HOST_COVERAGE_BYTES,
			       accessible ? PROT_READ | PROT_WRITE : PROT_NONE);
	}
	if (!accessible) {
		(void)mprotect((void *)budget, host_region_bytes(r), PROT_NONE);
		return;
	}
	(void)mprotect((void *)budget, HOST_REGION_PAGE, PROT_READ | PROT_WRITE);
	(void)mprotect((void *)r->link_page, HOST_REGION_PAGE + r->flash_size,
		       PROT_READ | PROT_EXEC);
	(void)mprotect((void *)(r->user_base + r->flash_size), r->ram_size, PROT_READ | PROT_WRITE);
}

bool host_region_contains(const struct host_region *r, uintptr_t uaddr)
{
	return r->mapped && uaddr >= r->user_base &&
	       uaddr - r->user_base < r->flash_size + r->ram_size;
}
