/*
 * scenario.c — scenario files (see scenario.h and docs/scenario-reference.md).
 * Every field is checked for type and range; unknown fields are errors, so a
 * typo never silently changes what is simulated.
 */
#include "scenario.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "json5.h"

#define NS_PER_MS UINT64_C(1000000)

const char *sim_outcome_name(sim_outcome_t o)
{
	switch (o) {
	case SIM_OUTCOME_SHUTDOWN:
		return "shutdown";
	case SIM_OUTCOME_DEADLOCK:
		return "deadlock";
	case SIM_OUTCOME_IDLE:
		return "idle";
	case SIM_OUTCOME_TIME_LIMIT:
		return "time_limit";
	}
	return "?";
}

/* A finding file of pwsim fuzz: { fuzz: { scenario: "...", ... } }. */
static const struct json5_value *finding_base(const struct json5_value *root)
{
	const struct json5_value *fuzz =
		root->kind == JSON5_OBJECT ? json5_get(root, "fuzz") : NULL;
	const struct json5_value *base =
		fuzz != NULL && fuzz->kind == JSON5_OBJECT ? json5_get(fuzz, "scenario") : NULL;
	return base != NULL && base->kind == JSON5_STRING ? base : NULL;
}

bool scenario_is_scenario(const struct json5_value *root)
{
	const struct json5_value *sys = json5_get(root, "system");
	return root->kind == JSON5_OBJECT &&
	       ((sys != NULL && sys->kind == JSON5_STRING) || finding_base(root) != NULL);
}

static char *dir_of(const char *path)
{
	char *copy = strdup(path);
	char *dir = strdup(dirname(copy));
	free(copy);
	return dir;
}

static char *join(const char *dir, const char *rel)
{
	if (rel[0] == '/') {
		return strdup(rel);
	}
	size_t n = strlen(dir) + strlen(rel) + 2;
	char *out = malloc(n);
	snprintf(out, n, "%s/%s", dir, rel);
	return out;
}

/* Removes "." and "dir/.." segments without touching the file system, so a
 * path through a build-tree folder that does not exist still resolves. */
static void normalize(char *path)
{
	char *out = path;
	const char *in = path;
	bool absolute = path[0] == '/';
	while (*in != '\0') {
		while (*in == '/') {
			in++;
		}
		const char *seg = in;
		while (*in != '\0' && *in != '/') {
			in++;
		}
		size_t len = (size_t)(in - seg);
		if (len == 0 || (len == 1 && seg[0] == '.')) {
			continue;
		}
		char *last = out > path ? memrchr(path, '/', (size_t)(out - path)) : NULL;
		bool can_pop = out > path && !(out - path >= 2 && memcmp(out - 2, "..", 2) == 0 &&
					       (out - path == 2 || out[-3] == '/'));
		if (len == 2 && seg[0] == '.' && seg[1] == '.' && can_pop) {
			out = last != NULL ? last : path;
			continue;
		}
		if (out > path || absolute) {
			*out++ = '/';
		}
		memmove(out, seg, len);
		out += len;
	}
	if (out == path) {
		*out++ = absolute ? '/' : '.';
	}
	*out = '\0';
}

/* Whether `path` (normalized in place) is a file that can be read (not a
 * folder or a device); if not, appends it to the `looked` list for the
 * error message. */
static bool try_candidate(char *path, char *looked, size_t looked_cap)
{
	normalize(path);
	struct stat st;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, R_OK) == 0) {
		return true;
	}
	size_t used = strlen(looked);
	snprintf(looked + used, looked_cap - used, "%s%s", used ? ", " : "", path);
	return false;
}

/* NAME in an --image-dir DIR: DIR/NAME, else DIR's copy of the scenario's
 * folder, DIR/<last k folders of the scenario's directory>/NAME for
 * k = 1, 2, ... So `--image-dir build` finds build/scenarios/x/NAME for a
 * scenario in <anywhere>/scenarios/x, as meson lays its build tree out,
 * without pwsim knowing where any tree is. Only DIR/NAME is listed in the
 * error message: the copies are a convenience for build trees. */
