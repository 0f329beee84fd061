/*
 * report.c — JUnit XML and JSON writers for a sweep (see report.h).
 *
 * Everything a child printed is untrusted text: it may hold any byte. Both
 * writers pass valid UTF-8 through, turn each byte of an invalid sequence
 * into U+FFFD, and escape what their format needs; XML 1.0 cannot carry most
 * control characters at all, so those become '?'.
 */
#include "report.h"

#include "text_out.h"

#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NS_PER_MS 1000000.0
#define NS_PER_S  1000000000.0

static const char replacement_char[] = "\xef\xbf\xbd"; /* U+FFFD */

static void xml_text(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0';) {
		size_t n = text_utf8_length(p);
		if (n == 0) {
			fputs(replacement_char, f);
			p++;
			continue;
		}
		switch (*p) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\'':
			fputs("&apos;", f);
			break;
		default:
			if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') {
				fputc('?', f);
			} else {
				fwrite(p, 1, n, f);
			}
		}
		p += n;
	}
}

static double run_seconds(const struct sweep_results *r, size_t scenario_index)
{
	uint64_t ns = 0;
	for (size_t i = 0; i < r->run_count; i++) {
		if (scenario_index == SIZE_MAX || r->runs[i].scenario_index == scenario_index) {
			ns += r->runs[i].wall_ns;
		}
	}
	return (double)ns / NS_PER_S;
}

static void junit_failure(FILE *f, const struct sweep_results *r, const struct sweep_run *run)
{
	char *replay = sweep_replay_command(r->config, run, "run");
	fprintf(f, "      <failure type=\"%s\" message=\"", sweep_status_name(run->status));
	xml_text(f, run->reason ? run->reason : "");
	fputs("\">", f);
	xml_text(f, run->reason ? run->reason : "");
	fputc('\n', f);
	if (run->digest_line != NULL) {
		xml_text(f, run->digest_line);
		fputc('\n', f);
	}
	fputs("replay: ", f);
	xml_text(f, replay);
	fputs("</failure>\n", f);
	if (run->log != NULL) {
		fputs("      <system-err>", f);
		xml_text(f, run->log);
		fputs("</system-err>\n", f);
	}
	free(replay);
}

static void junit_testcase(FILE *f, const struct sweep_results *r, const struct sweep_run *run)
{
	const char *path = r->config->scenarios[run->scenario_index].path;
	fputs("    <testcase classname=\"", f);
	xml_text(f, path);
	fprintf(f, "\" name=\"seed %llu\" time=\"%.3f\"", (unsigned long long)run->seed,
		(double)run->wall_ns / NS_PER_S);
	if (run->status == SWEEP_PASSED) {
		fputs("/>\n", f);
		return;
	}
	fputs(">\n", f);
	if (run->status == SWEEP_NOT_RUN) {
		fputs("      <skipped message=\"the sweep was interrupted\"/>\n", f);
	} else {
		junit_failure(f, r, run);
	}
	fputs("    </testcase>\n", f);
}

static void junit_properties(FILE *f, const struct sweep_config *c)
{
	fprintf(f,
		"    <properties>\n"
		"      <property name=\"seeds\" value=\"%llu..%llu\"/>\n"
		"      <property name=\"shard\" value=\"%u/%u\"/>\n"
		"      <property name=\"timeout_s\" value=\"%g\"/>\n",
		(unsigned long long)c->seed_first, (unsigned long long)c->seed_last, c->shard_index,
		c->shard_count, c->timeout_s);
	if (c->isolation != NULL) {
		fprintf(f, "      <property name=\"isolation\" value=\"%s\"/>\n", c->isolation);
	}
	fputs("    </properties>\n", f);
}

bool report_write_junit(FILE *f, const struct sweep_results *r)
{
	const struct sweep_config *c = r->config;
	struct sweep_totals t = sweep_totals_of(r, SIZE_MAX);
	fprintf(f,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<testsuites name=\"pwsim sweep shard %u/%u\" tests=\"%zu\" failures=\"%zu\" "
		"errors=\"0\" skipped=\"%zu\" time=\"%.3f\">\n",
		c->shard_index, c->shard_count, t.runs, t.failed + t.timeouts, t.not_run,
		(double)r->wall_ns / NS_PER_S);
	for (size_t s = 0; s < c->scenario_count; s++) {
		struct sweep_totals st = sweep_totals_of(r, s);
		fputs("  <testsuite name=\"", f);
		xml_text(f, c->scenarios[s].path);
		fprintf(f,
			"\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\" "
			"time=\"%.3f\">\n",
			st.runs, st.failed + st.timeouts, st.not_run, run_seconds(r, s));
		junit_properties(f, c);
		for (size_t i = 0; i < r->run_count; i++) {
			if (r->runs[i].scenario_index == s) {
				junit_testcase(f, r, &r->runs[i]);
			}
		}
		fputs("  </testsuite>\n", f);
	}
	fputs("</testsuites>\n", f);
	return fflush(f) == 0 && !ferror(f);
}

