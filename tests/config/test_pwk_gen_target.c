/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_pwk_gen_target.c — `pwk-gen handles --target`: a header for pwsim
 * carries no addresses (pwsim places regions itself), one for a board
 * carries the addresses pwk-gen links the process at, and the header
 * without --target is unchanged (system.json5's addresses).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_test.h"

#define UPPERCASE PWK_SOURCE_ROOT "/scenarios/uppercase/system.json5"
#define UART      "real/pigweed-2026__qemu_virt_riscv32__uart__user__system.json5"

/* stdout of `pwk-gen ARGS` (exit status 0 asserted). */
static char *pwk_gen(const char *args)
{
	char cmd[4096];
	snprintf(cmd, sizeof(cmd), "%s %s", PWK_GEN_PATH, args);
	FILE *p = popen(cmd, "r");
	cr_assert_not_null(p);
	char *text = NULL;
	size_t cap = 0;
	ssize_t n = getdelim(&text, &cap, '\0', p);
	cr_assert_eq(pclose(p), 0, "%s failed", cmd);
	cr_assert(n > 0);
	return text;
}

Test(pwk_gen_target, host_header_has_region_sizes_and_no_addresses)
{
	char args[4096];
	snprintf(args, sizeof(args), "handles %s test_uart_listener - --target host",
		 data_path(UART));
	char *h = pwk_gen(args);
	cr_expect(strstr(h, "_START_ADDRESS") == NULL, "%s", h);
	cr_expect(strstr(h, "MAPPING_UART0") == NULL, "pwsim maps no devices:\n%s", h);
	cr_expect(strstr(h, "#define MAPPING_RAM_SIZE ") != NULL, "%s", h);
	cr_expect(strstr(h, "#define HANDLE_UART_INTERRUPTS 0u\n") != NULL, "%s", h);
	free(h);
}

Test(pwk_gen_target, board_header_has_the_addresses_the_process_is_linked_at)
{
	char *h = pwk_gen("handles " UPPERCASE
			  " initiator - --target rv32 --board qemu-virt --place board");
	char *ld =
		pwk_gen("ld-process " UPPERCASE " initiator --board qemu-virt --place board -o -");
	const char *at = strstr(h, "#define MAPPING_RAM_START_ADDRESS 0x");
	cr_assert_not_null(at, "%s", h);
	unsigned long ram = strtoul(at + strlen("#define MAPPING_RAM_START_ADDRESS "), NULL, 16);
	char origin[64];
	snprintf(origin, sizeof(origin), "RAM (rw) : ORIGIN = 0x%08lx,", ram);
	cr_expect(strstr(ld, origin) != NULL, "no %s in\n%s", origin, ld);
	free(h);
	free(ld);
}

Test(pwk_gen_target, header_without_target_keeps_the_config_addresses)
{
	char *h = pwk_gen("handles " UPPERCASE " initiator -");
	cr_expect(strstr(h, "#define MAPPING_RAM_START_ADDRESS 0x81010000u\n") != NULL, "%s", h);
	free(h);
}

Test(pwk_gen_target, unknown_target_is_a_usage_error)
{
	char cmd[4096];
	snprintf(cmd, sizeof(cmd), "%s handles %s initiator - --target riscv 2>/dev/null",
		 PWK_GEN_PATH, UPPERCASE);
	int ws = system(cmd);
	cr_assert(WIFEXITED(ws) && WEXITSTATUS(ws) == 2);
}