static char *find_in_image_dir(const char *dir, const char *real_scenario_dir, const char *name,
			       char *looked, size_t looked_cap)
{
	char *candidate = join(dir, name);
	if (try_candidate(candidate, looked, looked_cap)) {
		return candidate;
	}
	free(candidate);
	char ignored[1];
	const char *tail = real_scenario_dir + strlen(real_scenario_dir);
	while (tail > real_scenario_dir) {
		do {
			tail--;
		} while (tail > real_scenario_dir && *tail != '/');
		char *mirror = join(dir, tail[0] == '/' ? tail + 1 : tail);
		candidate = join(mirror, name);
		free(mirror);
		ignored[0] = '\0';
		if (try_candidate(candidate, ignored, sizeof(ignored))) {
			return candidate;
		}
		free(candidate);
	}
	return NULL;
}

char *scenario_find_file(const char *scenario_dir, const struct scenario_search *search,
			 const char *name, char *looked, size_t looked_cap)
{
	looked[0] = '\0';
	char *candidate = join(scenario_dir, name);
	if (try_candidate(candidate, looked, looked_cap)) {
		return candidate;
	}
	free(candidate);
	char real[PATH_MAX];
	if (realpath(scenario_dir, real) == NULL) {
		snprintf(real, sizeof(real), "%s", scenario_dir);
	}
	for (size_t i = 0; i < search->image_dir_count; i++) {
		char *found =
			find_in_image_dir(search->image_dirs[i], real, name, looked, looked_cap);
		if (found != NULL) {
			return found;
		}
	}
	return NULL;
}

static bool get_u64(const struct json5_value *v, const char *what, uint64_t *out, struct diag *d)
{
	if (v->kind != JSON5_NUMBER || !v->is_unsigned) {
		diag_error(d, v->line, v->col, "%s must be a non-negative integer", what);
		return false;
	}
	*out = v->uinteger;
	return true;
}

/* Simulator knobs have limits that keep hal-host's arithmetic exact:
 * blocks run times block_cost_ns stays far below 2^64 (a grant is at most
 * 2^40 blocks), and delays and costs stay within an hour of virtual time. */
#define SYSCALL_COST_NS_MAX UINT64_C(1000000000)    /* 1 s */
#define BLOCK_COST_NS_MAX   UINT64_C(1000000)       /* 1 ms */
#define PREEMPT_WINDOW_MAX  UINT64_C(1000000000)    /* blocks */
#define DELAY_MAX_NS_MAX    UINT64_C(3600000000000) /* 1 h */

static bool get_u64_max(const struct json5_value *v, const char *what, uint64_t max, uint64_t *out,
			struct diag *d)
{
	if (!get_u64(v, what, out, d)) {
		return false;
	}
	if (*out > max) {
		diag_error(d, v->line, v->col, "%s is at most %llu", what, (unsigned long long)max);
		return false;
	}
	return true;
}

/* A boolean field that sets `bit` of `*bits` when true. */
static bool get_flag(const struct json5_value *v, const char *what, uint32_t bit, uint32_t *bits,
		     struct diag *d)
{
	if (v->kind != JSON5_BOOL) {
		diag_error(d, v->line, v->col, "%s must be true or false", what);
		return false;
	}
	*bits = v->boolean ? *bits | bit : *bits & ~bit;
	return true;
}

static bool get_ms(const struct json5_value *v, const char *what, uint64_t *ns, struct diag *d)
{
	uint64_t ms;
	if (!get_u64(v, what, &ms, d)) {
		return false;
	}
	if (ms > UINT64_MAX / NS_PER_MS) {
		diag_error(d, v->line, v->col, "%s is too large", what);
		return false;
	}
	*ns = ms * NS_PER_MS;
	return true;
}

