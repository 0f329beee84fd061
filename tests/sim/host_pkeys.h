/*
 * host_pkeys.h — whether this host offers protection keys (isolation
 * pkeys): a key can be allocated. Tests that need them skip, saying so,
 * where it offers none.
 */
#ifndef PWK_TESTS_SIM_HOST_PKEYS_H
#define PWK_TESTS_SIM_HOST_PKEYS_H

#include <stdbool.h>
#include <sys/mman.h>

static inline bool host_has_pkeys(void)
{
	int key = pkey_alloc(0, 0);
	if (key < 0) {
		return false;
	}
	pkey_free(key);
	return true;
}

#define HOST_PKEYS_NONE_HERE                                                                       \
	"this host offers no protection keys (pkey_alloc fails): isolation pkeys is not tried"

#endif
