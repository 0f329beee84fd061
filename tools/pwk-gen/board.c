/* SPDX-License-Identifier: Apache-2.0 */
/*
 * board.c — board_memory.h's lists as tables pwk-gen can search.
 */
#include "board.h"

#include <inttypes.h>
#include <string.h>

#include "board_memory.h"
#include "pmp.h"

enum board_id {
#define BOARD_ID(id, name, base, size, pmp, g) BOARD_##id,
	PWK_BOARD_LIST(BOARD_ID)
#undef BOARD_ID
	BOARD_COUNT
};

#define BOARD_PMP_FITS(id, name, base, size, pmp, g)                                               \
	_Static_assert(pmp <= PWKGEN_PMP_CAPACITY, name ": more PMP entries than pwk-gen "         \
							"encodes");
PWK_BOARD_LIST(BOARD_PMP_FITS)
#undef BOARD_PMP_FITS

static const struct pwkgen_board boards[BOARD_COUNT] = {
#define BOARD_ROW(id, name, base, size, pmp, g) {name, base, size, pmp, g, BOARD_##id},
	PWK_BOARD_LIST(BOARD_ROW)
#undef BOARD_ROW
};

static const struct device {
	enum board_id board;
	const char *name;
	uint64_t base, size;
} devices[] = {
#define DEVICE_ROW(id, name, base, size) {BOARD_##id, name, base, size},
	PWK_BOARD_DEVICE_LIST(DEVICE_ROW)
#undef DEVICE_ROW
};

const struct pwkgen_board *pwkgen_board_find(const char *name)
{
	for (size_t b = 0; b < BOARD_COUNT; b++) {
		if (strcmp(boards[b].name, name) == 0) {
			return &boards[b];
		}
	}
	return NULL;
}

void pwkgen_board_list(FILE *out)
{
	for (size_t b = 0; b < BOARD_COUNT; b++) {
		fprintf(out, "%s%s", b ? ", " : "", boards[b].name);
	}
}

void pwkgen_board_devices(const struct pwkgen_board *b, char *buf, size_t cap)
{
	size_t n = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(devices) / sizeof(devices[0]) && n < cap; i++) {
		if (devices[i].board != (enum board_id)b->id) {
			continue;
		}
		n += (size_t)snprintf(buf + n, cap - n, "%s%s 0x%08" PRIx64 "+0x%" PRIx64,
				      n ? ", " : "", devices[i].name, devices[i].base,
				      devices[i].size);
	}
	if (n == 0) {
		snprintf(buf, cap, "none");
	}
}
