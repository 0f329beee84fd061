/*
 * test_pkeys.c — isolation pkeys (hal-host/pkeys.c), through pwsim: where
 * the host offers protection keys, a run is the run isolation mprotect
 * gives (console, status, fault reports, trace digest), a stray write into
 * another process faults the writer, and an image whose flash holds the
 * bytes of wrpkru or xrstor is refused, saying where (isolation none and
 * mprotect take it); where it offers none, asking for the mode is a clear
 * error.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host_pkeys.h"
#include "pwsim_child.h"

static struct pwsim_result run(const char *scenario, const char *isolation, const char *seed)
{
	const char *argv[] = {"run", scenario, "--isolation", isolation, "--seed", seed, NULL};
	return pwsim_run(argv);
}

/* Everything a user sees but the time pwsim took. */
static void assert_same_run(const char *scenario, const char *seed)
{
	struct pwsim_result m = run(scenario, "mprotect", seed);
	struct pwsim_result k = run(scenario, "pkeys", seed);
	cr_assert_eq(k.status, m.status, "%s seed %s: status %d in pkeys, %d in mprotect\n%s",
		     scenario, seed, k.status, m.status, k.err);
	cr_assert_str_eq(k.out, m.out, "%s seed %s: the console differs", scenario, seed);
	cr_assert_str_eq(k.err, m.err, "%s seed %s: the reports differ", scenario, seed);
	cr_assert(strstr(k.err, "trace digest ") != NULL, "%s", k.err);
	pwsim_result_free(&m);
	pwsim_result_free(&k);
}

Test(pkeys, a_run_is_the_run_isolation_mprotect_gives)
{
	if (!host_has_pkeys()) {
		cr_skip_test(HOST_PKEYS_NONE_HERE);
	}
	const char *const scenarios[] = {
		"scenarios/uppercase/scenario.json5",
		"scenarios/pw_kernel/ipc/scenario.json5",
		"scenarios/pw_kernel/process_termination/scenario.json5",
		"tests/sim/hostile/probe_only.json5",
		"tests/sim/hostile/illegal.json5",
		"tests/sim/faults/fault_handler.json5",
	};
	for (size_t i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++) {
		assert_same_run(scenarios[i], "0");
		assert_same_run(scenarios[i], "7");
	}
}

Test(pkeys, a_write_into_another_process_faults_the_writer)
{
	if (!host_has_pkeys()) {
		cr_skip_test(HOST_PKEYS_NONE_HERE);
	}
	struct pwsim_result r = run("tests/sim/hostile/wild_write.json5", "pkeys", "0");
	cr_assert_eq(r.status, 0, "%s\n%s", r.out, r.err);
	assert_contains(r.err, "fault: process 'attacker' thread 'attacker_thread': SIGSEGV (bad "
			       "memory access) at address 0x5000");
	assert_contains(r.out, "victim: secret intact");
	cr_assert(strstr(r.out, "attacker: still running") == NULL, "%s", r.out);
	pwsim_result_free(&r);
	assert_same_run("tests/sim/hostile/wild_write.json5", "0");
}

/* The escape attacker (tests/sim/escape) runs xrstor in its instruction
 * soup: its own image is refused as it is built. */
Test(pkeys, an_image_that_could_write_pkru_is_refused_saying_where)
{
	if (!host_has_pkeys()) {
		cr_skip_test(HOST_PKEYS_NONE_HERE);
	}
	struct pwsim_result r = run("tests/sim/escape/fpu_control.json5", "pkeys", "0");
	cr_assert_neq(r.status, 0, "%s\n%s", r.out, r.err);
	assert_contains(r.err, "pwsim: process 'attacker': cannot load image: ");
	assert_contains(r.err, "attacker.elf: flash+0x");
	assert_contains(r.err, " holds the bytes of xrstor (0f ae /5), which would let the process "
			       "change its own protection keys: isolation pkeys refuses such an "
			       "image");
	assert_contains(r.err, "use isolation mprotect");
	cr_assert(strstr(r.out, "attacker:") == NULL, "nothing of it ran:\n%s", r.out);
	pwsim_result_free(&r);

	/* The same image runs in isolation mprotect. */
	struct pwsim_result m = run("tests/sim/escape/fpu_control.json5", "mprotect", "0");
	cr_assert_eq(m.status, 0, "%s\n%s", m.out, m.err);
	pwsim_result_free(&m);
}

