/* SPDX-License-Identifier: Apache-2.0 */
/*
 * pwk_boot(): descriptions over the limits (RESOURCE_EXHAUSTED) or
 * inconsistent (INVALID_ARGUMENT) are rejected; a boot resets everything.
 */
#include <signal.h>

#include "kc_test.h"

#define N_OBJECTS 520

static struct pwk_process_desc procs[40];
static struct pwk_object_desc objs[N_OBJECTS];
static struct pwk_thread_desc threads[140];
static struct pwk_region_desc regions[260];
static uint8_t ram[64];
static struct pwk_system_desc sys;

static void entry(pwk_word_t a0, pwk_word_t a1, pwk_word_t a2)
{
	(void)a0;
	(void)a1;
	(void)a2;
	u_shutdown(0);
}

/* One process: an initiator (0) and its handler (1), a wait group (2), an
 * interrupt (3), a thread object (4), the process object (5); one thread and
 * one region. */
static void minimal(void)
{
	static const uint32_t irq[] = {9};
	fake_reset();
	procs[0] = (struct pwk_process_desc){.name = "p", .object_count = 6, .region_count = 1};
	objs[0] = (struct pwk_object_desc){.type = PWK_OBJECT_CHANNEL_INITIATOR, .link = 1};
	objs[1] = (struct pwk_object_desc){.type = PWK_OBJECT_CHANNEL_HANDLER, .link = 0};
	objs[2] = (struct pwk_object_desc){.type = PWK_OBJECT_WAIT_GROUP, .link = PWK_NONE};
	objs[3] = (struct pwk_object_desc){
		.type = PWK_OBJECT_INTERRUPT, .link = PWK_NONE, .irq_count = 1, .irqs = irq};
	objs[4] = (struct pwk_object_desc){.type = PWK_OBJECT_THREAD, .link = 0};
	objs[5] = (struct pwk_object_desc){.type = PWK_OBJECT_PROCESS, .link = 0};
	threads[0] = (struct pwk_thread_desc){
		.name = "t",
		.process = 0,
		.priority = 15,
		.start_with_process = true,
		.entry = (uintptr_t)entry,
	};
	regions[0] = (struct pwk_region_desc){.start = (uintptr_t)ram,
					      .size = sizeof(ram),
					      .access = PWK_ACCESS_R | PWK_ACCESS_W};
	sys = (struct pwk_system_desc){
		.processes = procs,
		.process_count = 1,
		.objects = objs,
		.object_count = 6,
		.threads = threads,
		.thread_count = 1,
		.regions = regions,
		.region_count = 1,
	};
}

static void expect_boot(pwk_status_t status)
{
	cr_expect_eq(fake_boot_desc(&sys), status);
	minimal();
}

Test(boot, minimal_system_boots_and_runs)
{
	minimal();
	cr_assert_eq(fake_boot_desc(&sys), PWK_OK);
	struct fake_result r = fake_run();
	cr_assert_eq(r.end, FAKE_SHUTDOWN);
}

Test(boot, tables_over_their_limits_are_resource_exhausted)
{
	minimal();
	sys.process_count = 33;
	expect_boot(PWK_RESOURCE_EXHAUSTED);
	sys.object_count = 513;
	expect_boot(PWK_RESOURCE_EXHAUSTED);
	sys.thread_count = 129;
	expect_boot(PWK_RESOURCE_EXHAUSTED);
	sys.region_count = 257;
	expect_boot(PWK_RESOURCE_EXHAUSTED);
	objs[3].irq_count = 16;
	expect_boot(PWK_RESOURCE_EXHAUSTED);
}

/* `count` objects of `type` in one process: over a pool's limit. */
static void many(pwk_object_type_t type, uint32_t count)
{
	for (uint32_t i = 0; i < count; i++) {
		objs[i] = (struct pwk_object_desc){.type = type, .link = PWK_NONE};
	}
	procs[0].object_count = count;
	sys.object_count = count;
}

Test(boot, object_pools_over_their_limits_are_resource_exhausted)
{
	minimal();
	many(PWK_OBJECT_CHANNEL_HANDLER, 257);
	expect_boot(PWK_RESOURCE_EXHAUSTED);
	many(PWK_OBJECT_WAIT_GROUP, 65);
	expect_boot(PWK_RESOURCE_EXHAUSTED);
	many(PWK_OBJECT_INTERRUPT, 33);
	expect_boot(PWK_RESOURCE_EXHAUSTED);
	many(PWK_OBJECT_WAIT_GROUP, 64);
	expect_boot(PWK_OK);
}

