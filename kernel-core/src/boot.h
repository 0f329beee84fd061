/* SPDX-License-Identifier: Apache-2.0 */
/*
 * boot.h — the system description the kernel was booted with.
 */
#ifndef PWK_BOOT_H
#define PWK_BOOT_H

#include <pwk/system.h>

/* The description passed to the last successful pwk_boot(). */
const struct pwk_system_desc *pwk__system(void);

#endif /* PWK_BOOT_H */
