/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_pwk_gen_pmp.c — the PMP images pwk-gen writes into veer_process_pmp:
 * TOR with and without a shared boundary, NAPOT, permissions, and what
 * happens when the regions need more entries than the board has.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "config_test.h"
#include "pmp.h"
#include "target.h"

#define RX (PWK_ACCESS_R | PWK_ACCESS_X)
#define RW (PWK_ACCESS_R | PWK_ACCESS_W)

static struct pwkgen_pmp pmp;

Test(pwk_gen_pmp, unaligned_region_takes_an_off_base_then_a_tor_top)
{
	struct pwk_region_desc r[] = {{0x80000010u, 0x100u, RX}};
	cr_assert_eq(pwkgen_pmp_encode(r, 1, &pmp), 2);
	cr_expect_eq(pwkgen_pmp_cfg(&pmp, 0), PWKGEN_PMP_OFF);
	cr_expect_eq(pmp.addr[0], 0x80000010u >> 2);
	cr_expect_eq(pwkgen_pmp_cfg(&pmp, 1), PWKGEN_PMP_TOR | PWKGEN_PMP_R | PWKGEN_PMP_X);
	cr_expect_eq(pmp.addr[1], 0x80000110u >> 2);
}

Test(pwk_gen_pmp, tor_region_starting_where_the_previous_ends_shares_its_boundary)
{
	struct pwk_region_desc r[] = {{0x80000010u, 0x100u, RX}, {0x80000110u, 0x60u, RW}};
	cr_assert_eq(pwkgen_pmp_encode(r, 2, &pmp), 3, "one OFF, two TOR");
	cr_expect_eq(pwkgen_pmp_cfg(&pmp, 2), PWKGEN_PMP_TOR | PWKGEN_PMP_R | PWKGEN_PMP_W);
	cr_expect_eq(pmp.addr[2], 0x80000170u >> 2);
	cr_expect_eq(pmp.cfg[0], 0x000b0d00u);
}

Test(pwk_gen_pmp, region_at_address_zero_in_entry_zero_needs_no_base)
{
	struct pwk_region_desc r[] = {{0, 0x30u, RW}};
	cr_assert_eq(pwkgen_pmp_encode(r, 1, &pmp), 1);
	cr_expect_eq(pwkgen_pmp_cfg(&pmp, 0), PWKGEN_PMP_TOR | PWKGEN_PMP_R | PWKGEN_PMP_W);
	cr_expect_eq(pmp.addr[0], 0x30u >> 2);
}

Test(pwk_gen_pmp, naturally_aligned_power_of_two_takes_one_napot_entry)
{
	struct pwk_region_desc r[] = {{0x81010000u, 0x4000u, RW}, {0x100u, 8u, RX}};
	cr_assert_eq(pwkgen_pmp_encode(r, 2, &pmp), 2);
	cr_expect_eq(pwkgen_pmp_cfg(&pmp, 0), PWKGEN_PMP_NAPOT | PWKGEN_PMP_R | PWKGEN_PMP_W);
	cr_expect_eq(pmp.addr[0], (0x81010000u >> 2) | 0x7ffu, "%08x", pmp.addr[0]);
	cr_expect_eq(pmp.addr[1], 0x100u >> 2, "8 bytes: no mask bits");
	cr_expect_eq(pwkgen_pmp_cfg(&pmp, 1), PWKGEN_PMP_NAPOT | PWKGEN_PMP_R | PWKGEN_PMP_X);
}

Test(pwk_gen_pmp, napot_entry_is_no_base_for_the_next_tor)
{
	struct pwk_region_desc r[] = {{0x1000u, 0x1000u, RW}, {0x2000u, 0x30u, RW}};
	cr_assert_eq(pwkgen_pmp_encode(r, 2, &pmp), 3);
	cr_expect_eq(pwkgen_pmp_cfg(&pmp, 1), PWKGEN_PMP_OFF);
	cr_expect_eq(pmp.addr[1], 0x2000u >> 2);
}

Test(pwk_gen_pmp, unused_entries_are_off_and_no_entry_is_locked)
{
	struct pwk_region_desc r[] = {{0x80000010u, 0x100u, RX}, {0x81000000u, 0x400u, RW}};
	uint32_t n = pwkgen_pmp_encode(r, 2, &pmp);
	for (uint32_t i = 0; i < PWKGEN_PMP_CAPACITY; i++) {
		cr_expect_eq(pwkgen_pmp_cfg(&pmp, i) & 0x80u, 0, "entry %u locked", i);
		if (i >= n) {
			cr_expect_eq(pwkgen_pmp_cfg(&pmp, i), 0);
			cr_expect_eq(pmp.addr[i], 0);
		}
	}
}

Test(pwk_gen_pmp, regions_beyond_sixteen_entries_are_counted_not_written)
{
	struct pwk_region_desc r[9];
	for (uint32_t i = 0; i < 9; i++) {
		r[i] = (struct pwk_region_desc){0x10000000u + i * 0x1000u, 0x60u, RW};
	}
	cr_assert_eq(pwkgen_pmp_encode(r, 9, &pmp), 18);
	cr_expect_eq(pmp.needed, 18);
	cr_expect_eq(pmp.addr[15], (0x10007000u + 0x60u) >> 2, "entry 15: region 7's top");
}

Test(pwk_gen_pmp, too_many_entries_is_an_error_naming_the_process_and_its_regions)
{
	struct capture cap;
	struct pwkgen_target t;
	char *path = strdup(data_path("bad_board/pmp_too_many.json5"));

	capture_begin(&cap, path);
	cr_assert_not(pwkgen_target_open(&t, path, pwkgen_board_find("qemu-virt"),
					 PWKGEN_PLACE_CONFIG, cap.f));
	pwkgen_target_close(&t);
	const char *out = capture_text(&cap);
	cr_expect(strstr(out, "process \"main\" needs 18 PMP entries but qemu-virt has 16") != NULL,
		  "%s", out);
	cr_expect(strstr(out, "dev7 0x10007000+0x60: 2") != NULL, "%s", out);
	cr_expect(strstr(out, "ram 0x81008000+0x400: 1") != NULL, "%s", out);
	capture_free(&cap);
	free(path);
}