Test(boot, inconsistent_descriptions_are_invalid_argument)
{
	minimal();
	cr_expect_eq(pwk_boot(NULL), PWK_INVALID_ARGUMENT);
	sys.objects = NULL;
	expect_boot(PWK_INVALID_ARGUMENT);
	procs[0].object_count = 7;
	expect_boot(PWK_INVALID_ARGUMENT);
	procs[0].first_region = 1;
	expect_boot(PWK_INVALID_ARGUMENT);
	threads[0].process = 1;
	expect_boot(PWK_INVALID_ARGUMENT);
	threads[0].priority = 32;
	expect_boot(PWK_INVALID_ARGUMENT);
	regions[0].start = UINTPTR_MAX - 4;
	expect_boot(PWK_INVALID_ARGUMENT);
	regions[0].access = 8;
	expect_boot(PWK_INVALID_ARGUMENT);
	objs[0].link = 2; /* a wait group */
	expect_boot(PWK_INVALID_ARGUMENT);
	objs[0].link = 99;
	expect_boot(PWK_INVALID_ARGUMENT);
	objs[1].link = 2; /* does not name its initiator */
	expect_boot(PWK_INVALID_ARGUMENT);
	objs[2] = (struct pwk_object_desc){.type = PWK_OBJECT_CHANNEL_INITIATOR, .link = 1};
	objs[1].link = PWK_NONE; /* two initiators, one handler */
	expect_boot(PWK_INVALID_ARGUMENT);
	objs[3].irqs = NULL;
	expect_boot(PWK_INVALID_ARGUMENT);
	objs[4].link = 1;
	expect_boot(PWK_INVALID_ARGUMENT);
	objs[5].link = 1;
	expect_boot(PWK_INVALID_ARGUMENT);
	objs[2].type = (pwk_object_type_t)99;
	expect_boot(PWK_INVALID_ARGUMENT);
	objs[1].link = PWK_NONE; /* a handler may name nobody */
	expect_boot(PWK_OK);
}

Test(boot, unknown_boot_option_is_invalid_argument)
{
	minimal();
	sys.options = PWK_BOOT_EXACT_DEADLINES;
	expect_boot(PWK_OK);
	sys.options = PWK_BOOT_FULL_PATH;
	expect_boot(PWK_OK);
	sys.options = UINT32_C(1) << 2;
	expect_boot(PWK_INVALID_ARGUMENT);
}

Test(boot, rejected_description_leaves_nothing_to_run, .signal = SIGABRT)
{
	minimal();
	cr_assert_eq(fake_boot_desc(&sys), PWK_OK);
	sys.process_count = 33;
	cr_assert_eq(fake_boot_desc(&sys), PWK_RESOURCE_EXHAUSTED);
	fake_run(); /* pwk_run() asserts that a system is booted */
}

Test(boot, kernel_entry_without_a_running_thread_trips_an_assertion, .signal = SIGABRT)
{
	minimal();
	cr_assert_eq(fake_boot_desc(&sys), PWK_OK);
	const pwk_word_t args[PWK_SYSCALL_ARGS_MAX] = {0};
	pwk_trap_syscall(PWK_SYSCALL_DEBUG_NOP, args);
}

static int runs;
static uint32_t ih, hh;

FAKE_ENTRY(dirty)
{
	runs++;
	expect_signals(ih, PWK_SIGNAL_WRITEABLE);
	expect_signals(hh, 0);
	expect_status(u_set_peer_user(ih, true), PWK_OK);
	u_sleep_until(fake_own_process_handle(0), fake_now() + 10);
	u_shutdown(runs);
}

Test(boot, every_boot_resets_all_kernel_state)
{
	fake_reset();
	uint32_t p = fake_process("p");
	fake_channel(p, &ih, p, &hh);
	fake_thread(p, "t", PRIO, dirty);
	const struct pwk_system_desc *d = fake_system();
	for (uint32_t i = 1; i <= 3; i++) {
		cr_assert_eq(fake_boot_desc(d), PWK_OK);
		cr_assert_eq(fake_armed(), PWK_INSTANT_MAX);
		struct fake_result r = fake_run();
		cr_assert_eq(r.end, FAKE_SHUTDOWN);
		cr_assert_eq(r.code, i);
	}
}
