/*
 * syscall_fuzz.c — libFuzzer target: kernel-core's syscall surface, in
 * process against the deterministic fake HAL (tests/support/hal_fake.c).
 *
 * The fixed system: processes a, b, c; a's initiator to b's handler and
 * b's initiator to c's handler; b has a wait group, an interrupt object
 * and a stopped second thread (with its thread object), a has a process
 * object for c. Every thread runs the same interpreter over the one input
 * (a shared cursor: threads take steps as the scheduler runs them). A step
 * is a syscall id (any of the table, or a raw one) and its argument words,
 * each from a selector byte: a small number (handles, masks), an address
 * inside the caller's region, a length, a deadline, or any 64-bit value.
 * thread_start always gets the interpreter as its entry (the kernel leaves
 * the pc unchecked, as hardware would fault on it).
 *
 * After every step (and after boot) the harness checks the kernel's
 * invariants with pwk_check_invariants() (kernel-core/src/invariants.c:
 * each thread in exactly one place, no thread both runnable and waiting,
 * signals consistent with channel transactions and wait groups, every
 * transaction owned by a started initiator process, thread counts). PWK_ASSERT
 * (hal_panic) and the fake HAL (hal_user_ptr outside the regions) abort on
 * the kernel's own checks; ASan/UBSan on memory errors.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pwk/syscall_table.h>

#include "hal_fake.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PRIO      3
#define STEPS_MAX 256

static struct {
	uint8_t mem[3][512]; /* each process's one region */
} regions;

static struct input {
	const uint8_t *data;
	size_t size, at;
	unsigned steps;
} in;

static const uint32_t ids[] = {
#define FUZZ_ID(ctx, NAME, name, id, ret) id,
	PWK_SYSCALL_TABLE(FUZZ_ID, ~)
#undef FUZZ_ID
};

static uint8_t take8(void)
{
	return in.at < in.size ? in.data[in.at++] : 0;
}

static uint64_t take(size_t bytes)
{
	uint64_t v = 0;
	for (size_t i = 0; i < bytes; i++) {
		v |= (uint64_t)take8() << (8 * i);
	}
	return v;
}

/* One argument word for a thread of `process`, chosen by a selector byte. */
static pwk_word_t arg(uint32_t process)
{
	uint8_t sel = take8();
	switch (sel % 6) {
	case 0:
		return sel / 6 % 8; /* handles, small counts */
	case 1:
		return (pwk_word_t)&regions.mem[process][take(2) % sizeof(regions.mem[0])];
	case 2:
		return (pwk_word_t)take(2); /* lengths, offsets */
	case 3:
		return (pwk_word_t)(1u << (sel / 6 % 8)); /* signal masks */
	case 4:
		return sel & 0x80 ? PWK_INSTANT_MAX : fake_now() + take(1); /* deadlines */
	default:
		return (pwk_word_t)take(8);
	}
}

static _Noreturn void broken(const char *what)
{
	fprintf(stderr, "syscall_fuzz: invariant broken after step %u: %s\n", in.steps, what);
	abort();
}

static void check_invariants(void)
{
	struct pwk_invariant_failure f;
	if (!pwk_check_invariants(&f)) {
		fprintf(stderr, "syscall_fuzz: thread %d, object %d, process %d (-1: none)\n",
			(int)f.thread, (int)f.object, (int)f.process);
		broken(f.what);
	}
}

static void script(pwk_word_t a0, pwk_word_t a1, pwk_word_t a2);

static void step(uint32_t process)
{
	uint8_t pick = take8();
	uint32_t id = pick < 240 ? ids[pick % (sizeof(ids) / sizeof(ids[0]))] : (uint32_t)take(4);
	pwk_word_t w[7];
	for (size_t i = 0; i < 7; i++) {
		w[i] = arg(process);
	}
	/* The kernel decodes the id's low 16 bits (pw_kernel's `t0 as u16`):
	 * 0xff00000f is thread_start too. Its entry is the interpreter. */
	if ((id & 0xffffu) == PWK_SYSCALL_THREAD_START) {
		w[1] = (pwk_word_t)script;
	}
	(void)u_raw(id, w[0], w[1], w[2], w[3], w[4], w[5], w[6]);
	check_invariants();
}

static void script(pwk_word_t a0, pwk_word_t a1, pwk_word_t a2)
{
	(void)a0;
	(void)a1;
	(void)a2;
	struct pwk_thread_info self;
	if (!pwk_thread_info(pwk_current_thread(), &self) || self.process >= 3) {
		broken("a thread outside the three processes");
	}
	while (in.at < in.size && in.steps++ < STEPS_MAX) {
		step(self.process);
	}
	(void)u_raw(PWK_SYSCALL_DEBUG_SHUTDOWN, 0, 0, 0, 0, 0, 0, 0); /* debug_shutdown(0) */
}

/* The fixed system (declaration order: processes 0, 1, 2). */
static void declare(void)
{
	fake_reset();
	uint32_t p[3], init, handler;
	static const char *const names[] = {"a", "b", "c"};
	for (uint32_t i = 0; i < 3; i++) {
		p[i] = fake_process(names[i]);
		fake_process_args(p[i], i, i);
		fake_region(p[i], regions.mem[i], sizeof(regions.mem[i]),
			    PWK_ACCESS_R | PWK_ACCESS_W);
	}
	fake_channel(p[0], &init, p[1], &handler);
	fake_channel(p[1], &init, p[2], &handler);
	fake_wait_group(p[1]);
	static const uint32_t irqs[] = {1, 2};
	fake_interrupt(p[1], irqs, 2);
	fake_thread_object(p[1], fake_thread_stopped(p[1], "b2", PRIO));
	fake_process_object(p[0], p[2]);
	for (uint32_t i = 0; i < 3; i++) {
		fake_thread(p[i], names[i], PRIO + (i & 1), script);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	memset(&regions, 0, sizeof(regions));
	in = (struct input){.data = data, .size = size};
	declare();
	if (fake_boot() != PWK_OK) {
		abort(); /* the fixed system must boot */
	}
	check_invariants();
	(void)fake_run();
	return 0;
}
