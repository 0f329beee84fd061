/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Syscall dispatch (pw_kernel §1): ids, handle lookup, type checks, the
 * order of checks, the two result words of each kind, the debug calls.
 */
#include "kc_test.h"

static const pwk_word_t ONES = ~(pwk_word_t)0;

static struct {
	char buf[16];
} mem;
static char other[4];
static uint32_t ih, hh, wg, intr, thr, self;
static const uint32_t irqs[] = {7};

static void setup(fake_entry_fn script)
{
	fake_reset();
	uint32_t p = fake_process("p");
	uint32_t q = fake_process("q");
	fake_region(p, &mem, sizeof(mem), RW);
	fake_region(q, other, sizeof(other), RW);
	fake_channel(p, &ih, p, &hh);
	wg = fake_wait_group(p);
	intr = fake_interrupt(p, irqs, 1);
	thr = fake_thread_object(p, fake_thread_stopped(p, "spare", PRIO));
	self = fake_own_process_handle(p);
	fake_thread(p, "script", PRIO, script);
}

static pwk_syscall_ret_t call(uint32_t id, pwk_word_t a0)
{
	return u_raw(id, a0, 0, 0, 0, 0, 0, 0);
}

static void expect_error(pwk_syscall_ret_t r, pwk_status_t status)
{
	cr_expect_eq(r.a0, (pwk_word_t)0 - status, "a0 = -%d", (int)status);
	cr_expect_eq(r.a1, ONES, "a1 = all ones");
}

FAKE_ENTRY(ids)
{
	const uint32_t bad[] = {0x0000, 0x0012, 0xf000, 0xf007, 0x1234, 0xffff, 0x10000};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		expect_error(call(bad[i], 0), PWK_INVALID_ARGUMENT);
	}
	pwk_syscall_ret_t r = call(0xabcd0000u | PWK_SYSCALL_DEBUG_NOP, 0);
	cr_expect_eq(r.a0, 0, "only the low 16 bits of the id count");
	cr_expect_eq(r.a1, 0);
	u_shutdown(0);
}

Test(syscall, unknown_ids_are_invalid_argument_and_ids_are_16_bits)
{
	setup(ids);
	run_expecting_shutdown(0);
	cr_assert_str_eq(fake_last_user_error(), "unknown syscall id");
}

FAKE_ENTRY(handles)
{
	expect_error(call(PWK_SYSCALL_TASK_TERMINATE, 0xdeadbeef), PWK_OUT_OF_RANGE);
	expect_error(call(PWK_SYSCALL_CHANNEL_ASYNC_CANCEL, self + 1), PWK_OUT_OF_RANGE);
	expect_error(call(PWK_SYSCALL_CHANNEL_ASYNC_CANCEL, ONES), PWK_OUT_OF_RANGE);
	cr_expect_eq(u_signals(self), 0, "the last handle is the process itself");
	u_shutdown(0);
}

