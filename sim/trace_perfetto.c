/*
 * trace_perfetto.c — the trace as Perfetto's own protobuf format: a
 * `Trace` whose packets are TrackEvents on one packet sequence, which
 * ui.perfetto.dev and trace_processor read natively. The same events as
 * the JSON format (trace_json.c), in ~15 bytes each instead of ~80:
 * names, categories, arg keys and string values are interned (sent once,
 * then referred to by a small id) and timestamps are deltas.
 *
 * The schema is Perfetto's public one (https://github.com/google/perfetto,
 * protos/perfetto/trace/trace_packet.proto, clock_snapshot.proto,
 * trace_packet_defaults.proto, interned_data/interned_data.proto,
 * track_event/{track_event,track_descriptor,process_descriptor,
 * thread_descriptor,debug_annotation}.proto; reference at
 * https://perfetto.dev/docs/reference/trace-packet-proto). The field
 * numbers used are the enums below, each named Message_field.
 *
 * The file, packet by packet:
 *   1. sequence_flags INCREMENTAL_STATE_CLEARED, with TracePacketDefaults
 *      putting every later packet's timestamp on clock 64;
 *   2. a ClockSnapshot: clock 64 is incremental (each timestamp is a delta
 *      from the previous one on it) and reads 0 when BOOTTIME (the trace
 *      clock) reads 0, so virtual ns are BOOTTIME ns;
 *   3. a TrackDescriptor per process (pid = index + 1) and per thread (tid
 *      = global index + 1, parent = its process), as in the JSON, and one
 *      global track "pwsim run";
 *   4. one TracePacket per event (SEQ_NEEDS_INCREMENTAL_STATE), carrying
 *      the interned entries it is the first to use. An event whose time is
 *      before the previous packet's (a "waiting" slice starts where its
 *      thread last ran) takes an absolute BOOTTIME timestamp instead.
 *   5. at the end, an instant on "pwsim run" with what the JSON's
 *      otherData holds (scenario, seed, end_time_ns, records).
 *
 * Flows: JSON flow events bind to the slice open on the track; a
 * TrackEvent carries its flow ids itself. So a flow event is kept with
 * the slice open on its track and written on that slice's END (trace
 * processor attaches an END's flow ids to the slice it ends): flow_ids
 * for a start or step, terminating_flow_ids for a finish.
 */
#include <stdlib.h>
#include <string.h>

#include "trace_intern.h"
#include "trace_internal.h"
#include "trace_pb.h"

enum {
	Trace_packet = 1,

	TracePacket_clock_snapshot = 6,
	TracePacket_timestamp = 8,
	TracePacket_trusted_packet_sequence_id = 10,
	TracePacket_track_event = 11,
	TracePacket_interned_data = 12,
	TracePacket_sequence_flags = 13,
	TracePacket_timestamp_clock_id = 58,
	TracePacket_trace_packet_defaults = 59,
	TracePacket_track_descriptor = 60,
	SEQ_INCREMENTAL_STATE_CLEARED = 1,
	SEQ_NEEDS_INCREMENTAL_STATE = 2,

	TracePacketDefaults_timestamp_clock_id = 58,

	ClockSnapshot_clocks = 1,
	Clock_clock_id = 1,
	Clock_timestamp = 2,
	Clock_is_incremental = 3,
	BUILTIN_CLOCK_BOOTTIME = 6,
	SEQUENCE_CLOCK_VIRTUAL = 64, /* 64..127: clocks scoped to the sequence */

	TrackDescriptor_uuid = 1,
	TrackDescriptor_name = 2,
	TrackDescriptor_process = 3,
	TrackDescriptor_thread = 4,
	TrackDescriptor_parent_uuid = 5,
	ProcessDescriptor_pid = 1,
	ProcessDescriptor_legacy_sort_index = 3,
	ProcessDescriptor_process_name = 6,
	ThreadDescriptor_pid = 1,
	ThreadDescriptor_tid = 2,
	ThreadDescriptor_legacy_sort_index = 3,
	ThreadDescriptor_thread_name = 5,

	TrackEvent_category_iids = 3,
	TrackEvent_debug_annotations = 4,
	TrackEvent_type = 9,
	TrackEvent_name_iid = 10,
	TrackEvent_track_uuid = 11,
	TrackEvent_flow_ids = 47,
	TrackEvent_terminating_flow_ids = 48,
	TYPE_SLICE_BEGIN = 1,
	TYPE_SLICE_END = 2,
	TYPE_INSTANT = 3,

