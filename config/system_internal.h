/* SPDX-License-Identifier: Apache-2.0 */
/*
 * system_internal.h — what the system.json5 loader's files share. Internal
 * to config/.
 *
 * Loading runs in stages, each in its own file:
 *   system_schema.c    root, arch and kernel; picks the schema generation
 *   system_app_map.c   2025 schema: apps keyed by name, one process each
 *   system_app_list.c  apps list (seed-doc / early 2026 and current)
 *   system_objects.c   one object entry of any generation
 *   system_threads.c   threads: legacy `threads` arrays, thread objects
 *   system_constants.c app constants;  system_mappings.c  memory mappings
 *   system_validate.c  cross-checks between entries (names, threads, IRQs)
 *   system_links.c     channel initiator -> handler and process links
 *   system_layout.c    pw_kernel address assignment and size rules
 * Each stage reports every problem it can and carries on with what it could
 * read; the layout runs only on an error-free model.
 */
#ifndef PWK_CONFIG_SYSTEM_INTERNAL_H
#define PWK_CONFIG_SYSTEM_INTERNAL_H

#include "arena.h"
#include "json5.h"
#include "system_config.h"

/* Default kernel stack of a thread (pw_kernel KERNEL_STACK_SIZE_BYTES). */
#define CFG_KERNEL_STACK_DEFAULT 2048u
#define CFG_PRIORITY_DEFAULT     15u
#define CFG_PRIORITY_MAX         31u
/* Every supported arch has a 32-bit address space. */
#define CFG_ADDRESS_LIMIT        (UINT64_C(1) << 32)

struct cfg_loader {
	struct cfg_system *sys;
	struct diag *d;
	struct arena *arena;
	int errors_at_start; /* d->errors when loading began */
};

/* A name for messages, also when the entry had none. */
static inline const char *cfg_str(const char *s)
{
	return s != NULL ? s : "?";
}

/* Has this load reported an error yet? */
static inline bool cfg_failed(const struct cfg_loader *ld)
{
	return ld->d->errors != ld->errors_at_start;
}

/* Error/warning at a value, a member name or a stored position. */
void cfg_error(struct cfg_loader *ld, const struct json5_value *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void cfg_error_pos(struct cfg_loader *ld, struct cfg_pos at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void cfg_warning(struct cfg_loader *ld, const struct json5_value *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

struct cfg_pos cfg_pos_of(const struct json5_value *v);

/* "an object", "a string", ... for messages. */
const char *cfg_kind_name(json5_kind_t kind);

/* Checks that `v` is of `kind`; otherwise reports "<what> must be <kind>". */
bool cfg_expect(struct cfg_loader *ld, const struct json5_value *v, json5_kind_t kind,
		const char *what);

/* Reports duplicate member names, and members not in `allowed` (a
 * NULL-terminated list) unless `allowed` is NULL. `what` names the object
 * in messages ("process \"main\""). */
void cfg_check_members(struct cfg_loader *ld, const struct json5_value *obj, const char *what,
		       const char *const *allowed);

/* Typed fields of an object. Each returns false (after reporting when the
 * field is present but wrong, or required but missing) and leaves *out
 * untouched unless it succeeds. */
const struct json5_value *cfg_field(struct cfg_loader *ld, const struct json5_value *obj,
				    const char *key, bool required, const char *what);
bool cfg_get_string(struct cfg_loader *ld, const struct json5_value *obj, const char *key,
		    bool required, const char *what, char **out, struct cfg_pos *pos);
bool cfg_get_bool(struct cfg_loader *ld, const struct json5_value *obj, const char *key,
		  bool required, const char *what, bool *out);
/* A non-negative integer <= max; `why` completes "..., but <why>". */
bool cfg_get_uint(struct cfg_loader *ld, const struct json5_value *obj, const char *key,
		  bool required, const char *what, uint64_t max, const char *why, uint64_t *out);
/* A size in bytes: an integer in 1 .. 4 GiB. */
bool cfg_get_size(struct cfg_loader *ld, const struct json5_value *obj, const char *key,
		  bool required, const char *what, uint64_t *out);
/* An address: an integer in 0 .. 0xFFFFFFFF. */
bool cfg_get_address(struct cfg_loader *ld, const struct json5_value *obj, const char *key,
		     bool required, const char *what, uint64_t *out);
/* A name: a non-empty string. */
bool cfg_get_name(struct cfg_loader *ld, const struct json5_value *obj, const char *what,
		  char **out, struct cfg_pos *pos);

/* snprintf into the loader's arena. */
char *cfg_format(struct cfg_loader *ld, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Stages. */
bool cfg_schema_load(struct cfg_loader *ld, const struct json5_value *root);
void cfg_app_map_load(struct cfg_loader *ld, const struct json5_value *apps);
void cfg_app_list_load(struct cfg_loader *ld, const struct json5_value *apps);

/* Optional `constants` of an app and `memory_mappings` of a process
 * (v may be NULL). */
void cfg_constants_load(struct cfg_loader *ld, struct cfg_app *a, const struct json5_value *v,
			const char *what);
void cfg_mappings_load(struct cfg_loader *ld, struct cfg_process *p, const struct json5_value *v,
		       const char *what);

/* A process's objects from a list (map == false) or the 2025 map. */
void cfg_objects_load(struct cfg_loader *ld, struct cfg_process *p, const struct json5_value *objs,
		      bool map);
/* Fills p->objects[k] defaults (every index PWK_NONE). */
void cfg_object_init(struct cfg_object *o);
/* Appends the implicit `process` object (its slot is already allocated). */
void cfg_objects_add_implicit(struct cfg_loader *ld, struct cfg_process *p);

/* Threads of the `threads` array (legacy; `threads` may be NULL, which
 * cfg_threads_check reports as "no threads") and of thread objects. */
void cfg_threads_load_array(struct cfg_loader *ld, struct cfg_process *p,
			    const struct json5_value *threads, bool stack_required);
void cfg_threads_from_objects(struct cfg_loader *ld, struct cfg_process *p,
			      const struct json5_value *objs);
/* Appends the thread declared by thread object `object_index` (2026 schema). */
void cfg_thread_from_object(struct cfg_loader *ld, struct cfg_process *p,
			    const struct json5_value *v, uint32_t object_index, const char *what);
void cfg_threads_link_objects(struct cfg_loader *ld, struct cfg_process *p);
/* The per-process thread rules (>= 1 thread, one main thread). */
void cfg_threads_check(struct cfg_loader *ld, struct cfg_process *p);
/* Parses a priority ("Level7", "IDLE_PRIORITY", "DEFAULT_PRIORITY" or 0..31). */
bool cfg_get_priority(struct cfg_loader *ld, const struct json5_value *obj, const char *what,
		      uint32_t *out);

void cfg_validate(struct cfg_loader *ld);
/* Resolves initiator -> handler and process-object links (system_links.c). */
void cfg_links_resolve(struct cfg_loader *ld);
void cfg_layout(struct cfg_loader *ld);

#endif
