/*
 * scenario_fuzz.c — a scenario's `fuzz` object (docs/scenario-reference.md):
 *   fuzz: { target: "kv_server/kv", input: "crash-1234.bin",
 *           response_budget_ms: 100 }
 * and, in the finding files pwsim fuzz writes, `scenario`: the scenario
 * fuzzed (scenario.c loads it first; this file then only adds the fuzz).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_input.h"
#include "json5.h"
#include "scenario.h"

#define RESPONSE_BUDGET_MS_MAX 60000u

static bool parse_target(const struct json5_value *v, struct scenario *s, struct diag *d)
{
	if (v->kind != JSON5_STRING) {
		diag_error(d, v->line, v->col, "fuzz.target must be a \"PROCESS/OBJECT\" string");
		return false;
	}
	char err[768];
	if (!fuzz_plan_resolve(&s->system, v->string, &s->fuzz.plan, err, sizeof(err))) {
		diag_error(d, v->line, v->col, "fuzz.%s", err);
		return false;
	}
	s->fuzz.target = strdup(v->string);
	return true;
}

static bool parse_input(const struct json5_value *v, const char *dir, struct scenario *s,
			struct diag *d)
{
	if (v->kind != JSON5_STRING || v->string[0] == '\0') {
		diag_error(d, v->line, v->col, "fuzz.input must be the name of an input file");
		return false;
	}
	size_t n = strlen(dir) + strlen(v->string) + 2;
	char *path = malloc(n);
	if (v->string[0] == '/') {
		snprintf(path, n, "%s", v->string);
	} else {
		snprintf(path, n, "%s/%s", dir, v->string);
	}
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_error(d, v->line, v->col,
			   "fuzz.input '%s' is not a readable file (looked for %s)", v->string,
			   path);
		free(path);
		return false;
	}
	if ((uint64_t)st.st_size > PWK_FUZZ_INPUT_MAX) {
		diag_error(d, v->line, v->col,
			   "fuzz.input '%s' has %lld bytes; an input is at most %u (the fuzz "
			   "driver's buffer)",
			   v->string, (long long)st.st_size, PWK_FUZZ_INPUT_MAX);
		free(path);
		return false;
	}
	s->fuzz.input = path;
	return true;
}

bool scenario_parse_fuzz(const struct json5_value *fuzz, const char *dir, struct scenario *s,
			 struct diag *d)
{
	if (fuzz->kind != JSON5_OBJECT) {
		diag_error(
			d, fuzz->line, fuzz->col,
			"fuzz must be an object: { target: \"PROCESS/OBJECT\", input: \"FILE\" }");
		return false;
	}
	bool ok = true;
	const struct json5_value *target = NULL;
	for (size_t i = 0; i < fuzz->member_count; i++) {
		const struct json5_member *m = &fuzz->members[i];
		const struct json5_value *v = &m->value;
		if (strcmp(m->key, "target") == 0) {
			target = v;
			ok &= parse_target(v, s, d);
		} else if (strcmp(m->key, "input") == 0) {
			ok &= parse_input(v, dir, s, d);
		} else if (strcmp(m->key, "response_budget_ms") == 0) {
			if (v->kind != JSON5_NUMBER || !v->is_unsigned || v->uinteger == 0 ||
			    v->uinteger > RESPONSE_BUDGET_MS_MAX) {
				diag_error(
					d, v->line, v->col,
					"fuzz.response_budget_ms must be an integer from 1 to %u",
					RESPONSE_BUDGET_MS_MAX);
				ok = false;
			} else {
				s->fuzz.response_budget = v->uinteger * UINT64_C(1000000);
			}
		} else if (strcmp(m->key, "isolation") == 0) {
			if (v->kind == JSON5_STRING &&
			    host_isolation_parse(v->string, &s->fuzz.isolation)) {
				s->fuzz.isolation_set = true;
			} else {
				diag_error(d, v->line, v->col,
					   "fuzz.isolation must be " HOST_ISOLATION_CHOICES_QUOTED);
				ok = false;
			}
		} else if (strcmp(m->key, "scenario") == 0) {
			/* Loaded before this object (scenario.c). */
		} else {
			diag_error(d, m->line, m->col,
				   "unknown field '%s' in fuzz (known: target, input, "
				   "response_budget_ms, isolation, scenario)",
				   m->key);
			ok = false;
		}
	}
	if (target == NULL) {
		diag_error(d, fuzz->line, fuzz->col,
			   "fuzz needs target: \"PROCESS/OBJECT\" (the channel handler fuzzed)");
		ok = false;
	}
	return ok;
}