/* Copies `from` (in the build tree) to `to`, with the first occurrence of
 * `text` overwritten by `bytes`. */
static void copy_patched(const char *from, const char *to, const char *text, const char *bytes,
			 size_t len)
{
	FILE *in = fopen(from, "rb");
	cr_assert_not_null(in, "%s", from);
	static char image[4 << 20];
	size_t n = fread(image, 1, sizeof(image), in);
	fclose(in);
	char *at = memmem(image, n, text, strlen(text));
	cr_assert_not_null(at, "no \"%s\" in %s", text, from);
	memcpy(at, bytes, len);
	FILE *out = fopen(to, "wb");
	cr_assert_not_null(out, "%s", to);
	cr_assert_eq(fwrite(image, 1, n, out), n);
	fclose(out);
}

static void copy_file(const char *from, const char *to)
{
	copy_patched(from, to, "", "", 0);
}

/* A string of the hostile attacker's rodata (in flash), patched into the
 * bytes of wrpkru: data the process never executes is refused too. */
Test(pkeys, wrpkru_bytes_in_flash_data_are_refused)
{
	if (!host_has_pkeys()) {
		cr_skip_test(HOST_PKEYS_NONE_HERE);
	}
	char dir[256], path[512], from[512];
	temp_dir_make(dir, sizeof(dir), "pwk-pkeys");
	const char *const copied[] = {"system.json5", "illegal.json5"};
	for (size_t i = 0; i < 2; i++) {
		snprintf(from, sizeof(from), "%s/tests/sim/hostile/%s", PWK_SOURCE_ROOT, copied[i]);
		snprintf(path, sizeof(path), "%s/%s", dir, copied[i]);
		copy_file(from, path);
	}
	snprintf(from, sizeof(from), "%s/tests/sim/hostile/victim_illegal.elf", PWK_BUILD_ROOT);
	snprintf(path, sizeof(path), "%s/victim_illegal.elf", dir);
	copy_file(from, path);
	snprintf(from, sizeof(from), "%s/tests/sim/hostile/attacker.elf", PWK_BUILD_ROOT);
	snprintf(path, sizeof(path), "%s/attacker.elf", dir);
	copy_patched(from, path, "attacker: executing an illegal", "\x0f\x01\xef", 3);

	snprintf(path, sizeof(path), "%s/illegal.json5", dir);
	struct pwsim_result r = run(path, "pkeys", "0");
	cr_assert_eq(r.status, 2, "%s\n%s", r.out, r.err);
	assert_contains(r.err, "attacker.elf: flash+0x");
	assert_contains(r.err,
			" holds the bytes of wrpkru (0f 01 ef), which would let the process");
	pwsim_result_free(&r);
	/* Isolation mprotect runs it (the attacker's log line is garbled). */
	struct pwsim_result m = run(path, "mprotect", "0");
	cr_assert_eq(m.status, 0, "%s\n%s", m.out, m.err);
	assert_contains(m.out, "victim: secret intact");
	pwsim_result_free(&m);
	temp_dir_remove(dir);
}

/* In isolation none and mprotect an image whose flash holds xrstor (the
 * escape attacker's soup) is accepted; where the CPU has keys it turns the
 * key gate off for the run (hal-host/pkeys.c), and the slack stubs keep
 * the gate's address hidden all the same. */
Test(pkeys, none_and_mprotect_accept_an_image_that_could_write_pkru)
{
	const char *const modes[] = {"none", "mprotect"};
	for (size_t m = 0; m < 2; m++) {
		struct pwsim_result r = run("tests/sim/escape/read_gate.json5", modes[m], "0");
		cr_assert_eq(r.status, 0, "%s: %s\n%s", modes[m], r.out, r.err);
		assert_contains(r.out, "attacker: the gate is inside its region");
		assert_contains(r.out, "victim: secret intact");
		pwsim_result_free(&r);
	}
}

Test(pkeys, without_protection_keys_the_mode_is_a_clear_error)
{
	if (host_has_pkeys()) {
		cr_skip_test("this host offers protection keys: the error is not reachable");
	}
	struct pwsim_result r = run("scenarios/uppercase/scenario.json5", "pkeys", "0");
	cr_assert_neq(r.status, 0, "%s\n%s", r.out, r.err);
	assert_contains(r.err, "isolation pkeys needs protection keys, which this CPU or kernel");
	assert_contains(r.err, "does not offer");
	assert_contains(r.err, "use isolation mprotect");
	pwsim_result_free(&r);
}