	DebugAnnotation_name_iid = 1,
	DebugAnnotation_uint_value = 3,
	DebugAnnotation_string_value = 6,
	DebugAnnotation_string_value_iid = 17,

	InternedData_event_categories = 1,
	InternedData_event_names = 2,
	InternedData_debug_annotation_names = 3,
	InternedData_debug_annotation_string_values = 29,
	/* EventCategory, EventName, DebugAnnotationName and InternedString
	 * all have iid = 1 and their text = 2. */
	Interned_iid = 1,
	Interned_text = 2,
};

/* The one packet sequence of the file. */
#define SEQUENCE_ID 1

/* Flow events waiting for the END of one open slice. A slice holds one or
 * two (a request or response marker its own, a channel_read or
 * channel_respond a step); more is a record stream the kernel never makes,
 * and those flows are written as instants of their own. */
#define FLOWS_PER_SLICE 4

/* Strings are written whole up to this; longer ones are cut, so that an
 * event always fits its buffer. */
#define STRING_MAX 1024

#define EVENT_BUFFER 16384

struct pending_flow {
	uint64_t id;
	bool finish;
};

struct perfetto_track {
	uint8_t depth;
	uint8_t flow_count[TRACE_DEPTH_MAX];
	struct pending_flow flows[TRACE_DEPTH_MAX][FLOWS_PER_SLICE];
};

struct trace_perfetto {
	uint64_t clock; /* the last timestamp written on SEQUENCE_CLOCK_VIRTUAL */
	uint64_t ts;    /* of the event being built */
	bool building;
	uint64_t thread_uuid0, run_uuid;
	struct perfetto_track *tracks; /* per thread */
	struct trace_intern names, categories, keys, values;
	struct pb_buf event, interned;
	uint8_t event_data[EVENT_BUFFER], interned_data[EVENT_BUFFER];
};

/* Writes one packet: fields `head` (its own scalars), then the event and
 * its interned data if `event` is set. */
static void write_packet(struct trace_export *t, const struct pb_buf *head, bool event)
{
	struct trace_perfetto *pf = t->perfetto;
	if (head->overflow || (event && (pf->event.overflow || pf->interned.overflow))) {
		/* Cannot happen: STRING_MAX bounds every event below its
		 * buffer. Were it to, the file would miss an event (and maybe
		 * interned names), so it is reported as not written. */
		trace_sink_fail(t->out);
		return;
	}
	size_t len = head->len;
	uint8_t lens[2][PB_VARINT_MAX];
	size_t len_size[2] = {0, 0};
	if (event) {
		len_size[0] = (size_t)(pb_put_varint(lens[0], pf->event.len) - lens[0]);
		len += 1 + len_size[0] + pf->event.len;
		if (pf->interned.len > 0) {
			len_size[1] = (size_t)(pb_put_varint(lens[1], pf->interned.len) - lens[1]);
			len += 1 + len_size[1] + pf->interned.len;
		}
	}
	uint8_t *p = trace_sink_reserve(t->out, len + 1 + PB_VARINT_MAX);
	*p++ = Trace_packet << 3 | PB_LEN;
	p = pb_put_varint(p, len);
	memcpy(p, head->data, head->len);
	p += head->len;
	if (event) {
		*p++ = TracePacket_track_event << 3 | PB_LEN;
		memcpy(p, lens[0], len_size[0]);
		memcpy(p + len_size[0], pf->event.data, pf->event.len);
		p += len_size[0] + pf->event.len;
		if (pf->interned.len > 0) {
			*p++ = TracePacket_interned_data << 3 | PB_LEN;
			memcpy(p, lens[1], len_size[1]);
			memcpy(p + len_size[1], pf->interned.data, pf->interned.len);
			p += len_size[1] + pf->interned.len;
		}
	}
	trace_sink_commit(t->out, p);
}

/* An interned entry {iid, text} in InternedData field `field`. */
static void add_interned(struct trace_perfetto *pf, uint32_t field, uint32_t iid, const char *text)
{
	size_t len = strnlen(text, STRING_MAX);
	pb_message_header(&pf->interned, field,
			  pb_uint_size(Interned_iid, iid) + pb_bytes_size(Interned_text, len));
	pb_uint(&pf->interned, Interned_iid, iid);
	pb_bytes(&pf->interned, Interned_text, text, len);
}

