/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Channels, state table of pw_kernel §2.2, driven step by step by one thread
 * that owns both ends (so no scheduling is involved).
 */
#include "kc_test.h"

static struct {
	uint8_t send[16];
	uint8_t recv[16];
	uint8_t buf[16];
	pwk_abi_iovec_t iov[8];
	uint8_t pieces[32];
	char text[32];
} mem;
static uint32_t ih, hh, lone;

static void one_process(fake_entry_fn script)
{
	fake_reset();
	uint32_t p = fake_process("p");
	fake_region(p, &mem, sizeof(mem), RW);
	fake_channel(p, &ih, p, &hh);
	lone = fake_unpaired_handler(p);
	fake_thread(p, "script", PRIO, script);
}

/* `s` copied into the process's memory (string literals are not in it). */
static const char *txt(const char *s)
{
	strcpy(mem.text, s);
	return mem.text;
}

/* Starts a transaction sending "hello" with a recv buffer of `recv_len`. */
static void start(intptr_t recv_len)
{
	memcpy(mem.send, "hello", 5);
	expect_status(u_async_transact(ih, mem.send, 5, mem.recv, recv_len), PWK_OK);
}

FAKE_ENTRY(initial_signals)
{
	expect_signals(ih, W);
	expect_signals(hh, 0);
	u_shutdown(0);
}

