/*
 * host.h — hal-host's interface to the simulator: set up a machine (regions,
 * images, options), run a booted kernel on it until it ends, and read what
 * happened. hal-host implements pwk/hal.h for the kernel; this header is for
 * sim/ and tests only.
 *
 * There is one machine per host process (kernel-core's state is global):
 * host_machine_reset() starts a new one, host_machine_release() frees it.
 */
#ifndef PWK_HAL_HOST_HOST_H
#define PWK_HAL_HOST_HOST_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <pwk/system.h>

typedef enum {
	HOST_ISOLATION_NONE,     /* kernel buffer checks only */
	HOST_ISOLATION_MPROTECT, /* only the running process's region is accessible */
	/* As none, and the link page names the gates' host addresses: no host
	 * syscall per kernel entry, but process code can find and reach
	 * pwsim's memory from them (hidden_gate.c). For code one trusts. */
	HOST_ISOLATION_TRUSTED,
	/* As mprotect, by protection keys (pkeys.c): a switch is one WRPKRU.
	 * Needs a CPU with them, at most 14 processes, and images whose flash
	 * holds no byte sequence of WRPKRU or XRSTOR. Another process's code
	 * can be run (keys govern data accesses), never read or written. */
	HOST_ISOLATION_PKEYS,
} host_isolation_t;

/* The modes' names, as options and scenario files write them: "none",
 * "mprotect", "trusted", "pkeys". Parse: false (and *out untouched) for any other
 * name. */
bool host_isolation_parse(const char *name, host_isolation_t *out);
/* The names for messages (keep with options.c's table): as a choice, as
 * a choice of JSON strings, and for a usage line. */
#define HOST_ISOLATION_CHOICES        "none, mprotect, pkeys or trusted"
#define HOST_ISOLATION_CHOICES_QUOTED "\"none\", \"mprotect\", \"pkeys\" or \"trusted\""
#define HOST_ISOLATION_USAGE          "none|mprotect|pkeys|trusted"
const char *host_isolation_name(host_isolation_t isolation);

struct pwk_trace_record;

/* Faults a scenario injects (docs/scenario-reference.md, "faults"). */
typedef enum {
	HOST_INJECT_KILL,   /* terminate `process` (exit TerminatedByKernel) */
	HOST_INJECT_FAULT,  /* `process` faults (exit UnhandledException(0)) */
	HOST_INJECT_DROP,   /* the triggering syscall is swallowed: returns OK, does nothing */
	HOST_INJECT_DELAY,  /* the triggering syscall completes `amount` ns later */
	HOST_INJECT_IRQ,    /* interrupt line `irq` fires */
	HOST_INJECT_STARVE, /* `thread` is held off the CPU for `amount` ns */
} host_inject_action_t;

struct host_injection {
	/* trigger: at virtual time `at`, or (on_syscall) at the nth time
	 * process `process` makes syscall `syscall` */
	bool on_syscall;
	uint64_t at;
	uint32_t syscall;
	uint32_t nth;
	uint32_t times; /* syscall triggers: matches acted on from the nth; 0 = all */
	host_inject_action_t action;
	uint32_t process; /* PWK_NONE when the action needs none */
	uint32_t thread;  /* global index (STARVE) */
	uint32_t irq;
	uint64_t amount;
	const char *what; /* how the scenario says it, for reports */
};

/* Receives every trace record of a run with its virtual time. */
typedef void (*host_trace_fn)(void *ctx, uint64_t time, const struct pwk_trace_record *record);

struct host_options {
	host_isolation_t isolation;
	uint64_t syscall_cost;   /* virtual ticks (ns) each syscall costs */
	uint64_t block_cost;     /* virtual ns each basic block of user code costs */
	uint64_t tick_period;    /* scheduler tick (time slice) in ticks; 0 = none */
	uint64_t time_limit;     /* end the run when virtual time passes it */
	uint64_t seed;           /* 0: the plain schedule; else perturbs preemption points */
	uint64_t preempt_window; /* seeded preemptions fall within this many blocks */
	uint64_t delay_max;      /* seeded extra ns a syscall may take (injected delay) */
	FILE *console;           /* where prefixed console lines go (NULL: nowhere) */
	host_trace_fn trace;     /* optional */
	void *trace_ctx;
	/* Wall seconds a thread may run user code without entering the kernel
	 * before the run is ended (code built without the basic-block counter,
	 * or that overwrote its budget); 0 = never. */
	unsigned watchdog_seconds;
	const struct host_injection *injections; /* optional, `injection_count` of them */
	size_t injection_count;
	/* Where "pwsim: fault: ..." lines go; NULL: stderr. pwsim fuzz
	 * silences them: its driver dies on purpose in many runs. */
	FILE *fault_report;
	/* Called by hal_panic after its report, before abort() (pwsim fuzz
	 * hands the run's input to libFuzzer's crash handling); optional. */
	void (*panic_hook)(void);
};

void host_options_default(struct host_options *opts);

