/* SPDX-License-Identifier: Apache-2.0 */
/*
 * uaccess.h — user buffers: the only code that touches user memory.
 *
 * A syscall checks each buffer once, at entry, as (process, range, access)
 * against the calling process's regions (pw_kernel §1.6), and keeps the
 * result as a pwk_ubuf. The bytes move later, directly between two
 * processes' memory, through hal_user_ptr(). An iovec array stays in user
 * memory, so its entries are re-read and re-checked at copy time: a process
 * that rewrites them after the check can only shorten its own transfer.
 */
#ifndef PWK_UACCESS_H
#define PWK_UACCESS_H

#include <pwk/abi.h>
#include <pwk/hal.h>

#include "assert.h"
#include "boot.h"
#include "copy.h"
#include "limits.h"

struct pwk_ubuf {
	uint32_t process;
	uint32_t access;    /* PWK_ACCESS_* the syscall needed */
	uintptr_t addr;     /* the bytes, or the iovec array */
	uint32_t iov_count; /* 0: flat buffer [addr, addr + size) */
	size_t size;        /* total bytes, as checked */
};

/* Checks the buffer argument (`ptr`, signed `len`) of `process` for
 * `access`. INVALID_ARGUMENT: NULL pointer, a range that wraps, more than
 * PWK_IOVEC_ENTRIES_MAX entries, a total over INTPTR_MAX. PERMISSION_DENIED:
 * a non-empty piece (or the iovec array) not wholly inside one region of the
 * process granting `access`. */
pwk_status_t pwk__ubuf_check(uint32_t process, pwk_word_t ptr, pwk_word_t len, uint32_t access,
			     struct pwk_ubuf *buf);

/* A copy of each process's last region, made at boot
 * (pwk__uaccess_reset()): IPC buffers are in RAM, listed after flash, so
 * nearly every check is answered by this one entry, found by the process
 * index alone. All zero (no access: it holds nothing) for a process
 * without regions. Invariant: equal to that process's last region. */
extern PWK__SHARED struct pwk_region_desc pwk__last_region[PWK_PROCESSES_MAX];

/* Boot: fills pwk__last_region from `system`'s (checked) processes. */
void pwk__uaccess_reset(const struct pwk_system_desc *system);

/* True if the non-empty [start, start + len) lies inside `r` and `r`
 * grants all of `access`. `r` does not wrap (boot checks it), so neither
 * does a range it holds, and a start below r->start gives an offset that
 * wraps past r->size (r->start + r->size < 2^N): the range's end, offset
 * plus len without a carry, at most r->size is the one test for both. */
static inline bool pwk__region_holds(const struct pwk_region_desc *r, uintptr_t start, size_t len,
				     uint32_t access)
{
	uintptr_t end;
	return (access & ~r->access) == 0 && !__builtin_add_overflow(start - r->start, len, &end) &&
	       end <= r->size;
}

/* True if [start, start + len) lies inside one region of `process` that
 * grants all of `access`. Empty ranges are not checked (pw_kernel). */
static inline bool pwk__in_one_region(uint32_t process, uintptr_t start, size_t len,
				      uint32_t access)
{
	if (len == 0 || pwk__region_holds(&pwk__last_region[process], start, len, access)) {
		return true;
	}
	/* The others, from the last but one: the answer does not depend on
	 * the order (any region will do). */
	const struct pwk_system_desc *system = pwk__system();
	const struct pwk_process_desc *p = &system->processes[process];
	for (uint32_t i = p->region_count > 0 ? p->region_count - 1 : 0; i-- > 0;) {
		if (pwk__region_holds(&system->regions[p->first_region + i], start, len, access)) {
			return true;
		}
	}
	return false;
}

/* The fast path's check, inline: true, with `buf` as pwk__ubuf_check()
 * fills it, when (`ptr`, `len`) is a flat buffer that check accepts; false
 * for an iovec or anything it refuses, with no record (the full path then
 * decodes the syscall again and says why). A range inside a region does
 * not wrap, so the wrap test is the region's. */
static inline bool pwk__ubuf_check_flat(uint32_t process, pwk_word_t ptr, pwk_word_t len,
					uint32_t access, struct pwk_ubuf *buf)
{
	if (ptr == 0 || (pwk_sword_t)len < 0 || !pwk__in_one_region(process, ptr, len, access)) {
		return false;
	}
	buf->process = process;
	buf->access = access;
	buf->addr = ptr;
	buf->iov_count = 0;
	buf->size = len;
	return true;
}

/* A checked empty buffer (for a zero-length transfer). */
void pwk__ubuf_empty(struct pwk_ubuf *buf, uint32_t process);

/* pwk__ubuf_copy() when either buffer is an iovec (uaccess.c): piece by
 * piece, at most `want` bytes. */
size_t pwk__ubuf_copy_pieces(const struct pwk_ubuf *dst, const struct pwk_ubuf *src,
			     size_t src_offset, size_t want);

/* Copies bytes [src_offset, src->size) of `src` to the start of `dst`, at
 * most dst->size of them; returns how many were copied (fewer if an iovec
 * entry no longer passes its check). src_offset <= src->size. Inline: the
 * IPC path's flat copies make no call but pwk_copy's. */
static inline size_t pwk__ubuf_copy(const struct pwk_ubuf *dst, const struct pwk_ubuf *src,
				    size_t src_offset)
{
	PWK_ASSERT(src_offset <= src->size);
	const size_t left = src->size - src_offset;
	const size_t want = left < dst->size ? left : dst->size;
	if (src->iov_count != 0 || dst->iov_count != 0) {
		return pwk__ubuf_copy_pieces(dst, src, src_offset, want);
	}
	/* Both buffers are one checked range each: no cursor, one copy. */
	PWK_DEBUG_ASSERT(src_offset + want <= src->size); /* want <= left, above */
	if (want > 0) {
		pwk_copy(hal_user_ptr(dst->process, dst->addr),
			 hal_user_ptr(src->process, src->addr + src_offset), want);
	}
	return want;
}

/* Number of pieces (1 for a flat buffer, else the iovec entries). */
uint32_t pwk__ubuf_pieces(const struct pwk_ubuf *buf);

/* Piece `i` as a kernel pointer and length, re-checked; false if it no
 * longer passes its check. */
bool pwk__ubuf_piece(const struct pwk_ubuf *buf, uint32_t i, const uint8_t **bytes, size_t *len);

#endif /* PWK_UACCESS_H */