Test(channel, initial_signals_are_initiator_writeable_and_handler_none)
{
	one_process(initial_signals);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(start_signals)
{
	start(8);
	expect_signals(ih, 0);
	expect_signals(hh, R);
	u_shutdown(0);
}

Test(channel, transact_clears_initiator_signals_and_makes_handler_readable)
{
	one_process(start_signals);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(busy)
{
	start(8);
	expect_status(u_async_transact(ih, mem.send, 1, mem.recv, 1), PWK_UNAVAILABLE);
	expect_status(u_transact(ih, mem.send, 1, mem.recv, 1, FOREVER), PWK_UNAVAILABLE);
	expect_status(u_respond(hh, txt("x"), 1), PWK_OK);
	expect_status(u_async_transact(ih, mem.send, 1, mem.recv, 1), PWK_UNAVAILABLE);
	expect_signals(ih, R); /* nothing changed: still RESPONDED */
	u_shutdown(0);
}

Test(channel, transact_while_pending_or_responded_is_unavailable)
{
	one_process(busy);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(complete_early)
{
	start(8);
	expect_status(u_async_complete(ih), PWK_UNAVAILABLE);
	expect_signals(hh, R);
	expect_value(u_read(hh, 0, mem.buf, sizeof(mem.buf)), 5);
	u_shutdown(0);
}

Test(channel, async_complete_before_the_response_is_unavailable_and_keeps_the_transaction)
{
	one_process(complete_early);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(complete)
{
	start(8);
	expect_status(u_respond(hh, txt("HELLO!"), 6), PWK_OK);
	expect_signals(ih, R);
	expect_signals(hh, 0);
	expect_value(u_async_complete(ih), 6);
	cr_expect_arr_eq(mem.recv, "HELLO!", 6);
	expect_signals(ih, W);
	expect_signals(hh, 0);
	expect_status(u_async_complete(ih), PWK_UNAVAILABLE);
	u_shutdown(0);
}

Test(channel, async_complete_after_respond_returns_the_length_and_goes_idle)
{
	one_process(complete);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(cancel_pending)
{
	start(8);
	expect_status(u_async_cancel(ih), PWK_OK);
	expect_signals(ih, W);
	expect_signals(hh, 0);
	expect_status(u_read(hh, 0, mem.buf, 4), PWK_UNAVAILABLE);
	expect_status(u_respond(hh, txt("x"), 1), PWK_UNAVAILABLE);
	expect_status(u_async_complete(ih), PWK_UNAVAILABLE);
	u_shutdown(0);
}

Test(channel, async_cancel_withdraws_a_pending_transaction_from_the_handler)
{
	one_process(cancel_pending);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(cancel_responded)
{
	start(8);
	expect_status(u_respond(hh, txt("x"), 1), PWK_OK);
	expect_status(u_async_cancel(ih), PWK_OK);
	expect_signals(ih, W);
	expect_status(u_async_cancel(ih), PWK_UNAVAILABLE);
	expect_signals(ih, W);
	u_shutdown(0);
}

Test(channel, async_cancel_after_respond_is_ok_and_when_idle_is_unavailable)
{
	one_process(cancel_responded);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(reads)
{
	start(8);
	expect_value(u_read(hh, 1, mem.buf, sizeof(mem.buf)), 4);
	cr_expect_arr_eq(mem.buf, "ello", 4);
	expect_value(u_read(hh, 5, mem.buf, sizeof(mem.buf)), 0);
	expect_status(u_read(hh, 6, mem.buf, sizeof(mem.buf)), PWK_OUT_OF_RANGE);
	expect_value(u_read(hh, 0, mem.buf, 2), 2);
	cr_expect_arr_eq(mem.buf, "he", 2);
	expect_value(u_read(hh, 0, mem.buf, 5), 5); /* length equal to the send buffer */
	cr_expect_arr_eq(mem.buf, "hello", 5);
	expect_signals(hh, R); /* reading changes nothing */
	u_shutdown(0);
}

Test(channel, read_copies_from_an_offset_and_may_be_repeated)
{
	one_process(reads);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(no_transaction)
{
	expect_status(u_read(hh, 0, mem.buf, 4), PWK_UNAVAILABLE);
	expect_status(u_respond(hh, txt("x"), 1), PWK_UNAVAILABLE);
	expect_status(u_async_cancel(ih), PWK_UNAVAILABLE);
	expect_signals(ih, W);
	u_shutdown(0);
}

Test(channel, read_respond_and_cancel_without_a_transaction_are_unavailable)
{
	one_process(no_transaction);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(respond_too_long)
{
	start(4);
	memset(mem.recv, '-', sizeof(mem.recv));
	expect_status(u_respond(hh, txt("12345"), 5), PWK_OUT_OF_RANGE);
	cr_expect_eq(mem.recv[0], '-', "nothing may be copied");
	expect_signals(hh, R);
	expect_signals(ih, 0);
	expect_status(u_respond(hh, txt("1234"), 4), PWK_OK); /* equal to the capacity */
	expect_value(u_async_complete(ih), 4);
	cr_expect_arr_eq(mem.recv, "1234-", 5);
	u_shutdown(0);
}

Test(channel, respond_larger_than_recv_buffer_is_out_of_range)
{
	one_process(respond_too_long);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(after_respond)
{
	start(8);
	expect_status(u_respond(hh, txt("ab"), 2), PWK_OK);
	expect_status(u_read(hh, 0, mem.buf, 4), PWK_UNAVAILABLE);
	expect_status(u_respond(hh, txt("c"), 1), PWK_UNAVAILABLE);
	expect_value(u_async_complete(ih), 2);
	cr_expect_arr_eq(mem.recv, "ab", 2);
	u_shutdown(0);
}

Test(channel, read_or_respond_after_respond_is_unavailable)
{
	one_process(after_respond);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(empty_response)
{
	start(0);
	expect_status(u_respond(hh, mem.buf, 0), PWK_OK);
	expect_value(u_async_complete(ih), 0);
	u_shutdown(0);
}

Test(channel, zero_length_response_to_zero_capacity_completes_with_zero)
{
	one_process(empty_response);
	run_expecting_shutdown(0);
}

static void piece(int i, void *ptr, size_t len)
{
	mem.iov[i] = (pwk_abi_iovec_t){.ptr = (pwk_word_t)ptr, .len = len};
}

FAKE_ENTRY(iovecs)
{
	memcpy(mem.pieces, "THISISATEST", 11);
	piece(0, &mem.pieces[0], 4);
	piece(1, &mem.pieces[4], 2);
	piece(2, &mem.pieces[6], 1);
	piece(3, &mem.pieces[7], 4);
	piece(4, &mem.recv[0], 6);
	piece(5, &mem.recv[8], 5);
	expect_status(u_async_transact(ih, mem.iov, -4, &mem.iov[4], -2), PWK_OK);
	expect_value(u_read(hh, 0, mem.buf, sizeof(mem.buf)), 11);
	cr_expect_arr_eq(mem.buf, "THISISATEST", 11);
	expect_value(u_read(hh, 5, mem.buf, 3), 3); /* across piece boundaries */
	cr_expect_arr_eq(mem.buf, "SAT", 3);
	expect_status(u_respond(hh, txt("thisisatest"), 11), PWK_OK);
	expect_value(u_async_complete(ih), 11);
	cr_expect_arr_eq(&mem.recv[0], "thisis", 6);
	cr_expect_arr_eq(&mem.recv[8], "atest", 5);
	u_shutdown(0);
}

Test(channel, iovec_buffers_act_as_one_concatenated_buffer)
{
	one_process(iovecs);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(user_signal)
{
	expect_status(u_set_peer_user(ih, true), PWK_OK);
	expect_signals(hh, USER);
	expect_signals(ih, W);
	start(8); /* transactions never touch USER */
	expect_signals(hh, USER | R);
	expect_status(u_respond(hh, txt("x"), 1), PWK_OK);
	expect_signals(hh, USER);
	expect_status(u_set_peer_user(hh, false), PWK_OK); /* lowers the initiator's, not its own */
	expect_signals(hh, USER);
	expect_status(u_set_peer_user(ih, false), PWK_OK);
	expect_signals(hh, 0);
	expect_status(u_set_peer_user(hh, true), PWK_OK);
	expect_signals(ih, USER | R);
	u_shutdown(0);
}

Test(channel, peer_user_signal_is_raised_and_lowered_only_by_the_peer)
{
	one_process(user_signal);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(unpaired)
{
	expect_status(u_set_peer_user(lone, true), PWK_FAILED_PRECONDITION);
	expect_status(u_read(lone, 0, mem.buf, 1), PWK_UNAVAILABLE);
	u_shutdown(0);
}

Test(channel, handler_without_initiator_cannot_signal_its_peer)
{
	one_process(unpaired);
	run_expecting_shutdown(0);
}