static bool parse_outcome(const struct json5_value *v, sim_outcome_t *out, struct diag *d)
{
	static const sim_outcome_t all[] = {SIM_OUTCOME_SHUTDOWN, SIM_OUTCOME_DEADLOCK,
					    SIM_OUTCOME_IDLE, SIM_OUTCOME_TIME_LIMIT};
	if (v->kind == JSON5_STRING) {
		for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
			if (strcmp(v->string, sim_outcome_name(all[i])) == 0) {
				*out = all[i];
				return true;
			}
		}
	}
	diag_error(d, v->line, v->col,
		   "expect.outcome must be one of \"shutdown\", \"deadlock\", \"idle\", "
		   "\"time_limit\"");
	return false;
}

static bool parse_expect(const struct json5_value *e, struct scenario_expect *x, struct diag *d)
{
	if (e->kind != JSON5_OBJECT) {
		diag_error(d, e->line, e->col, "expect must be an object");
		return false;
	}
	bool ok = true;
	for (size_t i = 0; i < e->member_count; i++) {
		const struct json5_member *m = &e->members[i];
		const struct json5_value *v = &m->value;
		uint64_t n = 0;
		if (strcmp(m->key, "exit_status") == 0) {
			if ((ok &= get_u64(v, "expect.exit_status", &n, d)) && n > UINT32_MAX) {
				diag_error(d, v->line, v->col,
					   "expect.exit_status exceeds 32 bits");
				ok = false;
			}
			x->exit_status = (uint32_t)n;
		} else if (strcmp(m->key, "outcome") == 0) {
			ok &= parse_outcome(v, &x->outcome, d);
		} else if (strcmp(m->key, "max_virtual_time_ms") == 0) {
			ok &= get_ms(v, "expect.max_virtual_time_ms", &x->max_virtual_time, d);
		} else if (strcmp(m->key, "console") == 0) {
			if (v->kind != JSON5_ARRAY) {
				diag_error(d, v->line, v->col,
					   "expect.console must be a list of strings");
				ok = false;
				continue;
			}
			x->console = calloc(v->item_count + 1, sizeof(char *));
			for (size_t k = 0; k < v->item_count; k++) {
				const struct json5_value *s = &v->items[k];
				if (s->kind != JSON5_STRING) {
					diag_error(d, s->line, s->col,
						   "expect.console entries must be strings");
					ok = false;
					continue;
				}
				x->console[x->console_count++] = strdup(s->string);
			}
		} else {
			diag_error(d, m->line, m->col,
				   "unknown field '%s' in expect (known: exit_status, outcome, "
				   "console, max_virtual_time_ms)",
				   m->key);
			ok = false;
		}
	}
	return ok;
}

static bool parse_isolation(const struct json5_value *v, host_isolation_t *out, struct diag *d)
{
	if (v->kind == JSON5_STRING && host_isolation_parse(v->string, out)) {
		return true;
	}
	diag_error(d, v->line, v->col, "isolation must be " HOST_ISOLATION_CHOICES_QUOTED);
	return false;
}

/* JSON5 lets a later duplicate key win; in a scenario a field given twice
 * is a mistake (which one did the user mean?), and the parsers below take
 * each field once. Checked over the whole document, objects in lists too. */
static bool no_duplicate_keys(const struct json5_value *v, struct diag *d)
{
	bool ok = true;
	if (v->kind == JSON5_OBJECT) {
		for (size_t i = 0; i < v->member_count; i++) {
			const struct json5_member *m = &v->members[i];
			for (size_t j = 0; j < i; j++) {
				const struct json5_member *first = &v->members[j];
				if (first->key_len == m->key_len &&
				    memcmp(first->key, m->key, m->key_len) == 0) {
					diag_error(d, m->line, m->col,
						   "field '%s' is given twice (first at line %d, "
						   "column %d); keep one",
						   m->key, first->line, first->col);
					ok = false;
					break;
				}
			}
			ok &= no_duplicate_keys(&m->value, d);
		}
	} else if (v->kind == JSON5_ARRAY) {
		for (size_t i = 0; i < v->item_count; i++) {
			ok &= no_duplicate_keys(&v->items[i], d);
		}
	}
	return ok;
}