/* The iid of `text` in `table`, announcing it in this packet if new; 0
 * if the table is full. */
static uint32_t iid_of(struct trace_perfetto *pf, struct trace_intern *table, uint32_t field,
		       const char *text)
{
	bool added;
	uint32_t iid = trace_intern(table, text, &added);
	if (added) {
		add_interned(pf, field, iid, text);
	}
	return iid;
}

static void event_start(struct trace_perfetto *pf, int type, uint64_t track_uuid, uint64_t ts,
			const char *name, const char *cat)
{
	pb_reset(&pf->event, pf->event_data, sizeof(pf->event_data));
	pb_reset(&pf->interned, pf->interned_data, sizeof(pf->interned_data));
	pf->building = true;
	pf->ts = ts;
	pb_uint(&pf->event, TrackEvent_type, (uint64_t)type);
	pb_uint(&pf->event, TrackEvent_track_uuid, track_uuid);
	if (name != NULL) {
		uint32_t iid = iid_of(pf, &pf->names, InternedData_event_names, name);
		pb_uint(&pf->event, TrackEvent_name_iid, iid);
	}
	if (cat != NULL) {
		uint32_t iid = iid_of(pf, &pf->categories, InternedData_event_categories, cat);
		pb_uint(&pf->event, TrackEvent_category_iids, iid);
	}
}

static void event_flows(struct trace_perfetto *pf, const struct pending_flow *flows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		pb_fixed64(&pf->event,
			   flows[i].finish ? TrackEvent_terminating_flow_ids : TrackEvent_flow_ids,
			   flows[i].id);
	}
}

static void event_finish(struct trace_export *t)
{
	struct trace_perfetto *pf = t->perfetto;
	if (!pf->building) {
		return;
	}
	pf->building = false;
	uint8_t data[64];
	struct pb_buf head;
	pb_reset(&head, data, sizeof(data));
	if (pf->ts >= pf->clock) {
		pb_uint(&head, TracePacket_timestamp, pf->ts - pf->clock);
		pf->clock = pf->ts;
	} else {
		pb_uint(&head, TracePacket_timestamp, pf->ts);
		pb_uint(&head, TracePacket_timestamp_clock_id, BUILTIN_CLOCK_BOOTTIME);
	}
	pb_uint(&head, TracePacket_trusted_packet_sequence_id, SEQUENCE_ID);
	pb_uint(&head, TracePacket_sequence_flags, SEQ_NEEDS_INCREMENTAL_STATE);
	write_packet(t, &head, true);
}

static void perfetto_begin(struct trace_export *t, char ph, uint32_t thread, uint64_t ts,
			   const char *name, const char *cat)
{
	struct trace_perfetto *pf = t->perfetto;
	struct perfetto_track *track = &pf->tracks[thread];
	uint64_t uuid = pf->thread_uuid0 + thread;
	if (ph == 'B') {
		event_start(pf, TYPE_SLICE_BEGIN, uuid, ts, name, cat);
		if (track->depth < TRACE_DEPTH_MAX) {
			track->flow_count[track->depth++] = 0;
		}
	} else if (ph == 'E') {
		event_start(pf, TYPE_SLICE_END, uuid, ts, NULL, NULL);
		if (track->depth > 0) {
			track->depth--;
			event_flows(pf, track->flows[track->depth],
				    track->flow_count[track->depth]);
		}
	} else {
		event_start(pf, TYPE_INSTANT, uuid, ts, name, cat);
	}
}

static void perfetto_flow(struct trace_export *t, char ph, uint32_t thread, uint64_t ts,
			  uint64_t id)
{
	struct trace_perfetto *pf = t->perfetto;
	struct perfetto_track *track = &pf->tracks[thread];
	struct pending_flow flow = {.id = id, .finish = ph == 'f'};
	uint8_t *count = track->depth > 0 ? &track->flow_count[track->depth - 1] : NULL;
	if (count != NULL && *count < FLOWS_PER_SLICE) {
		track->flows[track->depth - 1][(*count)++] = flow;
		return;
	}
	event_start(pf, TYPE_INSTANT, pf->thread_uuid0 + thread, ts, "ipc", "ipc");
	event_flows(pf, &flow, 1);
	event_finish(t);
}

static void perfetto_args(struct trace_export *t)
{
	(void)t;
}

/* A DebugAnnotation {name_iid: `key`, then `value_size` bytes of value
 * the caller writes}, in place in the event. */
