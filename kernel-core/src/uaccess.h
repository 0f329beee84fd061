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

#include "boot.h"

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

/* True if [start, start + len) lies inside one region of `process` that
 * grants all of `access`. Empty ranges are not checked (pw_kernel). */
static inline bool pwk__in_one_region(uint32_t process, uintptr_t start, size_t len,
				      uint32_t access)
{
	if (len == 0) {
		return true;
	}
	const struct pwk_system_desc *system = pwk__system();
	const struct pwk_process_desc *p = &system->processes[process];
	/* Last region first: the answer does not depend on the order (any
	 * region will do), and IPC buffers are in RAM, listed after flash. */
	for (uint32_t i = p->region_count; i-- > 0;) {
		const struct pwk_region_desc *r = &system->regions[p->first_region + i];
		if ((access & ~r->access) != 0 || start < r->start) {
			continue;
		}
		uintptr_t offset = start - r->start;
		if (offset <= r->size && len <= r->size - offset) {
			return true;
		}
	}
	return false;
}

/* The fast path's check, inline: true, with `buf` as pwk__ubuf_check()
 * fills it, when (`ptr`, `len`) is a flat buffer that check accepts; false
 * for an iovec or anything it refuses, with no record (the full path then
 * decodes the syscall again and says why). */
static inline bool pwk__ubuf_check_flat(uint32_t process, pwk_word_t ptr, pwk_word_t len,
					uint32_t access, struct pwk_ubuf *buf)
{
	if (ptr == 0 || (pwk_sword_t)len < 0 || len > UINTPTR_MAX - ptr ||
	    !pwk__in_one_region(process, ptr, len, access)) {
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

/* Copies bytes [src_offset, src->size) of `src` to the start of `dst`, at
 * most dst->size of them; returns how many were copied (fewer if an iovec
 * entry no longer passes its check). src_offset <= src->size. */
size_t pwk__ubuf_copy(const struct pwk_ubuf *dst, const struct pwk_ubuf *src, size_t src_offset);

/* Number of pieces (1 for a flat buffer, else the iovec entries). */
uint32_t pwk__ubuf_pieces(const struct pwk_ubuf *buf);

/* Piece `i` as a kernel pointer and length, re-checked; false if it no
 * longer passes its check. */
bool pwk__ubuf_piece(const struct pwk_ubuf *buf, uint32_t i, const uint8_t **bytes, size_t *len);

#endif /* PWK_UACCESS_H */