/* `images` maps every process of the system to an image file, looked for
 * as `search` says (NULL: not looked for, kept as written). */
static bool resolve_images(const struct json5_value *images, const char *dir,
			   const struct scenario_search *search, struct scenario *s, struct diag *d)
{
	bool ok = true;
	s->images = calloc(s->system.process_count + 1, sizeof(char *));
	for (size_t i = 0; i < images->member_count; i++) {
		const struct json5_member *m = &images->members[i];
		uint32_t p = cfg_process_find(&s->system, m->key);
		if (p == PWK_NONE) {
			diag_error(d, m->line, m->col,
				   "images names process '%s', which %s does not declare", m->key,
				   s->system_path);
			ok = false;
			continue;
		}
		if (m->value.kind != JSON5_STRING) {
			diag_error(d, m->value.line, m->value.col,
				   "the image of '%s' must be a file name string", m->key);
			ok = false;
			continue;
		}
		char looked[2048];
		char *found = search == NULL ? strdup(m->value.string)
					     : scenario_find_file(dir, search, m->value.string,
								  looked, sizeof(looked));
		if (found == NULL) {
			diag_error(
				d, m->value.line, m->value.col,
				"image '%s' of process '%s' not found (looked for %s); build it, "
				"or pass --image-dir DIR (the folder it is in, or a build tree "
				"that copies the scenario's folder)",
				m->value.string, m->key, looked);
			ok = false;
			continue;
		}
		free(s->images[p]);
		s->images[p] = found;
	}
	for (size_t p = 0; ok && p < s->system.process_count; p++) {
		if (s->images[p] == NULL) {
			diag_error(d, images->line, images->col,
				   "images has no entry for process '%s': add \"%s\": \"<file>\"",
				   s->system.processes[p].name, s->system.processes[p].name);
			ok = false;
		}
	}
	return ok;
}

static bool parse_top(const struct json5_value *root, struct scenario *s,
		      const struct json5_value **images, const struct json5_value **system,
		      const struct json5_value **faults, const struct json5_value **board_only,
		      const struct json5_value **fuzz, struct diag *d)
{
	bool ok = true;
	for (size_t i = 0; i < root->member_count; i++) {
		const struct json5_member *m = &root->members[i];
		const struct json5_value *v = &m->value;
		if (strcmp(m->key, "system") == 0) {
			*system = v;
		} else if (strcmp(m->key, "images") == 0) {
			if (v->kind != JSON5_OBJECT) {
				diag_error(d, v->line, v->col,
					   "images must map process names to image files");
				ok = false;
			}
			*images = v;
		} else if (strcmp(m->key, "isolation") == 0) {
			ok &= parse_isolation(v, &s->sim.isolation, d);
		} else if (strcmp(m->key, "syscall_cost_ns") == 0) {
			ok &= get_u64_max(v, "syscall_cost_ns", SYSCALL_COST_NS_MAX,
					  &s->sim.syscall_cost, d);
		} else if (strcmp(m->key, "block_cost_ns") == 0) {
			ok &= get_u64_max(v, "block_cost_ns", BLOCK_COST_NS_MAX, &s->sim.block_cost,
					  d);
		} else if (strcmp(m->key, "preempt_window_blocks") == 0) {
			ok &= get_u64_max(v, "preempt_window_blocks", PREEMPT_WINDOW_MAX,
					  &s->sim.preempt_window, d);
		} else if (strcmp(m->key, "delay_max_ns") == 0) {
			ok &= get_u64_max(v, "delay_max_ns", DELAY_MAX_NS_MAX, &s->sim.delay_max,
					  d);
		} else if (strcmp(m->key, "watchdog_s") == 0) {
			uint64_t w = 0;
			if ((ok &= get_u64(v, "watchdog_s", &w, d)) && w > 3600) {
				diag_error(d, v->line, v->col, "watchdog_s is at most 3600");
				ok = false;
			}
			s->sim.watchdog_seconds = (unsigned)w;
		} else if (strcmp(m->key, "tick_ms") == 0) {
			ok &= get_ms(v, "tick_ms", &s->sim.tick_period, d);
		} else if (strcmp(m->key, "exact_deadlines") == 0) {
			ok &= get_flag(v, "exact_deadlines", PWK_BOOT_EXACT_DEADLINES,
				       &s->kernel_options, d);
		} else if (strcmp(m->key, "full_path") == 0) {
			ok &= get_flag(v, "full_path", PWK_BOOT_FULL_PATH, &s->kernel_options, d);
		} else if (strcmp(m->key, "time_limit_ms") == 0) {
			ok &= get_ms(v, "time_limit_ms", &s->sim.time_limit, d);
		} else if (strcmp(m->key, "expect") == 0) {
			ok &= parse_expect(v, &s->expect, d);
		} else if (strcmp(m->key, "faults") == 0) {
			*faults = v; /* parsed once the system is known */
		} else if (strcmp(m->key, "fuzz") == 0) {
			*fuzz = v; /* likewise */
		} else if (strcmp(m->key, "board_only") == 0) {
			if (v->kind != JSON5_BOOL) {
				diag_error(d, v->line, v->col, "board_only must be true or false");
				ok = false;
			} else if (v->boolean) {
				*board_only = v;
			}
		} else if (strcmp(m->key, "description") == 0) {
			if (v->kind != JSON5_STRING) {
				diag_error(d, v->line, v->col, "description must be a string");
				ok = false;
			}
		} else {
			diag_error(
				d, m->line, m->col,
				"unknown field '%s' (known: description, system, images, "
				"board_only, isolation, syscall_cost_ns, block_cost_ns, tick_ms, "
				"exact_deadlines, full_path, time_limit_ms, preempt_window_blocks, "
				"delay_max_ns, watchdog_s, expect, faults, fuzz)",
				m->key);
			ok = false;
		}
	}
	return ok;
}

