/* SPDX-License-Identifier: Apache-2.0 */
/*
 * pmp_check.c — every process's regions must fit in the board's PMP
 * entries; the message lists what each region costs, so the fix is clear.
 */
#include <inttypes.h>
#include <string.h>

#include "target.h"

static const char *region_name(const struct cfg_process *p, uint32_t r)
{
	return r == 0 ? "flash" : r == 1 ? "ram" : p->mappings[r - 2].name;
}

/* "flash 0x80000000+0x1000: 2, ram ...: 1, ..." — entries per region. */
static void describe_costs(const struct pwkgen_target *t, uint32_t p, char *buf, size_t cap)
{
	const struct pwk_process_desc *pd = &t->desc.desc.processes[p];
	const struct pwk_region_desc *regions = &t->desc.desc.regions[pd->first_region];
	struct pwkgen_pmp scratch;
	uint32_t before = 0;
	size_t n = 0;
	buf[0] = '\0';
	for (uint32_t r = 0; r < pd->region_count && n < cap; r++) {
		uint32_t upto = pwkgen_pmp_encode(regions, r + 1, &scratch);
		n += (size_t)snprintf(buf + n, cap - n, "%s%s 0x%08" PRIx64 "+0x%" PRIx64 ": %u",
				      r ? ", " : "", region_name(&t->sys.processes[p], r),
				      (uint64_t)regions[r].start, (uint64_t)regions[r].size,
				      upto - before);
		before = upto;
	}
}

bool pwkgen_pmp_check(struct pwkgen_target *t)
{
	bool ok = true;
	for (uint32_t p = 0; p < t->sys.process_count; p++) {
		const struct cfg_process *cp = &t->sys.processes[p];
		if (t->pmp[p].needed <= t->board->pmp_entries) {
			continue;
		}
		char costs[1024];
		describe_costs(t, p, costs, sizeof(costs));
		pwkgen_error_at(t, cp->pos, cp->mapping_count ? "memory_mappings" : NULL,
				"process \"%s\" needs %u PMP entries but %s has %u (%s): "
				"drop or merge memory mappings, or make regions naturally "
				"aligned powers of two (one NAPOT entry each)",
				cp->name, t->pmp[p].needed, t->board->name, t->board->pmp_entries,
				costs);
		ok = false;
	}
	return ok;
}