Test(syscall, handle_outside_the_callers_table_is_out_of_range)
{
	setup(handles);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(types)
{
	expect_status(u_read(ih, 0, mem.buf, 1), PWK_UNIMPLEMENTED);
	expect_status(u_respond(ih, mem.buf, 1), PWK_UNIMPLEMENTED);
	expect_status(u_async_transact(hh, mem.buf, 1, mem.buf, 1), PWK_UNIMPLEMENTED);
	expect_status(u_transact(wg, mem.buf, 1, mem.buf, 1, 0), PWK_UNIMPLEMENTED);
	expect_status(u_async_cancel(hh), PWK_UNIMPLEMENTED);
	expect_status(u_async_complete(wg), PWK_UNIMPLEMENTED);
	expect_status(u_interrupt_ack(ih, PWK_SIGNAL_INTERRUPT_A), PWK_UNIMPLEMENTED);
	expect_status(u_thread_start(self, NULL, 0), PWK_UNIMPLEMENTED);
	expect_status(u_process_start(thr), PWK_UNIMPLEMENTED);
	cr_expect_eq(u_join(ih).status, PWK_UNIMPLEMENTED);
	expect_status(u_terminate(wg), PWK_UNIMPLEMENTED);
	expect_status(u_set_peer_user(wg, true), PWK_UNIMPLEMENTED);
	u_shutdown(0);
}

Test(syscall, object_of_the_wrong_type_is_unimplemented)
{
	setup(types);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(order)
{
	expect_status(u_read(99, 0, NULL, 1), PWK_OUT_OF_RANGE);       /* handle first */
	expect_status(u_read(ih, 0, NULL, 1), PWK_INVALID_ARGUMENT);   /* then buffers */
	expect_status(u_read(ih, 0, other, 1), PWK_PERMISSION_DENIED); /* then type */
	expect_status(u_async_transact(ih, NULL, 1, other, 1), PWK_INVALID_ARGUMENT);
	expect_status(u_async_transact(ih, other, 1, NULL, 1), PWK_PERMISSION_DENIED);
	expect_status(u_async_transact(hh, mem.buf, 1, other, 1), PWK_PERMISSION_DENIED);
	expect_status(u_interrupt_ack(99, 1u << 5), PWK_INVALID_ARGUMENT); /* mask first */
	expect_status(u_interrupt_ack(99, PWK_SIGNAL_INTERRUPT_A), PWK_OUT_OF_RANGE);
	cr_expect_eq(u_wait(99, 1u << 5, 0).status, PWK_OUT_OF_RANGE); /* handle first */
	expect_signals(ih, PWK_SIGNAL_WRITEABLE);                      /* nothing was started */
	u_shutdown(0);
}

Test(syscall, checks_run_in_pw_kernel_order_and_failures_change_nothing)
{
	setup(order);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(encodings)
{
	pwk_syscall_ret_t r = call(PWK_SYSCALL_CHANNEL_ASYNC_CANCEL, ih);
	expect_error(r, PWK_UNAVAILABLE);
	r = u_raw(PWK_SYSCALL_OBJECT_WAIT, hh, PWK_SIGNAL_READABLE, 0, 0, 0, 0, 0);
	cr_expect_eq(r.a0, PWK_DEADLINE_EXCEEDED, "wait errors are positive");
	cr_expect_eq(r.a1, PWK_SIGNAL_RESERVED);
	r = u_raw(PWK_SYSCALL_OBJECT_WAIT, ih, PWK_SIGNAL_WRITEABLE, 0, 0, 0, 0, 0);
	cr_expect_eq(r.a0, 0, "user_data");
	cr_expect_eq(r.a1, PWK_SIGNAL_WRITEABLE);
	r = u_raw(PWK_SYSCALL_CHANNEL_ASYNC_TRANSACT, ih, (pwk_word_t)mem.buf, 2,
		  (pwk_word_t)mem.buf, 4, 0, 0);
	cr_expect_eq(r.a0, 0);
	cr_expect_eq(r.a1, 0);
	r = u_raw(PWK_SYSCALL_CHANNEL_READ, hh, 0, (pwk_word_t)mem.buf, 8, 0, 0, 0);
	cr_expect_eq(r.a0, 2, "counts in a0");
	cr_expect_eq(r.a1, 0);
	r = call(PWK_SYSCALL_DEBUG_CLOCK_NOW, 0);
	if (sizeof(pwk_word_t) == 8) {
		cr_expect_eq(r.a0, (pwk_word_t)0x100000005, "the whole instant in a0");
		cr_expect_eq(r.a1, 0);
	} else {
		cr_expect_eq(r.a0, 5);
		cr_expect_eq(r.a1, 1);
	}
	u_shutdown(0);
}

Test(syscall, results_are_encoded_as_pw_kernel_does)
{
	setup(encodings);
	fake_set_now(0x100000005);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(deadline_words)
{
	/* 64-bit words: the deadline is one word (a2) and a3 is not part of
	 * it; 32-bit words: a2 is its low half and a3 its high half. */
	pwk_word_t high = sizeof(pwk_word_t) == 8 ? 0xdead : 0;
	pwk_syscall_ret_t r = u_raw(PWK_SYSCALL_OBJECT_WAIT, self, 0, 5, high, 0, 0, 0);
	cr_expect_eq(r.a0, PWK_DEADLINE_EXCEEDED);
	cr_expect_eq(u_now(), 5);
	u_shutdown(0);
}

Test(syscall, deadline_argument_takes_one_word_on_64_bit_machines)
{
	setup(deadline_words);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(debug_calls)
{
	expect_value(u_putc('A'), 'A');
	expect_value(u_putc(0xe9), 0xe9);
	expect_value(u_putc(0x20ac), 0x20ac);
	expect_value(u_putc(0x1f600), 0x1f600);
	expect_status(u_putc(0xd800), PWK_INVALID_ARGUMENT);
	expect_status(u_putc(0x110000), PWK_INVALID_ARGUMENT);
	memcpy(mem.buf, "|log\n", 5);
	expect_status(u_log(mem.buf, 5), PWK_OK);
	expect_value(u_nop(), 0);
	expect_status(u_trigger(ONES), sizeof(pwk_word_t) == 8 ? PWK_INVALID_ARGUMENT : PWK_OK);
	u_shutdown(42);
}

Test(syscall, debug_calls_write_the_console_and_shut_down)
{
	setup(debug_calls);
	run_expecting_shutdown(42);
	cr_assert_str_eq(fake_console(NULL), "A\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80|log\n");
}

FAKE_ENTRY(traced)
{
	expect_status(u_async_cancel(ih), PWK_UNAVAILABLE);
	u_shutdown(0);
}

Test(syscall, every_syscall_is_traced_on_entry_and_exit)
{
	setup(traced);
	run_expecting_shutdown(0);
	size_t n;
	const struct pwk_trace_record *t = fake_traces(&n);
	size_t enter = n;
	for (size_t i = 0; i < n; i++) {
		if (t[i].kind == PWK_TRACE_SYSCALL_ENTER) {
			enter = i;
			break;
		}
	}
	cr_assert(enter + 1 < n);
	cr_assert_eq(t[enter].a, PWK_SYSCALL_CHANNEL_ASYNC_CANCEL);
	cr_assert_eq(t[enter].b, ih);
	cr_assert_eq(t[enter + 1].kind, PWK_TRACE_SYSCALL_EXIT);
	cr_assert_eq(t[enter + 1].a, PWK_SYSCALL_CHANNEL_ASYNC_CANCEL);
	cr_assert_eq(t[enter + 1].b, PWK_UNAVAILABLE);
	cr_assert_eq(t[enter + 1].thread, 1);
}
