/*
 * scenario.h — a scenario file (JSON5): which system.json5 to boot, the
 * image of each process, how to simulate it, and what must be observed.
 * docs/scenario-reference.md documents every field.
 */
#ifndef PWK_SIM_SCENARIO_H
#define PWK_SIM_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "fuzz_plan.h"
#include "host.h"
#include "system_config.h"

typedef enum {
	SIM_OUTCOME_SHUTDOWN,
	SIM_OUTCOME_DEADLOCK,
	SIM_OUTCOME_IDLE,
	SIM_OUTCOME_TIME_LIMIT,
} sim_outcome_t;

struct scenario_expect {
	sim_outcome_t outcome; /* default: shutdown */
	uint32_t exit_status;  /* with outcome shutdown; default 0 */
	char **console;        /* each must appear in one console line, in this order */
	size_t console_count;
	uint64_t max_virtual_time; /* 0 = no limit beyond the run's time limit */
};

/* `fuzz`: run the system with pwsim's fuzz driver in place of the target's
 * initiator, on one input (docs/fuzzing.md). */
struct scenario_fuzz {
	char *target; /* "PROCESS/OBJECT"; NULL: the scenario has no fuzz key */
	struct fuzz_plan plan;
	char *input;              /* resolved path of the input file; NULL: none given */
	uint64_t response_budget; /* ns; 0: the default */
	bool isolation_set;       /* fuzz.isolation given: it overrides the scenario's */
	host_isolation_t isolation;
};

struct scenario {
	char *path;
	char *system_path;
	struct cfg_system system;
	char **images; /* resolved image path per process (system.processes order) */
	/* How to simulate: the scenario's cost model, limits and isolation,
	 * over host_options_default(). A run adds seed, trace and console. */
	struct host_options sim;
	/* Kernel boot options (pwk_system_desc.options, PWK_BOOT_*): the
	 * scenario's `exact_deadlines`. 0 is pw_kernel's behaviour. */
	uint32_t kernel_options;
	struct scenario_expect expect;
	struct host_injection *faults; /* what to inject (hal-host applies them) */
	size_t fault_count;
	char **fault_texts;
	struct scenario_fuzz fuzz;
};

#define SCENARIO_FAULTS_MAX 64

/* Directories searched for images after the scenario's own directory
 * (pwsim run/replay/sweep/check --image-dir DIR). */
struct scenario_search {
	const char *const *image_dirs;
	size_t image_dir_count;
};

/* A file `name` of the scenario in `scenario_dir`: relative to that
 * directory, else in each search directory DIR as DIR/name or, for build
 * trees, DIR/<the scenario directory's last k folders>/name. Returns the
 * path (malloc'd) or NULL with `looked` listing the places tried. */
char *scenario_find_file(const char *scenario_dir, const struct scenario_search *search,
			 const char *name, char *looked, size_t looked_cap);

/* Loads `path`, its system.json5 and resolves every image. Errors are
 * reported through `d` (path:line:col); returns false on any. */
bool scenario_load(const char *path, const struct scenario_search *search, struct scenario *s,
		   struct diag *d);
/* As scenario_load, but the images' process names are checked and no file
 * is looked for (a board run boots one image of its own): s->images keeps
 * the names as written. */
bool scenario_load_without_images(const char *path, struct scenario *s, struct diag *d);
void scenario_free(struct scenario *s);

/* Whether a parsed JSON5 document looks like a scenario (it names a system). */
struct json5_value;
bool scenario_is_scenario(const struct json5_value *root);

const char *sim_outcome_name(sim_outcome_t o);

/* scenario_fuzz.c: parses the `fuzz` object against s->system; `dir` is
 * the directory of the file it is in (the input is relative to it). */
bool scenario_parse_fuzz(const struct json5_value *fuzz, const char *dir, struct scenario *s,
			 struct diag *d);

/* scenario_faults.c: parses the `faults` list against s->system. */
bool scenario_parse_faults(const struct json5_value *list, struct scenario *s, struct diag *d);

#endif