static void annotation_start(struct trace_perfetto *pf, const char *key, size_t value_size)
{
	uint32_t key_iid = iid_of(pf, &pf->keys, InternedData_debug_annotation_names, key);
	size_t key_size = pb_uint_size(DebugAnnotation_name_iid, key_iid);
	pb_message_header(&pf->event, TrackEvent_debug_annotations, key_size + value_size);
	pb_uint(&pf->event, DebugAnnotation_name_iid, key_iid);
}

static void perfetto_arg_str(struct trace_export *t, const char *key, const char *value)
{
	struct trace_perfetto *pf = t->perfetto;
	uint32_t iid = iid_of(pf, &pf->values, InternedData_debug_annotation_string_values, value);
	if (iid != 0) {
		annotation_start(pf, key, pb_uint_size(DebugAnnotation_string_value_iid, iid));
		pb_uint(&pf->event, DebugAnnotation_string_value_iid, iid);
	} else {
		size_t len = strnlen(value, STRING_MAX);
		annotation_start(pf, key, pb_bytes_size(DebugAnnotation_string_value, len));
		pb_bytes(&pf->event, DebugAnnotation_string_value, value, len);
	}
}

static void perfetto_arg_u64(struct trace_export *t, const char *key, uint64_t value)
{
	struct trace_perfetto *pf = t->perfetto;
	annotation_start(pf, key, pb_uint_size(DebugAnnotation_uint_value, value));
	pb_uint(&pf->event, DebugAnnotation_uint_value, value);
}

static void perfetto_end(struct trace_export *t)
{
	event_finish(t);
}

/* A packet of the sequence's setup (no timestamp). */
static void setup_packet(struct trace_export *t, uint32_t field, const struct pb_buf *body,
			 uint32_t flags)
{
	uint8_t data[STRING_MAX + 128];
	struct pb_buf head;
	pb_reset(&head, data, sizeof(data));
	pb_uint(&head, TracePacket_trusted_packet_sequence_id, SEQUENCE_ID);
	pb_uint(&head, TracePacket_sequence_flags, flags);
	pb_message(&head, field, body);
	write_packet(t, &head, false);
}

static void write_clocks(struct trace_export *t)
{
	uint8_t data[96], clock_data[2][48], head_data[96];
	struct pb_buf defaults;
	pb_reset(&defaults, data, sizeof(data));
	pb_uint(&defaults, TracePacketDefaults_timestamp_clock_id, SEQUENCE_CLOCK_VIRTUAL);
	setup_packet(t, TracePacket_trace_packet_defaults, &defaults,
		     SEQ_INCREMENTAL_STATE_CLEARED);

	struct pb_buf virtual_clock;
	pb_reset(&virtual_clock, clock_data[0], sizeof(clock_data[0]));
	pb_uint(&virtual_clock, Clock_clock_id, SEQUENCE_CLOCK_VIRTUAL);
	pb_uint(&virtual_clock, Clock_timestamp, 0);
	pb_uint(&virtual_clock, Clock_is_incremental, 1);
	struct pb_buf boottime;
	pb_reset(&boottime, clock_data[1], sizeof(clock_data[1]));
	pb_uint(&boottime, Clock_clock_id, BUILTIN_CLOCK_BOOTTIME);
	pb_uint(&boottime, Clock_timestamp, 0);
	struct pb_buf snapshot;
	pb_reset(&snapshot, data, sizeof(data));
	pb_message(&snapshot, ClockSnapshot_clocks, &virtual_clock);
	pb_message(&snapshot, ClockSnapshot_clocks, &boottime);
	struct pb_buf head;
	pb_reset(&head, head_data, sizeof(head_data));
	pb_uint(&head, TracePacket_timestamp, 0);
	pb_uint(&head, TracePacket_timestamp_clock_id, BUILTIN_CLOCK_BOOTTIME);
	pb_uint(&head, TracePacket_trusted_packet_sequence_id, SEQUENCE_ID);
	pb_uint(&head, TracePacket_sequence_flags, SEQ_NEEDS_INCREMENTAL_STATE);
	pb_message(&head, TracePacket_clock_snapshot, &snapshot);
	write_packet(t, &head, false);
}

/* TrackDescriptor {uuid, parent_uuid (0: none), `descriptor_field`:
 * `descriptor`, or name `name`}. */