typedef enum {
	HOST_OUTCOME_SHUTDOWN,   /* debug_shutdown(code) */
	HOST_OUTCOME_DEADLOCK,   /* every thread blocked with no deadline pending */
	HOST_OUTCOME_IDLE,       /* every thread has exited; nothing can run again */
	HOST_OUTCOME_TIME_LIMIT, /* virtual time passed options.time_limit */
	HOST_OUTCOME_WATCHDOG,   /* user code stopped entering the kernel (see watchdog) */
	HOST_OUTCOME_BOOT_FAILED,
} host_outcome_kind_t;

struct host_outcome {
	host_outcome_kind_t kind;
	uint32_t code; /* SHUTDOWN: the status; BOOT_FAILED: the pwk_status_t */
	uint64_t end_time;
	uint64_t syscalls;
	uint64_t blocks; /* basic blocks of user code run */
	uint32_t faults;
	uint64_t trace_digest; /* FNV-1a over every trace record and console byte */
};

/* Starts a new machine with `opts` (copied). Frees any previous one. */
void host_machine_reset(const struct host_options *opts);

/* --- process regions --------------------------------------------------------- */

struct host_region_info {
	uintptr_t flash_start, flash_size; /* user addresses */
	uintptr_t ram_start, ram_size;
};

/* Creates the region of process `process` (indexes from 0, in order):
 * `flash_size` and `ram_size` are rounded up to whole pages. Returns false
 * with a message in `err` when the host cannot provide it. */
bool host_region_create(uint32_t process, uint64_t flash_size, uint64_t ram_size,
			struct host_region_info *info, char *err, size_t err_cap);

/* A PIE ELF image file's contents, read once per load: the loader and
 * pwsim's own checks of the image (sim/image_elf.h) all read these bytes. */
struct host_image_file {
	uint8_t *bytes; /* exactly `len` bytes (ASan sees reads past the end) */
	size_t len;
};
/* Reads the image at `path`; errors name the file. Free with
 * host_image_file_free() (also after a failed read). */
bool host_image_read(const char *path, struct host_image_file *file, char *err, size_t err_cap);
void host_image_file_free(struct host_image_file *file);

/* Loads `file`, the image read from `path` (named in errors), into process
 * `process`'s region. */
struct host_image_info {
	uintptr_t entry;
	uintptr_t load_base;  /* user address of the image's vaddr 0 */
	uintptr_t flash_used; /* bytes of flash the code and constants use */
	uintptr_t ram_used;   /* bytes at the start of RAM (data + bss) */
};
bool host_image_load(uint32_t process, const char *path, const struct host_image_file *file,
		     struct host_image_info *info, char *err, size_t err_cap);

/* The value a process's main thread gets in a1: the user address of its
 * struct pwk_host_link (in the process's own region). */
uintptr_t host_process_start_arg(uint32_t process);

/* --- running ------------------------------------------------------------------ */

/* Boots `system` (pwk_boot) and runs it (pwk_run) until it ends. A
 * function of its own, by this name, in every build: `pwsim run --gdb`
 * writes `tbreak host_machine_run` (docs/debugging.md), and the link-time
 * optimisation of the release build would otherwise inline it into its one
 * caller and drop the symbol. */
#if defined(__clang__)
#define HOST_KEEP_SYMBOL __attribute__((noinline)) /* clang: no LTO here (the fuzz targets) */
#else
#define HOST_KEEP_SYMBOL __attribute__((noinline, externally_visible))
#endif
HOST_KEEP_SYMBOL struct host_outcome host_machine_run(const struct pwk_system_desc *system);

/* Every console line of the run so far, each "[process/thread] text\n". */
const char *host_console_text(void);

/* Writes each thread's state (for deadlock and limit reports). */
void host_report_threads(FILE *out);

/* Starts a new run of the system whose regions and images are loaded:
 * like host_machine_reset() followed by the same host_region_create() and
 * host_image_load() calls, without unmapping or loading anything
 * (snapshot.c). host_machine_run() boots it again. */
void host_machine_rewind(const struct host_options *opts);

/* Changes the loaded image's initial RAM (data or bss) of `process` at
 * user address `uaddr`: every later rewind and process start begins with
 * these bytes, as if the image had been built with them (pwsim fuzz writes
 * each input into its driver this way). False when the range is not in
 * the image's data and bss. */
bool host_snapshot_patch_ram(uint32_t process, uintptr_t uaddr, const void *bytes, size_t len);

/* --- coverage (pwsim fuzz) ------------------------------------------------- */

/* Gives process `process` (its region created) a coverage map: the budget
 * hook then counts its control-flow edges there (userspace/host_link.h has
 * the layout). Lives as long as the region; every rewind zeroes it. */
bool host_coverage_attach(uint32_t process, char *err, size_t err_cap);

/* The map of process `process` (PWK_HOST_COVERAGE_MAP_BYTES counters,
 * readable and writable by the caller at any time), or NULL. */
uint8_t *host_coverage_map(uint32_t process);

/* Unmaps regions and frees stacks. */
void host_machine_release(void);

/* hal-host installs its signal handlers (faults, fatal signals, the
 * watchdog's SIGALRM) at the first reset and keeps them from one run to
 * the next. Code that changes those signals' dispositions between runs
 * (pwsim fuzz hands them to libFuzzer) calls this: the next reset installs
 * them again. */
void host_signals_forget(void);

#endif
