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

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#endif

/* The one budget page every region's budget slot maps (region.h). */
static int budget_fd = -1;

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

/* memfd offsets: [link][flash][gap][ram] (region.h). */
static off_t ram_offset(const struct host_region *r)
{
	return (off_t)(HOST_REGION_PAGE + r->flash_size + HOST_REGION_PAGE);
}

static size_t memfd_bytes(const struct host_region *r)
{
	return (size_t)ram_offset(r) + r->ram_size;
}

/* Link, flash and RAM, as the kernel view has them. */
static size_t view_bytes(const struct host_region *r)
{
	return HOST_REGION_PAGE + r->flash_size + r->ram_size;
}

/* The user view: guard, budget page, then link page to the end of RAM with
 * the gap between, then guard. */
static size_t span_bytes(const struct host_region *r)
{
	return HOST_REGION_PAGE + view_bytes(r) + HOST_REGION_LINK_GAP + 2u * HOST_REGION_GUARD;
}

/* Maps `len` bytes of `fd` at `off` over the reserved span at `at`. */
static bool map_piece(uintptr_t at, size_t len, int prot, int fd, off_t off)
{
	return mmap((void *)at, len, prot, MAP_SHARED | MAP_FIXED, fd, off) != MAP_FAILED;
}

static bool budget_page_ready(void)
{
	if (budget_fd >= 0) {
		return true;
	}
	budget_fd = memfd_create("pwk-budget", MFD_CLOEXEC);
	if (budget_fd >= 0 && ftruncate(budget_fd, HOST_REGION_PAGE) != 0) {
		close(budget_fd);
		budget_fd = -1;
	}
	return budget_fd >= 0;
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
	r->user_base = r->link_page + HOST_REGION_PAGE + HOST_REGION_LINK_GAP;
	if (!map_piece(budget, HOST_REGION_PAGE, PROT_READ | PROT_WRITE, budget_fd, 0) ||
	    !map_piece(r->link_page, HOST_REGION_PAGE, PROT_READ | PROT_EXEC, r->fd, 0) ||
	    !map_piece(r->user_base, r->flash_size, PROT_NONE, r->fd, HOST_REGION_PAGE) ||
	    !map_piece(r->user_base + r->flash_size, r->ram_size, PROT_NONE, r->fd,
		       ram_offset(r))) {
		snprintf(err, err_cap, "cannot map the region: %s", strerror(errno));
		munmap((void *)user, span_bytes(r));
		return false;
	}
	memset((void *)budget, 0, HOST_REGION_PAGE); /* as a fresh page */
	return true;
}

/* The kernel view wherever mmap puts it: link + flash, then RAM right
 * after flash (so a user address translates by one subtraction). */
static bool map_kernel_view(struct host_region *r, char *err, size_t err_cap)
{
	void *k = mmap(NULL, view_bytes(r), PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
		       -1, 0);
	if (k == MAP_FAILED) {
		snprintf(err, err_cap, "cannot reserve the kernel view: %s", strerror(errno));
		return false;
	}
	uintptr_t link = (uintptr_t)k;
	if (!map_piece(link, HOST_REGION_PAGE + r->flash_size, PROT_READ | PROT_WRITE, r->fd, 0) ||
	    !map_piece(link + HOST_REGION_PAGE + r->flash_size, r->ram_size, PROT_READ | PROT_WRITE,
		       r->fd, ram_offset(r))) {
		snprintf(err, err_cap, "cannot map the kernel view: %s", strerror(errno));
		munmap(k, view_bytes(r));
		return false;
	}
	r->kernel_base = (uint8_t *)(link + HOST_REGION_PAGE);
	r->to_kernel = (uintptr_t)r->kernel_base - r->user_base;
#if defined(__SANITIZE_ADDRESS__)
	/* mmap may reuse the addresses of an unmapped fiber stack whose
	 * abandoned frames ASan still has poisoned: this memory is fresh. */
	__asan_unpoison_memory_region(k, view_bytes(r));
#endif
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
			 view_bytes(r));
		return false;
	}
	char name[32];
	snprintf(name, sizeof(name), "pwk-process-%u", index);
	r->fd = memfd_create(name, MFD_CLOEXEC);
	if (r->fd < 0 || ftruncate(r->fd, (off_t)memfd_bytes(r)) != 0 || !budget_page_ready()) {
		snprintf(err, err_cap, "cannot create region memory: %s", strerror(errno));
		goto fail;
	}
	if (!map_user_view(r, index, err, err_cap)) {
		goto fail;
	}
	if (!map_kernel_view(r, err, err_cap)) {
		munmap((void *)host_region_span_start(r), span_bytes(r));
		goto fail;
	}
	r->mapped = true;
	r->mapped_size = r->flash_size + r->ram_size;
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
	munmap((void *)host_region_span_start(r), span_bytes(r));
	munmap(r->kernel_base - HOST_REGION_PAGE, view_bytes(r));
	close(r->fd);
	memset(r, 0, sizeof(*r));
	r->fd = -1;
}

/* The process's own memory in the user view with its accessible protection
 * (flash r-x, RAM and the coverage map rw-) and protection key `pkey` (-1:
 * each keeps its own, which is what mprotect does). Cannot fail for ranges
 * we mapped ourselves with compatible rights; each call covers whole
 * mappings (region.h): no split, no merge. */
static void grant(const struct host_region *r, int pkey)
{
	if (r->coverage_user != 0) {
		(void)pkey_mprotect((void *)r->coverage_user, PWK_HOST_COVERAGE_BYTES,
				    PROT_READ | PROT_WRITE, pkey);
	}
	(void)pkey_mprotect((void *)r->user_base, r->flash_size, PROT_READ | PROT_EXEC, pkey);
	(void)pkey_mprotect((void *)(r->user_base + r->flash_size), r->ram_size,
			    PROT_READ | PROT_WRITE, pkey);
}

void host_region_set_key(struct host_region *r, int key)
{
	/* A view on key 0 that stays there needs nothing; a key is (re)set
	 * every time, so that a coverage map attached later gets it too. */
	if (!r->mapped || (key == 0 && r->pkey == 0)) {
		return;
	}
	grant(r, key);
	(void)pkey_mprotect((void *)r->link_page, HOST_REGION_PAGE, PROT_READ | PROT_EXEC, key);
	r->pkey = key;
}

void host_region_set_accessible(struct host_region *r, bool accessible)
{
	if (!r->mapped) {
		return;
	}
	/* The budget page stays read-write and the link page read-only
	 * (region.h says why). These calls are the cost of a process switch
	 * in isolation mprotect: one here, two in grant(). */
	if (accessible) {
		grant(r, -1);
		return;
	}
	if (r->coverage_user != 0) {
		(void)mprotect((void *)r->coverage_user, PWK_HOST_COVERAGE_BYTES, PROT_NONE);
	}
	(void)mprotect((void *)r->user_base, r->mapped_size, PROT_NONE);
}
