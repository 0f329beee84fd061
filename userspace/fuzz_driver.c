/*
 * fuzz_driver.c — the initiator pwsim fuzz puts in place of a scenario's
 * own (docs/fuzzing.md). pwsim writes one input into pwk_fuzz_input before
 * each run; the driver reads it as a list of operations on its channel and
 * performs them, then ends the run with debug_shutdown(0). A handler that
 * does not answer a request within the response budget ends it with
 * PWK_FUZZ_EXIT_NO_RESPONSE. Everything else a handler does wrong, pwsim
 * sees itself (faults, statuses, shutdowns).
 *
 * Encoding, chosen so byte-level mutation reaches deep states: every
 * operation is one opcode byte, then its own fields; a request is a length
 * byte (255: a 16-bit little-endian length follows) and that many bytes, so
 * records stay aligned when a mutator changes a request's contents. Input
 * that ends inside an operation ends the list.
 */
#include <pwk/user.h>

#include "fuzz_input.h"

struct pwk_fuzz_input pwk_fuzz_input;

static uint8_t reply[PWK_FUZZ_RECV_MAX];

struct cursor {
	const uint8_t *at;
	uint32_t left;
};

static bool take_u8(struct cursor *c, uint8_t *out)
{
	if (c->left == 0) {
		return false;
	}
	*out = *c->at++;
	c->left--;
	return true;
}

/* A length-prefixed request: points into the input. */
static bool take_request(struct cursor *c, const uint8_t **bytes, uint32_t *len)
{
	uint8_t n;
	if (!take_u8(c, &n)) {
		return false;
	}
	uint32_t want = n;
	if (n == 255) {
		uint8_t lo, hi;
		if (!take_u8(c, &lo) || !take_u8(c, &hi)) {
			return false;
		}
		want = (uint32_t)lo | (uint32_t)hi << 8;
	}
	if (want > c->left) {
		want = c->left; /* a truncated request is still a request */
	}
	*bytes = c->at;
	*len = want;
	c->at += want;
	c->left -= want;
	return true;
}

static pwk_instant_t after(uint64_t ticks)
{
	pwk_instant_t now = pwk_now();
	return ticks > PWK_INSTANT_MAX - now ? PWK_INSTANT_MAX : now + ticks;
}

/* Waits up to `us` microseconds for the channel's `mask` (time for the
 * handler to run before the next step). */
static void wait_us(uint32_t handle, uint32_t mask, uint8_t us)
{
	(void)pwk_object_wait(handle, mask, after((uint64_t)us * (PWK_CLOCK_HZ / 1000000u)));
}

/* transact; flags A and B: a short deadline (a byte of microseconds)
 * instead of the response budget. The receive buffer is always the whole
 * PWK_FUZZ_RECV_MAX: a handler cannot know a client's buffer, and a client
 * that gives it less than its protocol's response breaks the protocol. */
static bool op_transact(uint32_t handle, uint8_t op, struct cursor *c, uint32_t index)
{
	const uint8_t *req;
	uint32_t len;
	uint8_t us = 0;
	bool short_deadline = PWK_FUZZ_SHORT_DEADLINE(op);
	if (!take_request(c, &req, &len) || (short_deadline && !take_u8(c, &us))) {
		return false;
	}
	uint64_t budget = pwk_fuzz_input.response_budget;
	pwk_instant_t deadline =
		short_deadline ? after((uint64_t)us * (PWK_CLOCK_HZ / 1000000u)) : after(budget);
	pwk_count_result_t r =
		pwk_channel_transact(handle, req, len, reply, sizeof(reply), deadline);
	if (r.status == PWK_DEADLINE_EXCEEDED && !short_deadline) {
		pwk_log("fuzz driver: no response to operation %u within %llu ns\n",
			(unsigned)index, (unsigned long long)budget);
		pwk_debug_shutdown(PWK_FUZZ_EXIT_NO_RESPONSE | (index & 0xffffu));
	}
	return true;
}

/* async transact, a pause of a byte of microseconds for the response, then
 * complete (flag A, when it came) or cancel. */
static bool op_async(uint32_t handle, uint8_t op, struct cursor *c)
{
	const uint8_t *req;
	uint32_t len;
	uint8_t us;
	if (!take_request(c, &req, &len) || !take_u8(c, &us)) {
		return false;
	}
	if (pwk_channel_async_transact(handle, req, len, reply, sizeof(reply)) != PWK_OK) {
		return true;
	}
	wait_us(handle, PWK_SIGNAL_READABLE, us);
	if ((op & PWK_FUZZ_FLAG_A) &&
	    pwk_channel_async_transact_complete(handle).status == PWK_OK) {
		return true;
	}
	(void)pwk_channel_async_cancel(handle);
	return true;
}

/* The initiator dies: after starting a transaction (flag B) and a pause,
 * by a fault (flag A: a store to address 0) or by process_exit. It dies
 * even when the input ends inside its fields (then with no transaction, or
 * no pause). */
static _Noreturn void op_die(uint32_t handle, uint8_t op, struct cursor *c)
{
	const uint8_t *req;
	uint32_t len;
	uint8_t us = 0;
	if ((op & PWK_FUZZ_FLAG_B) && take_request(c, &req, &len) &&
	    pwk_channel_async_transact(handle, req, len, reply, PWK_FUZZ_RECV_MAX) == PWK_OK) {
		(void)take_u8(c, &us);
		wait_us(handle, PWK_SIGNAL_READABLE, us);
	}
	if (op & PWK_FUZZ_FLAG_A) {
		*(volatile uint32_t *)(uintptr_t)0 = 0;
	}
	pwk_process_exit(0);
}

/* Virtual time the handler gets before the first operation (to start up
 * and wait for requests) and after the last (to act on it): idle time
 * costs the simulator nothing. */
#define SETTLE_TICKS (PWK_CLOCK_HZ / 1000u)

static void settle(uint32_t handle)
{
	(void)pwk_object_wait(handle, PWK_SIGNAL_USER, after(SETTLE_TICKS));
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	if (pwk_fuzz_input.magic != PWK_FUZZ_INPUT_MAGIC) {
		pwk_log("fuzz driver: no input (run by pwsim fuzz only)\n");
		pwk_debug_shutdown(PWK_FUZZ_EXIT_NOT_SET_UP);
	}
	uint32_t handle = pwk_fuzz_input.handle;
	uint32_t len = pwk_fuzz_input.len;
	struct cursor c = {pwk_fuzz_input.bytes,
			   len < PWK_FUZZ_INPUT_MAX ? len : PWK_FUZZ_INPUT_MAX};
	uint8_t op;
	settle(handle);
	for (uint32_t index = 0; take_u8(&c, &op); index++) {
		bool whole = true;
		uint8_t us;
		switch (PWK_FUZZ_OP_KIND(op)) {
		case PWK_FUZZ_OP_ASYNC:
			whole = op_async(handle, op, &c);
			break;
		case PWK_FUZZ_OP_SIGNAL:
			(void)pwk_object_set_peer_user_signal(handle, op & PWK_FUZZ_FLAG_A);
			break;
		case PWK_FUZZ_OP_PAUSE:
			whole = take_u8(&c, &us);
			if (whole) {
				wait_us(handle, PWK_SIGNAL_USER, us);
			}
			break;
		case PWK_FUZZ_OP_DIE:
			op_die(handle, op, &c); /* does not return */
		default:
			whole = op_transact(handle, op, &c, index);
			break;
		}
		if (!whole) {
			break;
		}
	}
	settle(handle);
	pwk_debug_shutdown(0);
}
