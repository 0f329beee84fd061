/* SPDX-License-Identifier: Apache-2.0 */
/*
 * uaccess.c — checks and copies of user buffers (pw_kernel §1.6), the only
 * code that dereferences user memory, always through hal_user_ptr().
 *
 * Deliberate differences from pw_kernel: a range that wraps around the
 * address space and an iovec total over INTPTR_MAX are INVALID_ARGUMENT
 * (pw_kernel does not check), and an iovec has at most
 * PWK_IOVEC_ENTRIES_MAX entries.
 */
#include "uaccess.h"

#include "assert.h"
#include "boot.h"
#include "copy.h"
#include "limits.h"
#include "trace.h"

struct pwk_region_desc pwk__last_region[PWK_PROCESSES_MAX];

void pwk__uaccess_reset(const struct pwk_system_desc *system)
{
	PWK_ASSERT(system->process_count <= PWK_PROCESSES_MAX);
	const struct pwk_region_desc none = {0, 0, 0};
	for (uint32_t i = 0; i < PWK_PROCESSES_MAX; i++) {
		pwk__last_region[i] = none;
	}
	for (uint32_t i = 0; i < system->process_count; i++) {
		const struct pwk_process_desc *p = &system->processes[i];
		if (p->region_count > 0) {
			pwk__last_region[i] =
				system->regions[p->first_region + p->region_count - 1];
		}
	}
}

static pwk_status_t check_range(uint32_t process, uintptr_t start, size_t len, uint32_t access)
{
	if (len > UINTPTR_MAX - start) {
		return PWK_USER_ERROR(PWK_INVALID_ARGUMENT,
				      "buffer wraps around the address space");
	}
	if (!pwk__in_one_region(process, start, len, access)) {
		return PWK_USER_ERROR(PWK_PERMISSION_DENIED,
				      "buffer not inside one region of the caller with the access");
	}
	return PWK_OK;
}

/* Reads iovec entry `i` of `buf` (its array was checked). The copy avoids
 * assuming the user aligned the array. */
static pwk_abi_iovec_t read_entry(const struct pwk_ubuf *buf, uint32_t i)
{
	PWK_ASSERT(i < buf->iov_count);
	pwk_abi_iovec_t entry;
	const void *src = hal_user_ptr(buf->process, buf->addr + i * sizeof(pwk_abi_iovec_t));
	pwk_copy(&entry, src, sizeof(entry));
	return entry;
}

static pwk_status_t check_iovec(struct pwk_ubuf *buf, pwk_word_t count)
{
	if (count > PWK_IOVEC_ENTRIES_MAX) {
		return PWK_USER_ERROR(PWK_INVALID_ARGUMENT, "iovec has too many entries");
	}
	buf->iov_count = (uint32_t)count;
	/* The array itself needs the same access as the data (pw_kernel). */
	pwk_status_t status = check_range(buf->process, buf->addr,
					  buf->iov_count * sizeof(pwk_abi_iovec_t), buf->access);
	for (uint32_t i = 0; i < buf->iov_count && status == PWK_OK; i++) {
		pwk_abi_iovec_t entry = read_entry(buf, i);
		status = check_range(buf->process, entry.ptr, entry.len, buf->access);
		if (status != PWK_OK) {
			break;
		}
		if (entry.len > (size_t)INTPTR_MAX - buf->size) {
			return PWK_USER_ERROR(PWK_INVALID_ARGUMENT, "iovec total length overflows");
		}
		buf->size += entry.len;
	}
	return status;
}

pwk_status_t pwk__ubuf_check(uint32_t process, pwk_word_t ptr, pwk_word_t len, uint32_t access,
			     struct pwk_ubuf *buf)
{
	PWK_ASSERT(process < pwk__system()->process_count);
	PWK_ASSERT(access != 0 && (access & ~(PWK_ACCESS_R | PWK_ACCESS_W)) == 0);
	pwk__ubuf_empty(buf, process);
	if (ptr == 0) {
		return PWK_USER_ERROR(PWK_INVALID_ARGUMENT, "buffer pointer is NULL");
	}
	buf->access = access;
	buf->addr = ptr;
	if ((pwk_sword_t)len >= 0) {
		buf->size = len;
		return check_range(process, ptr, len, access);
	}
	/* A negative length names an iovec of -len entries. */
	return check_iovec(buf, (pwk_word_t)0 - len);
}

