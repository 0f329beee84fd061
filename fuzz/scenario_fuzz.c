/*
 * scenario_fuzz.c — libFuzzer target: the scenario loader (sim/scenario.c,
 * sim/scenario_faults.c) on arbitrary bytes, as `pwsim run` and `pwsim run
 * --board` load a scenario file. Any input must give a scenario or at least
 * one positioned error (`FILE:LINE:COL: error: ...`, FILE the scenario or a
 * system file it names), never a crash, a sanitizer report or a hang
 * (libFuzzer's -timeout). Seed corpus: every scenario file of the tree and
 * fuzz/corpus/scenario/ (regressions).
 *
 * The loader reads files: the input is written to fuzz.json5 in a private
 * directory that also holds a valid system.json5 (processes "initiator"
 * and "handler", as scenarios/uppercase) and empty images for both, so an
 * input that names them gets past the system and into images and faults.
 * Nothing outside that directory is written.
 */
#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char system_json5[] =
	"{ arch: { type: \"riscv\" },\n"
	"  kernel: { flash_start_address: 0x80000000, flash_size_bytes: 65536,\n"
	"            ram_start_address: 0x81000000, ram_size_bytes: 65536 },\n"
	"  apps: [ { name: \"app\", flash_size_bytes: 65536, processes: [\n"
	"    { name: \"initiator\", ram_size_bytes: 16384, objects: [\n"
	"      { name: \"ipc\", type: \"channel_initiator\", handler_process: \"handler\",\n"
	"        handler_object_name: \"ipc\" },\n"
	"      { name: \"t\", type: \"thread\", kernel_stack_size_bytes: 2048 } ] },\n"
	"    { name: \"handler\", ram_size_bytes: 16384, objects: [\n"
	"      { name: \"ipc\", type: \"channel_handler\" },\n"
	"      { name: \"t\", type: \"thread\", kernel_stack_size_bytes: 2048 } ] } ] } ] }\n";

static char dir[64];
static char scenario_path[96];

static void write_file(const char *name, const void *bytes, size_t size)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (f == NULL || fwrite(bytes, 1, size, f) != size || fclose(f) != 0) {
		perror(path);
		abort();
	}
}

static void make_dir(void)
{
	snprintf(dir, sizeof(dir), "%s/pwk-scenario-fuzz.XXXXXX",
		 getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL) {
		perror("scenario_fuzz: mkdtemp");
		abort();
	}
	write_file("system.json5", system_json5, sizeof(system_json5) - 1);
	write_file("initiator.elf", "", 0);
	write_file("handler.elf", "", 0);
	snprintf(scenario_path, sizeof(scenario_path), "%s/fuzz.json5", dir);
}

static void remove_dir(void)
{
	static const char *const names[] = {"fuzz.json5", "system.json5", "initiator.elf",
					    "handler.elf"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char path[128];
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
}

/* Whether `text` holds an error line with a position in some file. */
static bool has_positioned_error(const char *text)
{
	static regex_t re;
	static bool compiled;
	if (!compiled) {
		compiled = regcomp(&re, "^[^\n]+:[0-9]+:[0-9]+: error: ",
				   REG_EXTENDED | REG_NEWLINE | REG_NOSUB) == 0;
	}
	return compiled && regexec(&re, text, 0, NULL, 0) == 0;
}

/* One load as `pwsim run` does it (images looked for) or as a board run
 * does (names kept); the invariant on its outcome. */
static void load_once(bool with_images)
{
	char *text = NULL;
	size_t len = 0;
	FILE *messages = open_memstream(&text, &len);
	struct diag d;
	diag_init(&d, scenario_path, messages);
	struct scenario s;
	static const struct scenario_search no_dirs = {NULL, 0};
	bool ok = with_images ? scenario_load(scenario_path, &no_dirs, &s, &d)
			      : scenario_load_without_images(scenario_path, &s, &d);
	scenario_free(&s);
	fclose(messages);
	if (ok ? d.errors != 0 : d.errors == 0 || !has_positioned_error(text)) {
		fprintf(stderr, "scenario_fuzz: %s %s with %d errors; messages:\n%s\n",
			with_images ? "scenario_load" : "scenario_load_without_images",
			ok ? "loaded" : "refused", d.errors, text);
		abort();
	}
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (dir[0] == '\0') {
		make_dir();
		atexit(remove_dir);
	}
	write_file("fuzz.json5", data, size);
	load_once(true);
	load_once(false);
	return 0;
}