/* Whether the scenario's `system` names a file the loader can read: else
 * the error points at the field (a missing file, a folder, a FIFO that
 * would block, or a device would otherwise be reported, or read, as the
 * system file itself). */
static bool system_file_readable(const struct json5_value *system, const char *path, struct diag *d)
{
	struct stat st;
	const char *why = NULL;
	if (stat(path, &st) != 0) {
		why = strerror(errno);
	} else if (!S_ISREG(st.st_mode)) {
		why = "not a regular file";
	} else if (access(path, R_OK) != 0) {
		why = strerror(errno);
	}
	if (why != NULL) {
		diag_error(d, system->line, system->col,
			   "system '%s' cannot be read (%s: %s): give the path of its "
			   "system.json5, relative to the scenario's folder",
			   system->string, path, why);
		return false;
	}
	return true;
}

static bool load(const char *path, const struct scenario_search *search, struct scenario *s,
		 struct diag *d);

/* A finding file: the scenario it names, then its fuzz object. Nothing
 * else may be in it (it would silently not apply). */
static bool load_finding(const struct json5_value *root, const struct json5_value *base,
			 const char *dir, const struct scenario_search *search, struct scenario *s,
			 struct diag *d)
{
	for (size_t i = 0; i < root->member_count; i++) {
		const struct json5_member *m = &root->members[i];
		if (strcmp(m->key, "fuzz") != 0 && strcmp(m->key, "description") != 0) {
			diag_error(
				d, m->line, m->col,
				"a fuzz finding file (fuzz.scenario given) holds only description "
				"and fuzz; put '%s' in the scenario it names",
				m->key);
			return false;
		}
	}
	char *base_path = join(dir, base->string);
	struct diag bd;
	diag_init(&bd, base_path, d->out);
	char *finding_path = s->path;
	s->path = NULL;
	bool ok = access(base_path, R_OK) == 0;
	if (!ok) {
		diag_error(d, base->line, base->col, "fuzz.scenario '%s' not found (looked for %s)",
			   base->string, base_path);
	} else {
		ok = load(base_path, search, s, &bd);
		d->errors += bd.errors;
		d->warnings += bd.warnings;
	}
	if (ok && s->fuzz.target != NULL) {
		diag_error(d, base->line, base->col,
			   "fuzz.scenario '%s' has a fuzz key of its own: name the scenario fuzzed",
			   base->string);
		ok = false;
	}
	free(base_path);
	free(s->path);
	s->path = finding_path;
	return ok && scenario_parse_fuzz(json5_get(root, "fuzz"), dir, s, d);
}