void pwk__ubuf_empty(struct pwk_ubuf *buf, uint32_t process)
{
	buf->process = process;
	buf->access = 0;
	buf->addr = 0;
	buf->iov_count = 0;
	buf->size = 0;
}

uint32_t pwk__ubuf_pieces(const struct pwk_ubuf *buf)
{
	return buf->iov_count == 0 ? 1 : buf->iov_count;
}

/* Piece `i` as a user range, re-checked if it comes from the iovec array. */
static bool piece(const struct pwk_ubuf *buf, uint32_t i, uintptr_t *addr, size_t *len)
{
	if (buf->iov_count == 0) {
		PWK_ASSERT(i == 0);
		*addr = buf->addr;
		*len = buf->size;
		return true;
	}
	pwk_abi_iovec_t entry = read_entry(buf, i);
	if (entry.len > UINTPTR_MAX - entry.ptr ||
	    !pwk__in_one_region(buf->process, entry.ptr, entry.len, buf->access)) {
		return false;
	}
	*addr = entry.ptr;
	*len = entry.len;
	return true;
}

bool pwk__ubuf_piece(const struct pwk_ubuf *buf, uint32_t i, const uint8_t **bytes, size_t *len)
{
	uintptr_t addr;
	if (!piece(buf, i, &addr, len)) {
		return false;
	}
	*bytes = *len == 0 ? NULL : hal_user_ptr(buf->process, addr);
	return true;
}

/* A read position in a buffer: the rest of the current piece, then the
 * following pieces. */
struct cursor {
	const struct pwk_ubuf *buf;
	uint32_t next_piece;
	uintptr_t addr;
	size_t left;
	bool ended; /* no more pieces, or one failed its re-check */
};

/* Moves to the next non-empty piece once the current one is used up. */
static void cursor_load(struct cursor *c)
{
	const uint32_t pieces = pwk__ubuf_pieces(c->buf);
	for (uint32_t i = 0; i <= PWK_IOVEC_ENTRIES_MAX && c->left == 0 && !c->ended; i++) {
		if (c->next_piece >= pieces || !piece(c->buf, c->next_piece, &c->addr, &c->left)) {
			c->ended = true;
			c->left = 0;
		}
		c->next_piece++;
	}
	PWK_ASSERT(c->left > 0 || c->ended);
}

static void cursor_init(struct cursor *c, const struct pwk_ubuf *buf)
{
	c->buf = buf;
	c->next_piece = 0;
	c->addr = 0;
	c->left = 0;
	c->ended = false;
	cursor_load(c);
}

static void cursor_advance(struct cursor *c, size_t n)
{
	PWK_ASSERT(n <= c->left);
	c->addr += n;
	c->left -= n;
	cursor_load(c);
}

static size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* A copy with an iovec on either side: piece by piece. Out of line, so
 * that the flat copy of the IPC path does not pay for the cursors' frame. */
size_t pwk__ubuf_copy_pieces(const struct pwk_ubuf *dst, const struct pwk_ubuf *src,
			     size_t src_offset, size_t want)
{
	struct cursor s;
	struct cursor d;
	cursor_init(&s, src);
	cursor_init(&d, dst);
	/* Each step uses up a piece of either side, or the offset / the want. */
	const uint32_t steps_max = 2 * PWK_IOVEC_ENTRIES_MAX + 2;
	for (uint32_t i = 0; i < steps_max && src_offset > 0 && !s.ended; i++) {
		size_t n = min_size(src_offset, s.left);
		cursor_advance(&s, n);
		src_offset -= n;
	}
	size_t done = 0;
	for (uint32_t i = 0; i < steps_max && done < want && !s.ended && !d.ended; i++) {
		size_t n = min_size(want - done, min_size(s.left, d.left));
		pwk_copy(hal_user_ptr(dst->process, d.addr), hal_user_ptr(src->process, s.addr), n);
		done += n;
		cursor_advance(&s, n);
		cursor_advance(&d, n);
	}
	PWK_ASSERT(done <= want);
	return done;
}
