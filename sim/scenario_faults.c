/*
 * scenario_faults.c — the `faults` list of a scenario: what to inject, and
 * when (docs/scenario-reference.md). Names are resolved against the system
 * here, so a typo is an error with its position, never a silent no-op.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <pwk/abi.h>
#include <pwk/syscall_table.h>

#include "json5.h"
#include "scenario.h"

#define NS_PER_MS UINT64_C(1000000)

static const struct {
	const char *name;
	host_inject_action_t action;
	bool needs_process, needs_thread, needs_ms, needs_irq, syscall_only;
} actions[] = {
	{"kill", HOST_INJECT_KILL, true, false, false, false, false},
	{"fault", HOST_INJECT_FAULT, true, false, false, false, false},
	{"drop", HOST_INJECT_DROP, true, false, false, false, true},
	{"delay", HOST_INJECT_DELAY, true, false, true, false, true},
	{"irq", HOST_INJECT_IRQ, false, false, false, true, false},
	{"starve", HOST_INJECT_STARVE, true, true, true, false, false},
};

/* "channel_respond" -> PWK_SYSCALL_CHANNEL_RESPOND, from the syscall table. */
static bool syscall_by_name(const char *name, uint32_t *id)
{
	static const struct {
		const char *name;
		uint32_t id;
	} all[] = {
#define SYSCALL_ENTRY(ctx, NAME, lower, value, RET) {#lower, value},
		PWK_SYSCALL_TABLE(SYSCALL_ENTRY, ~)
#undef SYSCALL_ENTRY
	};
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		if (strcasecmp(all[i].name, name) == 0) {
			*id = all[i].id;
			return true;
		}
	}
	return false;
}

static const struct json5_value *member(const struct json5_value *o, const char *key)
{
	return json5_get(o, key);
}

static bool want_string(const struct json5_value *v, const char *what, struct diag *d)
{
	if (v->kind != JSON5_STRING) {
		diag_error(d, v->line, v->col, "faults: %s must be a string", what);
		return false;
	}
	return true;
}

static bool want_u64(const struct json5_value *v, const char *what, uint64_t max, uint64_t *out,
		     struct diag *d)
{
	if (v->kind != JSON5_NUMBER || !v->is_unsigned || v->uinteger > max) {
		diag_error(d, v->line, v->col, "faults: %s must be an integer from 0 to %llu", what,
			   (unsigned long long)max);
		return false;
	}
	*out = v->uinteger;
	return true;
}

static bool check_fields(const struct json5_value *f, struct diag *d)
{
	static const char *const known[] = {"at_ms",   "on_syscall", "nth", "times", "action",
					    "process", "thread",     "ms",  "irq"};
	bool ok = true;
	for (size_t i = 0; i < f->member_count; i++) {
		bool found = false;
		for (size_t k = 0; k < sizeof(known) / sizeof(known[0]); k++) {
			found |= strcmp(f->members[i].key, known[k]) == 0;
		}
		if (!found) {
			diag_error(
				d, f->members[i].line, f->members[i].col,
				"faults: unknown field '%s' (known: at_ms, on_syscall, nth, times, "
				"action, process, thread, ms, irq)",
				f->members[i].key);
			ok = false;
		}
	}
	return ok;
}

static bool parse_trigger(const struct json5_value *f, struct host_injection *in, struct diag *d)
{
	const struct json5_value *at = member(f, "at_ms"), *sys = member(f, "on_syscall");
	const struct json5_value *nth = member(f, "nth"), *times = member(f, "times");
	if ((at == NULL) == (sys == NULL)) {
		diag_error(d, f->line, f->col,
			   "faults: give exactly one trigger, \"at_ms\" (virtual time) or "
			   "\"on_syscall\" (with optional \"nth\", default 1)");
		return false;
	}
	if (at != NULL) {
		uint64_t ms;
		if (nth != NULL || times != NULL) {
			const struct json5_value *v = nth ? nth : times;
			diag_error(d, v->line, v->col,
				   "faults: \"nth\" and \"times\" go with \"on_syscall\"");
			return false;
		}
		if (!want_u64(at, "at_ms", UINT64_MAX / NS_PER_MS, &ms, d)) {
			return false;
		}
		in->at = ms * NS_PER_MS;
		return true;
	}
	in->on_syscall = true;
	if (!want_string(sys, "on_syscall", d)) {
		return false;
	}
	if (!syscall_by_name(sys->string, &in->syscall)) {
		diag_error(d, sys->line, sys->col,
			   "faults: unknown syscall '%s' (use pw_kernel's names, e.g. "
			   "\"channel_respond\", \"object_wait\")",
			   sys->string);
		return false;
	}
	uint64_t n = 1;
	if (nth != NULL && (!want_u64(nth, "nth", UINT32_MAX, &n, d) || n == 0)) {
		if (n == 0) {
			diag_error(d, nth->line, nth->col, "faults: nth counts from 1");
		}
		return false;
	}
	in->nth = (uint32_t)n;
	uint64_t t = 1;
	if (times != NULL &&
	    !want_u64(times, "times (0 = every one from the nth on)", UINT32_MAX, &t, d)) {
		return false;
	}
	in->times = (uint32_t)t;
	return true;
}

