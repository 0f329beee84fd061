/* SPDX-License-Identifier: Apache-2.0 */
/*
 * channel.h — channel initiator and handler objects (pw_kernel §2.2).
 * At most one transaction per channel; its record lives in the handler.
 */
#ifndef PWK_CHANNEL_H
#define PWK_CHANNEL_H

#include "assert.h"
#include "object.h"
#include "uaccess.h"

enum pwk_txn_state {
	PWK_TXN_NONE,
	PWK_TXN_PENDING,
	PWK_TXN_RESPONDED,
};

/* One end. Defined here, not in channel.c, for the IPC fast path
 * (fastpath.c), which starts a transaction itself; everything else goes
 * through the functions below. */
struct pwk_channel_end {
	struct pwk_object obj;
	struct pwk_channel_end *peer; /* initiator: its handler; handler: its initiator or NULL */
	/* Handler only: the transaction. */
	enum pwk_txn_state txn;
	uint64_t txn_seq;
	struct pwk_ubuf send;
	struct pwk_ubuf recv;
	size_t response_len;
};

/* Boot: empties the pool. */
void pwk__channel_reset_all(void);

/* Boot: a new end of `type` (initiator or handler) for object `index`;
 * initial signals as pw_kernel (initiator WRITEABLE, handler none). */
struct pwk_object *pwk__channel_create(uint32_t index, pwk_object_type_t type);

/* Boot: wires initiator `init` to handler `handler`. */
void pwk__channel_pair(struct pwk_object *init, struct pwk_object *handler);

struct pwk_channel_end *pwk__channel_from_object(struct pwk_object *obj);

/* Initiator verbs. UNAVAILABLE: a transaction is already pending or
 * responded (start), or there is none to finish. */
pwk_status_t pwk__channel_transact(struct pwk_channel_end *init, const struct pwk_ubuf *send,
				   const struct pwk_ubuf *recv, pwk_instant_t deadline,
				   size_t *count);
/* The sequence number of the next transaction (channel.c owns it; here
 * for the inline pwk__channel_txn_begin). */
extern PWK__SHARED uint64_t pwk__channel_next_seq;

/* The state halves of starting and of responding to a transaction, shared
 * by channel.c's verbs and the IPC fast path (inline: a round trip has one
 * of each); the callers emit the record and update the signals.
 * txn_begin: handler `h` has no transaction; it is then PENDING with
 * `send` and `recv`; returns its sequence number. */
static inline uint64_t pwk__channel_txn_begin(struct pwk_channel_end *h,
					      const struct pwk_ubuf *send,
					      const struct pwk_ubuf *recv)
{
	PWK_DEBUG_ASSERT(h->txn == PWK_TXN_NONE); /* both callers test it first */
	h->txn = PWK_TXN_PENDING;
	h->txn_seq = pwk__channel_next_seq++;
	h->send = *send;
	h->recv = *recv;
	h->response_len = 0;
	return h->txn_seq;
}

/* txn_respond: `h`'s transaction is PENDING with room for `src`; the
 * response is copied and it is RESPONDED. */
static inline void pwk__channel_txn_respond(struct pwk_channel_end *h, const struct pwk_ubuf *src)
{
	PWK_ASSERT(h->txn == PWK_TXN_PENDING && src->size <= h->recv.size);
	h->response_len = pwk__ubuf_copy(&h->recv, src, 0);
	h->txn = PWK_TXN_RESPONDED;
	PWK_DEBUG_ASSERT(h->response_len <= src->size); /* the copy's own bound */
}

/* channel_transact after its wait (status `waited`) for transaction `seq`:
 * finishes it unless another thread already ended it. */
pwk_status_t pwk__channel_transact_end(struct pwk_channel_end *init, uint64_t seq,
				       pwk_status_t waited, size_t *count);

pwk_status_t pwk__channel_async_transact(struct pwk_channel_end *init, const struct pwk_ubuf *send,
					 const struct pwk_ubuf *recv);
pwk_status_t pwk__channel_async_complete(struct pwk_channel_end *init, size_t *count);
pwk_status_t pwk__channel_async_cancel(struct pwk_channel_end *init);

/* Handler verbs. UNAVAILABLE unless a transaction is pending (not yet
 * responded); OUT_OF_RANGE: offset past the send buffer / response longer
 * than the receive buffer. */
pwk_status_t pwk__channel_read(struct pwk_channel_end *handler, size_t offset,
			       const struct pwk_ubuf *dst, size_t *count);
pwk_status_t pwk__channel_respond(struct pwk_channel_end *handler, const struct pwk_ubuf *src);

/* Raises (set) or lowers USER on the peer; FAILED_PRECONDITION for a handler
 * without an initiator. */
pwk_status_t pwk__channel_set_peer_user_signal(struct pwk_channel_end *end, bool set);

/* Process join (§2.7). */
void pwk__channel_reset(struct pwk_channel_end *end);

#endif /* PWK_CHANNEL_H */
