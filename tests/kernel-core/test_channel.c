/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Channels (pw_kernel §2.2): every state transition and error of the state
 * table, synchronous and asynchronous, USER signal, deadline withdrawal.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "hal_fake.h"

/* A client process with an initiator and a server process with its handler. */
static struct {
	uint8_t send[64];
	uint8_t recv[64];
} cmem;
static struct {
	uint8_t buf[64];
} smem;
static uint32_t ih, hh;
static intptr_t results[16];

static void two_processes(fake_entry_fn client, fake_entry_fn server)
{
	fake_reset();
	uint32_t c = fake_process("client");
	uint32_t s = fake_process("server");
	fake_region(c, &cmem, sizeof(cmem), PWK_ACCESS_R | PWK_ACCESS_W);
	fake_region(s, &smem, sizeof(smem), PWK_ACCESS_R | PWK_ACCESS_W);
	fake_channel(c, &ih, s, &hh);
	fake_thread(c, "client", FAKE_PRIORITY_DEFAULT, client);
	fake_thread(s, "server", FAKE_PRIORITY_DEFAULT, server);
}

FAKE_ENTRY(upper_server)
{
	for (;;) {
		struct u_wait w = u_wait(hh, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
		if (w.status != PWK_OK) {
			u_shutdown(100 + w.status);
		}
		intptr_t n = u_read(hh, 0, smem.buf, sizeof(smem.buf));
		for (intptr_t i = 0; i < n; i++) {
			smem.buf[i] = (uint8_t)(smem.buf[i] - 'a' + 'A');
		}
		u_respond(hh, smem.buf, n);
	}
}

FAKE_ENTRY(transact_client)
{
	memcpy(cmem.send, "abc", 3);
	results[0] = u_transact(ih, cmem.send, 3, cmem.recv, sizeof(cmem.recv), PWK_INSTANT_MAX);
	u_shutdown(0);
}

Test(channel, transact_returns_the_response_length_and_bytes)
{
	two_processes(transact_client, upper_server);
	struct fake_result r = fake_boot_and_run();
	cr_assert_eq(r.end, FAKE_SHUTDOWN);
	cr_assert_eq(r.code, 0);
	cr_assert_eq(results[0], 3);
	cr_assert_arr_eq(cmem.recv, "ABC", 3);
}
