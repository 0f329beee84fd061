/*
 * client_fanin.c — BENCH_CLIENTS client threads, each with its own channel
 * (c0, c1, ...), each making bench_iterations 8-byte round trips to one
 * server thread that waits on a wait group of all the handlers
 * (server_fanin.c). One iteration of the figure is one round trip: the
 * runner divides by BENCH_CLIENTS × iterations.
 */
#include "bench.h"
#include "client_handles.h"

#define STACK_BYTES 1024u

_Static_assert(BENCH_CLIENTS >= 1 && BENCH_CLIENTS <= 16, "c0..c15 and t1..t15");

static uint8_t stacks[BENCH_CLIENTS][STACK_BYTES] __attribute__((aligned(16)));

static void round_trips(uint32_t client)
{
	uint8_t request[8] = {(uint8_t)client};
	uint8_t reply[8];
	for (uint32_t i = 0; i < bench_iterations; i++) {
		request[1] = (uint8_t)i;
		pwk_count_result_t r =
			pwk_channel_transact(HANDLE_C0 + client, request, sizeof(request), reply,
					     sizeof(reply), PWK_INSTANT_MAX);
		if (r.status != PWK_OK) {
			bench_fail(r.status);
		}
		if (r.value != sizeof(reply) || reply[1] != request[1]) {
			bench_fail(PWK_DATA_LOSS);
		}
	}
}

/* A started thread gets no argument: its stack says which client it is. */
static void client_thread(void)
{
	uint8_t here;
	uint32_t client = (uint32_t)((uintptr_t)&here - (uintptr_t)stacks) / STACK_BYTES;
	round_trips(client);
	pwk_thread_exit(0);
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_instant_t start = pwk_now();
	for (uint32_t c = 1; c < BENCH_CLIENTS; c++) {
		pwk_status_t s =
			pwk_thread_start(HANDLE_T1 + c - 1, client_thread, stacks[c] + STACK_BYTES);
		if (s != PWK_OK) {
			bench_fail(s);
		}
	}
	round_trips(0);
	for (uint32_t c = 1; c < BENCH_CLIENTS; c++) {
		pwk_wait_result_t w =
			pwk_object_wait(HANDLE_T1 + c - 1, PWK_SIGNAL_JOINABLE, PWK_INSTANT_MAX);
		if (w.status != PWK_OK) {
			bench_fail(w.status);
		}
	}
	bench_finish(start);
}