static void write_track(struct trace_export *t, uint64_t uuid, uint64_t parent,
			uint32_t descriptor_field, const struct pb_buf *descriptor,
			const char *name)
{
	uint8_t data[STRING_MAX + 96];
	struct pb_buf track;
	pb_reset(&track, data, sizeof(data));
	pb_uint(&track, TrackDescriptor_uuid, uuid);
	if (parent != 0) {
		pb_uint(&track, TrackDescriptor_parent_uuid, parent);
	}
	if (descriptor != NULL) {
		pb_message(&track, descriptor_field, descriptor);
	} else {
		pb_string(&track, TrackDescriptor_name, name);
	}
	setup_packet(t, TracePacket_track_descriptor, &track, SEQ_NEEDS_INCREMENTAL_STATE);
}

static void write_tracks(struct trace_export *t)
{
	const struct cfg_system *sys = t->sys;
	struct trace_perfetto *pf = t->perfetto;
	uint8_t data[STRING_MAX + 48];
	for (uint32_t p = 0; p < sys->process_count; p++) {
		const struct cfg_process *proc = &sys->processes[p];
		struct pb_buf d;
		pb_reset(&d, data, sizeof(data));
		pb_uint(&d, ProcessDescriptor_pid, p + 1);
		pb_uint(&d, ProcessDescriptor_legacy_sort_index, p + 1);
		pb_bytes(&d, ProcessDescriptor_process_name, proc->name,
			 strnlen(proc->name, STRING_MAX));
		write_track(t, p + 1, 0, TrackDescriptor_process, &d, NULL);
		for (uint32_t k = 0; k < proc->thread_count; k++) {
			uint32_t thread = t->first_thread[p] + k;
			pb_reset(&d, data, sizeof(data));
			pb_uint(&d, ThreadDescriptor_pid, p + 1);
			pb_uint(&d, ThreadDescriptor_tid, thread + 1);
			pb_uint(&d, ThreadDescriptor_legacy_sort_index, thread + 1);
			pb_bytes(&d, ThreadDescriptor_thread_name, proc->threads[k].name,
				 strnlen(proc->threads[k].name, STRING_MAX));
			write_track(t, pf->thread_uuid0 + thread, p + 1, TrackDescriptor_thread, &d,
				    NULL);
		}
	}
	write_track(t, pf->run_uuid, 0, 0, NULL, "pwsim run");
}

static bool perfetto_open(struct trace_export *t)
{
	struct trace_perfetto *pf = calloc(1, sizeof(*pf));
	if (pf == NULL) {
		return false;
	}
	t->perfetto = pf;
	pf->tracks = calloc(t->thread_count + 1, sizeof(*pf->tracks));
	if (pf->tracks == NULL) {
		return false;
	}
	/* Process p is track p + 1, then the threads, then the run's own. */
	pf->thread_uuid0 = (uint64_t)t->sys->process_count + 1;
	pf->run_uuid = pf->thread_uuid0 + t->thread_count;
	write_clocks(t);
	write_tracks(t);
	return true;
}

static void perfetto_close(struct trace_export *t, uint64_t end_time)
{
	struct trace_perfetto *pf = t->perfetto;
	event_start(pf, TYPE_INSTANT, pf->run_uuid, end_time, "run", "pwsim");
	perfetto_arg_str(t, "generator", "pwsim");
	perfetto_arg_str(t, "clock", "virtual");
	if (t->scenario != NULL) {
		perfetto_arg_str(t, "scenario", t->scenario);
		perfetto_arg_u64(t, "seed", t->seed);
	}
	perfetto_arg_u64(t, "end_time_ns", end_time);
	perfetto_arg_u64(t, "records", t->record_count);
	event_finish(t);
}

static void perfetto_free(struct trace_export *t)
{
	struct trace_perfetto *pf = t->perfetto;
	if (pf == NULL) {
		return;
	}
	trace_intern_free(&pf->names);
	trace_intern_free(&pf->categories);
	trace_intern_free(&pf->keys);
	trace_intern_free(&pf->values);
	free(pf->tracks);
	free(pf);
	t->perfetto = NULL;
}

const struct trace_format trace_format_perfetto = {
	.open = perfetto_open,
	.begin = perfetto_begin,
	.flow = perfetto_flow,
	.args = perfetto_args,
	.arg_str = perfetto_arg_str,
	.arg_u64 = perfetto_arg_u64,
	.end = perfetto_end,
	.close = perfetto_close,
	.free = perfetto_free,
};