/* scenario_load, with `search` NULL for scenario_load_without_images. */
static bool load(const char *path, const struct scenario_search *search, struct scenario *s,
		 struct diag *d)
{
	memset(s, 0, sizeof(*s));
	s->path = strdup(path);
	host_options_default(&s->sim);
	struct json5_doc doc;
	if (!json5_parse_file(path, &doc, d)) {
		return false;
	}
	bool ok = false;
	const struct json5_value *images = NULL, *system = NULL, *faults = NULL, *board_only = NULL;
	const struct json5_value *fuzz = NULL;
	char *dir = dir_of(path);
	if (doc.root.kind != JSON5_OBJECT) {
		diag_error(d, doc.root.line, doc.root.col, "a scenario must be an object");
	} else if (!no_duplicate_keys(&doc.root, d)) {
		/* said where */
	} else if (finding_base(&doc.root) != NULL) {
		ok = load_finding(&doc.root, finding_base(&doc.root), dir, search, s, d);
	} else if (parse_top(&doc.root, s, &images, &system, &faults, &board_only, &fuzz, d)) {
		if (board_only != NULL && search != NULL) {
			/* Its processes drive a board's devices, which the
			 * simulator does not have: only a board run boots it. */
			diag_error(d, board_only->line, board_only->col,
				   "this scenario is board-only (board_only: true): run it with "
				   "--board <board>");
		} else if (system == NULL || system->kind != JSON5_STRING) {
			diag_error(d, system ? system->line : doc.root.line,
				   system ? system->col : doc.root.col,
				   "a scenario needs \"system\": the path of its system.json5");
		} else if (images == NULL) {
			diag_error(d, doc.root.line, doc.root.col,
				   "a scenario needs \"images\": { <process>: \"<image file>\" }");
		} else {
			s->system_path = join(dir, system->string);
			struct diag sd;
			diag_init(&sd, s->system_path, d->out);
			ok = system_file_readable(system, s->system_path, d) &&
			     cfg_system_load(s->system_path, &s->system, &sd);
			d->errors += sd.errors;
			d->warnings += sd.warnings;
			if (ok) {
				ok = resolve_images(images, dir, search, s, d);
			}
			if (ok && faults != NULL) {
				ok = scenario_parse_faults(faults, s, d);
			}
			if (ok && fuzz != NULL) {
				ok = scenario_parse_fuzz(fuzz, dir, s, d);
			}
		}
	}
	free(dir);
	json5_free(&doc);
	return ok && d->errors == 0;
}

bool scenario_load(const char *path, const struct scenario_search *search, struct scenario *s,
		   struct diag *d)
{
	return load(path, search, s, d);
}

bool scenario_load_without_images(const char *path, struct scenario *s, struct diag *d)
{
	return load(path, NULL, s, d);
}

void scenario_free(struct scenario *s)
{
	if (s->images != NULL) {
		for (size_t p = 0; p < s->system.process_count; p++) {
			free(s->images[p]);
		}
	}
	free(s->images);
	for (size_t i = 0; i < s->expect.console_count; i++) {
		free(s->expect.console[i]);
	}
	free(s->expect.console);
	for (size_t i = 0; i < s->fault_count; i++) {
		free(s->fault_texts[i]);
	}
	free(s->fault_texts);
	free(s->faults);
	free(s->fuzz.target);
	free(s->fuzz.input);
	cfg_system_free(&s->system);
	free(s->system_path);
	free(s->path);
	memset(s, 0, sizeof(*s));
}
