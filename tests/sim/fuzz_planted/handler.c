/*
 * handler.c — a command handler with a planted bug, for pwsim fuzz's tests
 * (tests/sim/test_fuzz.c): a request is "PW", a command byte and its
 * argument; the command indexes a table of three operations. Built twice:
 * as is, the command is not validated (pw_kernel's guide: an enum variant
 * taken from the wire unchecked) and a large one calls through whatever
 * lies past the table; with -DFIXED it is refused. With -DSPIN too,
 * command 3 spins for ever instead (an empty loop: its blocks are the only
 * thing that moves the virtual clock while it runs).
 */
#include <pwk/user.h>

#include "handler_handles.h"

typedef uint32_t (*operation_t)(uint32_t arg);

static uint32_t op_echo(uint32_t arg)
{
	return arg;
}

static uint32_t op_double(uint32_t arg)
{
	return arg * 2u;
}

static uint32_t op_negate(uint32_t arg)
{
	return ~arg;
}

static operation_t const operations[3] = {op_echo, op_double, op_negate};

static uint32_t serve(const uint8_t *req, size_t len)
{
	if (len < 4 || req[0] != 'P' || req[1] != 'W') {
		return 0xffffffffu;
	}
	uint8_t command = req[2];
#ifdef SPIN
	if (command == 3) {
		for (;;) {
		}
	}
#endif
#ifdef FIXED
	if (command >= sizeof(operations) / sizeof(operations[0])) {
		return 0xfffffffeu;
	}
#endif
	return operations[command](req[3]);
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	for (;;) {
		pwk_wait_result_t w =
			pwk_object_wait(HANDLE_IPC, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
		if (w.status != PWK_OK || !(w.pending_signals & PWK_SIGNAL_READABLE)) {
			continue;
		}
		uint8_t req[16];
		pwk_count_result_t r = pwk_channel_read(HANDLE_IPC, 0, req, sizeof(req));
		if (r.status != PWK_OK) {
			continue; /* cancelled, or the initiator died */
		}
		uint32_t result = serve(req, r.value);
		(void)pwk_channel_respond(HANDLE_IPC, &result, sizeof(result));
	}
}
