/* SPDX-License-Identifier: Apache-2.0 */
/*
 * pmp.c — PMP encoding (rules in pmp.h; pw_kernel arch/riscv/protection.rs
 * builds the same image at build time).
 */
#include "pmp.h"

#include <stdbool.h>
#include <string.h>

static bool is_napot(uint64_t start, uint64_t size)
{
	return size >= 8 && (size & (size - 1)) == 0 && start % size == 0;
}

static uint32_t permissions(uint32_t access)
{
	return ((access & PWK_ACCESS_R) ? PWKGEN_PMP_R : 0u) |
	       ((access & PWK_ACCESS_W) ? PWKGEN_PMP_W : 0u) |
	       ((access & PWK_ACCESS_X) ? PWKGEN_PMP_X : 0u);
}

/* Appends one entry; entries past the capacity are only counted. */
static void put(struct pwkgen_pmp *out, uint32_t *n, uint32_t cfg, uint64_t addr)
{
	if (*n < PWKGEN_PMP_CAPACITY) {
		out->cfg[*n / 4u] |= cfg << (8u * (*n % 4u));
		out->addr[*n] = (uint32_t)addr;
	}
	(*n)++;
}

uint32_t pwkgen_pmp_encode(const struct pwk_region_desc *regions, uint32_t count,
			   struct pwkgen_pmp *out)
{
	uint32_t n = 0;
	/* pmpaddr of the last entry when it can serve as the next TOR's base
	 * (a TOR or OFF entry); TOR entry 0 has base 0. */
	bool chained = true;
	uint64_t last_addr = 0;

	memset(out, 0, sizeof(*out));
	for (uint32_t i = 0; i < count; i++) {
		uint64_t start = regions[i].start, size = regions[i].size;
		uint32_t perm = permissions(regions[i].access);
		bool shared = chained && last_addr == start >> 2;
		if (!shared && is_napot(start, size)) {
			put(out, &n, PWKGEN_PMP_NAPOT | perm, start >> 2 | ((size >> 3) - 1));
			chained = false;
			continue;
		}
		if (!shared) {
			put(out, &n, PWKGEN_PMP_OFF, start >> 2);
		}
		last_addr = (start + size) >> 2;
		put(out, &n, PWKGEN_PMP_TOR | perm, last_addr);
		chained = true;
	}
	out->needed = n;
	return n;
}

uint32_t pwkgen_pmp_cfg(const struct pwkgen_pmp *pmp, uint32_t i)
{
	return (pmp->cfg[i / 4u] >> (8u * (i % 4u))) & 0xffu;
}
