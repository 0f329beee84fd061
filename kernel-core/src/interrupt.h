/* SPDX-License-Identifier: Apache-2.0 */
/*
 * interrupt.h — interrupt objects (pw_kernel §2.4): irq k of the object's
 * list raises PWK_SIGNAL_INTERRUPT(k); interrupt_ack lowers bits and lets the
 * acknowledged lines fire again.
 */
#ifndef PWK_INTERRUPT_H
#define PWK_INTERRUPT_H

#include "object.h"

struct pwk_interrupt;

/* Boot: empties the pool. */
void pwk__interrupt_reset_all(void);

/* Boot: a new interrupt object for object `index` declaring `irqs`. */
struct pwk_object *pwk__interrupt_create(uint32_t index, const uint32_t *irqs, uint32_t irq_count);

/* Boot: enables every declared line in the HAL. */
void pwk__interrupt_enable_all(void);

struct pwk_interrupt *pwk__interrupt_from_object(struct pwk_object *obj);

/* A line fired: raises its bit on the object that declared it (the last
 * declared one if several did, as pw_kernel's table does). Unknown lines are
 * ignored. */
void pwk__interrupt_fire(uint32_t irq);

/* interrupt_ack: lowers `mask` and acknowledges each line whose bit is in it. */
void pwk__interrupt_ack(struct pwk_interrupt *intr, pwk_signals_t mask);

#endif /* PWK_INTERRUPT_H */