static void json_counts(FILE *f, const struct sweep_totals *t)
{
	fprintf(f,
		"\"runs\": %zu, \"passed\": %zu, \"failed\": %zu, \"timeouts\": %zu, "
		"\"not_run\": %zu",
		t->runs, t->passed, t->failed, t->timeouts, t->not_run);
}

static void json_run(FILE *f, const struct sweep_results *r, const struct sweep_run *run)
{
	char *replay = sweep_replay_command(r->config, run, "run");
	fputs("    {\"scenario\": ", f);
	text_json_string(f, r->config->scenarios[run->scenario_index].path);
	fprintf(f, ", \"seed\": %llu, \"status\": \"%s\", ", (unsigned long long)run->seed,
		sweep_status_name(run->status));
	if (run->exit_code >= 0) {
		fprintf(f, "\"exit_code\": %d, ", run->exit_code);
	} else {
		fputs("\"exit_code\": null, ", f);
	}
	if (run->term_signal != 0) {
		fprintf(f, "\"signal\": \"SIG%s\", ", sigabbrev_np(run->term_signal));
	} else {
		fputs("\"signal\": null, ", f);
	}
	fprintf(f, "\"wall_ms\": %.3f, \"digest\": ", (double)run->wall_ns / NS_PER_MS);
	text_json_string(f, run->digest[0] ? run->digest : NULL);
	fputs(", \"reason\": ", f);
	text_json_string(f, run->reason);
	fputs(", \"replay\": ", f);
	text_json_string(f, replay);
	fputs(", \"log\": ", f);
	text_json_string(f, run->log);
	fputc('}', f);
	free(replay);
}

static void json_scenarios(FILE *f, const struct sweep_results *r)
{
	const struct sweep_config *c = r->config;
	fputs("  \"scenarios\": [\n", f);
	for (size_t s = 0; s < c->scenario_count; s++) {
		struct sweep_totals st = sweep_totals_of(r, s);
		fputs("    {\"scenario\": ", f);
		text_json_string(f, c->scenarios[s].path);
		fputs(", ", f);
		json_counts(f, &st);
		if (st.any_failure) {
			fprintf(f, ", \"first_failing_seed\": %llu}",
				(unsigned long long)st.first_failing_seed);
		} else {
			fputs(", \"first_failing_seed\": null}", f);
		}
		fputs(s + 1 < c->scenario_count ? ",\n" : "\n", f);
	}
	fputs("  ],\n", f);
}

bool report_write_json(FILE *f, const struct sweep_results *r)
{
	const struct sweep_config *c = r->config;
	struct sweep_totals t = sweep_totals_of(r, SIZE_MAX);
	double minutes = (double)r->wall_ns / NS_PER_S / 60.0;
	fprintf(f,
		"{\n  \"seeds\": {\"first\": %llu, \"last\": %llu},\n"
		"  \"shard\": {\"index\": %u, \"count\": %u},\n  \"timeout_s\": %g,\n"
		"  \"isolation\": ",
		(unsigned long long)c->seed_first, (unsigned long long)c->seed_last, c->shard_index,
		c->shard_count, c->timeout_s);
	text_json_string(f, c->isolation);
	if (r->interrupted_by != 0) {
		fprintf(f, ",\n  \"interrupted\": \"SIG%s\",\n", sigabbrev_np(r->interrupted_by));
	} else {
		fputs(",\n  \"interrupted\": null,\n", f);
	}
	fputs("  \"totals\": {", f);
	json_counts(f, &t);
	fprintf(f, ", \"wall_ms\": %.3f, \"runs_per_minute\": %.1f},\n",
		(double)r->wall_ns / NS_PER_MS,
		minutes > 0 ? (double)(t.runs - t.not_run) / minutes : 0.0);
	json_scenarios(f, r);
	fputs("  \"runs\": [\n", f);
	for (size_t i = 0; i < r->run_count; i++) {
		json_run(f, r, &r->runs[i]);
		fputs(i + 1 < r->run_count ? ",\n" : "\n", f);
	}
	fputs("  ]\n}\n", f);
	return fflush(f) == 0 && !ferror(f);
}
