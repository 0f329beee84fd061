/* SPDX-License-Identifier: Apache-2.0 */
/*
 * boot.h — the system description the kernel was booted with.
 */
#ifndef PWK_BOOT_H
#define PWK_BOOT_H

#include <pwk/system.h>

#include "assert.h"

/* Written by pwk_boot() only; read through pwk__system() (inline: every
 * handle lookup and buffer check asks). */
extern PWK__SHARED const struct pwk_system_desc *pwk__booted;

/* The description passed to the last successful pwk_boot(). */
static inline const struct pwk_system_desc *pwk__system(void)
{
	return pwk__booted;
}

#endif /* PWK_BOOT_H */