static bool resolve_target(const struct json5_value *f, const struct cfg_system *sys, size_t a,
			   struct host_injection *in, struct diag *d)
{
	const struct json5_value *proc = member(f, "process"), *thr = member(f, "thread");
	const struct json5_value *ms = member(f, "ms"), *irq = member(f, "irq");
	bool needs_process = actions[a].needs_process || in->on_syscall;
	in->process = in->thread = PWK_NONE;
	if (needs_process) {
		if (proc == NULL || !want_string(proc, "process", d)) {
			if (proc == NULL) {
				diag_error(d, f->line, f->col, "faults: \"%s\" needs \"process\"",
					   in->on_syscall ? "on_syscall" : actions[a].name);
			}
			return false;
		}
		in->process = cfg_process_find(sys, proc->string);
		if (in->process == PWK_NONE) {
			diag_error(d, proc->line, proc->col, "faults: no process named '%s'",
				   proc->string);
			return false;
		}
	}
	if (actions[a].needs_thread) {
		if (thr == NULL || !want_string(thr, "thread", d)) {
			if (thr == NULL) {
				diag_error(d, f->line, f->col,
					   "faults: \"starve\" needs \"thread\"");
			}
			return false;
		}
		uint32_t global = 0;
		for (uint32_t p = 0; p < in->process; p++) {
			global += (uint32_t)sys->processes[p].thread_count;
		}
		const struct cfg_process *cp = &sys->processes[in->process];
		for (size_t t = 0; t < cp->thread_count && in->thread == PWK_NONE; t++) {
			if (strcmp(cp->threads[t].name, thr->string) == 0) {
				in->thread = global + (uint32_t)t;
			}
		}
		if (in->thread == PWK_NONE) {
			diag_error(d, thr->line, thr->col,
				   "faults: process '%s' has no thread '%s'", cp->name,
				   thr->string);
			return false;
		}
	}
	if (actions[a].needs_ms) {
		uint64_t v = 0;
		if (ms == NULL) {
			diag_error(d, f->line, f->col, "faults: \"%s\" needs \"ms\"",
				   actions[a].name);
			return false;
		}
		if (!want_u64(ms, "ms", UINT64_MAX / NS_PER_MS, &v, d)) {
			return false;
		}
		in->amount = v * NS_PER_MS;
	}
	if (actions[a].needs_irq) {
		uint64_t v = 0;
		if (irq == NULL) {
			diag_error(d, f->line, f->col,
				   "faults: \"irq\" needs \"irq\": a line number");
			return false;
		}
		if (!want_u64(irq, "irq", 255, &v, d)) {
			return false;
		}
		in->irq = (uint32_t)v;
	}
	return true;
}

static bool parse_one(const struct json5_value *f, const struct cfg_system *sys,
		      struct host_injection *in, struct diag *d)
{
	if (f->kind != JSON5_OBJECT) {
		diag_error(d, f->line, f->col, "faults: each entry must be an object");
		return false;
	}
	const struct json5_value *action = member(f, "action");
	if (!check_fields(f, d) || !parse_trigger(f, in, d)) {
		return false;
	}
	if (action == NULL || !want_string(action, "action", d)) {
		if (action == NULL) {
			diag_error(d, f->line, f->col,
				   "faults: missing \"action\" (kill, fault, drop, delay, irq, "
				   "starve)");
		}
		return false;
	}
	for (size_t a = 0; a < sizeof(actions) / sizeof(actions[0]); a++) {
		if (strcmp(action->string, actions[a].name) != 0) {
			continue;
		}
		if (actions[a].syscall_only && !in->on_syscall) {
			diag_error(
				d, action->line, action->col,
				"faults: \"%s\" acts on a syscall: trigger it with \"on_syscall\"",
				actions[a].name);
			return false;
		}
		in->action = actions[a].action;
		return resolve_target(f, sys, a, in, d);
	}
	diag_error(d, action->line, action->col,
		   "faults: unknown action '%s' (kill, fault, drop, delay, irq, starve)",
		   action->string);
	return false;
}

bool scenario_parse_faults(const struct json5_value *list, struct scenario *s, struct diag *d)
{
	if (list->kind != JSON5_ARRAY) {
		diag_error(d, list->line, list->col, "faults must be a list of fault objects");
		return false;
	}
	if (list->item_count > SCENARIO_FAULTS_MAX) {
		diag_error(d, list->line, list->col, "at most %d faults per scenario",
			   SCENARIO_FAULTS_MAX);
		return false;
	}
	s->faults = calloc(list->item_count + 1, sizeof(*s->faults));
	s->fault_texts = calloc(list->item_count + 1, sizeof(char *));
	bool ok = true;
	for (size_t i = 0; i < list->item_count; i++) {
		const struct json5_value *f = &list->items[i];
		struct host_injection *in = &s->faults[s->fault_count];
		if (!parse_one(f, &s->system, in, d)) {
			ok = false;
			continue;
		}
		char text[160];
		snprintf(text, sizeof(text), "fault #%zu (%s:%d)", i + 1, s->path, f->line);
		s->fault_texts[s->fault_count] = strdup(text);
		in->what = s->fault_texts[s->fault_count];
		s->fault_count++;
	}
	return ok;
}
