/*
 * trace_ring.c — hal_trace_emit: every record is folded into the run's
 * digest (what the determinism tests compare), handed to the optional trace
 * sink (pwsim --trace), and the last HOST_TRACE_RING are kept for reports.
 * Also the per-thread state report used for deadlocks and limits.
 */
#include <stdio.h>
#include <string.h>

#include <pwk/hal.h>
#include <pwk/kernel.h>

#include "machine.h"

#define HOST_TRACE_RING 256

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

/* One 64-bit word into the digest: cheap enough for every record of the
 * IPC hot path (a multiply and a rotate per word). */
static void digest_word(uint64_t w)
{
	uint64_t h = (host.outcome.trace_digest ^ w) * UINT64_C(0x9e3779b97f4a7c15);
	host.outcome.trace_digest = h ^ (h >> 29);
}

void hal_trace_emit(const struct pwk_trace_record *record)
{
	ring[ring_next % HOST_TRACE_RING] = (struct timed_record){host.now, *record};
	ring_next++;
	/* Digest values, never pointers: a reason string by its text. */
	digest_word(host.now);
	digest_word((uint64_t)record->kind << 32 | record->thread);
	digest_word((uint64_t)record->a << 32 | record->b);
	if (record->reason != NULL) {
		host_digest_bytes(record->reason, strlen(record->reason));
	}
	if (host.opts.trace != NULL) {
		host.opts.trace(host.opts.trace_ctx, host.now, record);
	}
}

void host_trace_ring_clear(void)
{
	ring_next = 0;
}

/* The last records before a kernel panic: what the kernel was doing. */
void host_report_trace_tail(FILE *out)
{
	uint64_t first = ring_next > HOST_TRACE_RING ? ring_next - HOST_TRACE_RING : 0;
	fprintf(out, "pwsim: the last %llu trace records (time ns, kind, thread, a, b):\n",
		(unsigned long long)(ring_next - first));
	for (uint64_t i = first; i < ring_next; i++) {
		const struct timed_record *t = &ring[i % HOST_TRACE_RING];
		fprintf(out, "  %12llu  %u  thread %u  a=%u b=%u%s%s\n",
			(unsigned long long)t->time, (unsigned)t->record.kind, t->record.thread,
			t->record.a, t->record.b, t->record.reason ? "  " : "",
			t->record.reason ? t->record.reason : "");
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
