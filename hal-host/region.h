/*
 * region.h — one process's memory on the host: a memfd mapped twice.
 *
 *  user view   [guard][budget][link][link gap][flash (code, rodata)][ram
 *              (data, bss, stacks)][guard] at a fixed address per process (so
 *              runs never depend on where the host's mmap would have put it).
 *              Its protection is what user code sees: in isolation `mprotect`
 *              only the running process's flash and RAM are accessible.
 *              `link` is one read-only page the runtime reads (struct
 *              pwk_host_link: the gates' addresses), so no host address is
 *              ever stored in the process's RAM and only the kernel can
 *              change it. It stays readable and executable while other
 *              processes run: it is no pwk memory and holds nothing any
 *              process may not know (user addresses of this fixed layout
 *              and the same two stubs in every slot, hidden_gate.c:
 *              entering another's stub is a kernel entry as itself, or a
 *              fault where the trap stubs are in use), and leaving it out
 *              of the switch saves an mprotect call per switch
 *              (docs/containment.md, "The link page left out of the
 *              switch"). `budget` is the one page the runtime writes (the
 *              basic-block counter); it is the same host page in every
 *              region, always read-write: hal-host sets the counter before
 *              and reads it after each stretch of user code, so only the
 *              running thread's own accounting is in it (a process writing
 *              it, through any region's slot, can only misreport its own,
 *              which budget.c checks), and a process switch need not touch
 *              it either. Syscalls cannot name
 *              either. The guard right after RAM makes a write past its end
 *              a fault; the link gap (HOST_REGION_LINK_GAP, never mapped)
 *              is a fault too. Where the CPU has protection keys the lower
 *              guard is the key gate's page (pkeys.c), which faults just
 *              the same, and the link page carries the process's key.
 *              In the memfd a one-page gap separates flash from RAM, so
 *              that the host kernel never merges the two mappings when
 *              access is revoked and never splits them when it is granted
 *              again: the grant is two mprotect calls (flash, RAM), the
 *              revoke one (flash to the end of RAM), each on whole
 *              mappings.
 *  kernel view the same pages (link, flash, RAM; flash and RAM contiguous),
 *              always read-write, at an address the host's mmap chose:
 *              the kernel (and the loader) reach a validated user address
 *              through it, whichever process is running. No process learns
 *              a host address (in isolation `mprotect`, see hidden_gate.c), so
 *              it is out of their reach as the rest of pwsim's memory is,
 *              and no copy between processes needs a host syscall.
 */
#ifndef PWK_HAL_HOST_REGION_H
#define PWK_HAL_HOST_REGION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct host_region {
	bool mapped;
	int fd;
	uintptr_t user_base;  /* first byte of flash in the user view */
	uint8_t *kernel_base; /* the same byte in the kernel view (random address) */
	size_t flash_size;    /* page multiple */
	size_t ram_size;      /* page multiple */
	size_t mapped_size;   /* flash_size + ram_size while mapped, else 0 */
	int pkey;             /* the protection key its user view carries (pkeys.c), 0 if none */
	bool gate_page;       /* the key gate's page is mapped in the lower guard (pkeys.c) */
	uintptr_t link_page;  /* user address of the link page, below the link gap */
	uint8_t *initial_ram; /* RAM as the loader left it (data, zeroed bss) */
	size_t initial_ram_len;
	/* pwsim fuzz's coverage map of this process (coverage.c), or none:
	 * its own memfd, mapped at coverage_user in the user view (as
	 * accessible as the region) and at coverage_kernel for pwsim. */
	int coverage_fd;
	uintptr_t coverage_user; /* 0: no map */
	uint8_t *coverage_kernel;
	/* kernel_base - user_base (mod 2^64), set with kernel_base: a user
	 * address's kernel pointer in one addition (hal_user_ptr). */
	uintptr_t to_kernel;
	uint8_t pad[16];
};
/* A power of two, so that host.regions[process] is a shift on every
 * hal_user_ptr(). */
_Static_assert(sizeof(struct host_region) == 128, "host_region stays a power of two");

#define HOST_REGION_PAGE 4096u

/* Fixed layout: process p's user view at HOST_REGION_USER_BASE + p * stride. */
#define HOST_REGION_USER_BASE UINT64_C(0x500000000000)
#define HOST_REGION_STRIDE    UINT64_C(0x100000000) /* 4 GiB per process */
#define HOST_REGION_GUARD     4096u

/* Unmapped bytes between the link page and flash in the user view: a
 * pointer run below flash faults, as below a board's flash, for 256 KiB
 * before it could read the link page (which stays readable in isolation
 * mprotect, above). It used to make every revoke one whole-TLB flush,
 * when the revoke covered the link page too (docs/containment.md, "The
 * flush gap"). Reserved address space only: nothing is allocated for it. */
#define HOST_REGION_LINK_GAP (64u * HOST_REGION_PAGE)

bool host_region_map(struct host_region *r, uint32_t index, size_t flash_size, size_t ram_size,
		     char *err, size_t err_cap);
void host_region_unmap(struct host_region *r);

/* coverage.c: unmaps a region's coverage map, if it has one. */
void host_coverage_unmap(struct host_region *r);

/* Sets the user view's protection: accessible (flash r-x, ram rw-) or not. */
void host_region_set_accessible(struct host_region *r, bool accessible);
/* Tags the user view (link page, flash, RAM, coverage map) with protection
 * key `key` (0: none), with the protections of an accessible view; a
 * nonzero key is set again each time (a coverage map may have joined). */
void host_region_set_key(struct host_region *r, int key);

/* True if `uaddr` is in the mapped region's flash or RAM (inline: every
 * hal_user_ptr() asks). An address below user_base wraps its offset past
 * the region's size (the view does not wrap): one compare for both ends,
 * and for an unmapped region (mapped_size 0). */
static inline bool host_region_contains(const struct host_region *r, uintptr_t uaddr)
{
	return uaddr - r->user_base < r->mapped_size;
}

/* The link page (struct pwk_host_link) in the kernel view, below flash. */
static inline uint8_t *host_region_link(const struct host_region *r)
{
	return r->kernel_base - HOST_REGION_PAGE;
}

/* The user view's lowest page: the guard below the budget page (the key
 * gate's page where the CPU has protection keys, pkeys.c); the view's
 * mapping starts here. */
static inline uintptr_t host_region_span_start(const struct host_region *r)
{
	return r->link_page - HOST_REGION_PAGE - HOST_REGION_GUARD;
}

/* The budget page's counter in the user view (the page below the link;
 * the same host page in every region). */
static inline int64_t *host_region_budget(const struct host_region *r)
{
	return (int64_t *)(r->link_page - HOST_REGION_PAGE);
}

static inline uint8_t *host_region_kernel_ptr(const struct host_region *r, uintptr_t uaddr)
{
	return (uint8_t *)(uaddr + r->to_kernel);
}

#endif
