/*
 * trace_ring.c — hal_trace_emit: every record is folded into the run's
 * digest (what the determinism tests compare), handed to the optional trace
 * sink (pwsim --trace) and, only then, the last HOST_TRACE_RING are kept
 * for reports.
 * Also the per-thread state report used for deadlocks and limits.
 */
#include <stdio.h>
#include <string.h>

#include <pwk/hal.h>
#include <pwk/kernel.h>

#include "machine.h"

#define HOST_TRACE_RING 256 /* a power of two: the slot is a mask */

/* A record as kept for reports, with its time. */
struct timed_record {
	uint64_t time;
	struct pwk_trace_record record;
};

static struct timed_record ring[HOST_TRACE_RING];
static uint64_t ring_next;

void host_digest_bytes(const void *bytes, size_t len)
{
	const uint8_t *p = bytes;
	uint64_t h = host.outcome.trace_digest;
	for (size_t i = 0; i < len; i++) {
		h = (h ^ p[i]) * UINT64_C(0x100000001b3);
	}
	host.outcome.trace_digest = h;
}

/* Out of line, so that the common record saves no registers: with a
 * consumer attached (pwsim --trace), the record to it and to the ring.
 * Without one the ring stays empty: a run is deterministic, so the records
 * before a panic are had by running it again with --trace. */
__attribute__((noinline)) static void keep(pwk_trace_kind_t kind, uint32_t thread, uint32_t a,
					   uint32_t b, const char *reason)
{
	struct timed_record *slot = &ring[ring_next++ % HOST_TRACE_RING];
	*slot = (struct timed_record){host.now, {kind, thread, a, b, reason}};
	host.opts.trace(host.opts.trace_ctx, host.now, &slot->record);
}

/* A record's fields into the digest: two words, a multiply and a rotate
 * each, with no call and no store but the digest's. Its time was folded
 * when the clock moved to it (host_clock_set). */
static inline void fold(pwk_trace_kind_t kind, uint32_t thread, uint32_t a, uint32_t b)
{
	uint64_t h = host_digest_word(host.outcome.trace_digest, (uint64_t)kind << 32 | thread);
	host.outcome.trace_digest = host_digest_word(h, (uint64_t)a << 32 | b);
}

/* Every record but a user error's: the fold, and no formatting or copy
 * unless a consumer needs them. */
void hal_trace_emit(pwk_trace_kind_t kind, uint32_t thread, uint32_t a, uint32_t b)
{
	fold(kind, thread, a, b);
	if (__builtin_expect(host.opts.trace != NULL, 0)) {
		keep(kind, thread, a, b, NULL);
	}
}

/* A user error's record: the fold, then the reason's text. */
void hal_trace_emit_reason(pwk_trace_kind_t kind, uint32_t thread, uint32_t a, uint32_t b,
			   const char *reason)
{
	fold(kind, thread, a, b);
	host_digest_bytes(reason, strlen(reason));
	if (host.opts.trace != NULL) {
		keep(kind, thread, a, b, reason);
	}
}

void host_trace_ring_clear(void)
{
	ring_next = 0;
}

/* The last records before a kernel panic: what the kernel was doing. */
void host_report_trace_tail(FILE *out)
{
	if (ring_next == 0) {
		fprintf(out,
			"pwsim: no trace records kept (they are only with --trace FILE: the run "
			"is deterministic, run it again with one)\n");
		return;
	}
	uint64_t first = ring_next > HOST_TRACE_RING ? ring_next - HOST_TRACE_RING : 0;
	fprintf(out, "pwsim: the last %llu trace records (time ns, kind, thread, a, b):\n",
		(unsigned long long)(ring_next - first));
	for (uint64_t i = first; i < ring_next; i++) {
		const struct timed_record *t = &ring[i % HOST_TRACE_RING];
		const struct pwk_trace_record *r = &t->record;
		fprintf(out, "  %12llu  %u  thread %u  a=%u b=%u%s%s\n",
			(unsigned long long)t->time, (unsigned)r->kind, r->thread, r->a, r->b,
			r->reason ? "  " : "", r->reason ? r->reason : "");
	}
}

static void print_signals(FILE *out, uint32_t mask)
{
	const char *sep = "";
	for (uint32_t b = 0; b < 32u; b++) {
		const char *name = pwk_signal_name(b);
		if ((mask & (UINT32_C(1) << b)) != 0 && name != NULL) {
			fprintf(out, "%s%s", sep, name);
			sep = "|";
		}
	}
	if (*sep == '\0') {
		fprintf(out, "nothing (a sleep)");
	}
}

void host_report_threads(FILE *out)
{
	const struct pwk_system_desc *sys = host.system;
	if (sys == NULL) {
		return;
	}
	struct pwk_thread_info info;
	for (uint32_t t = 0; t < sys->thread_count && pwk_thread_info(t, &info); t++) {
		const struct pwk_thread_desc *td = &sys->threads[t];
		fprintf(out, "  %s/%s (priority %u): %s", sys->processes[td->process].name,
			td->name, info.priority, pwk_thread_state_name(info.state));
		if (info.state == PWK_THREAD_WAITING) {
			fprintf(out, " on ");
			if (info.waiting_object < sys->object_count) {
				const struct pwk_object_desc *o =
					&sys->objects[info.waiting_object];
				fprintf(out, "'%s' (%s) ", o->name, pwk_object_type_name(o->type));
			}
			fprintf(out, "for ");
			print_signals(out, info.wait_mask);
			if (info.deadline == PWK_INSTANT_MAX) {
				fprintf(out, ", no deadline");
			} else {
				fprintf(out, ", deadline %llu ns",
					(unsigned long long)info.deadline);
			}
		}
		fprintf(out, "\n");
	}
}
