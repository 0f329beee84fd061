/* SPDX-License-Identifier: Apache-2.0 */
/*
 * interrupt.c — interrupt objects (pw_kernel §2.4). An interrupt raises the
 * object's bit and the line stays held off (in the controller, by the HAL)
 * until the user acknowledges it with interrupt_ack. Nothing is reset when
 * the owner is joined (§9.10).
 */
#include "interrupt.h"

#include "assert.h"
#include "limits.h"

struct pwk_interrupt {
	struct pwk_object obj;
	const uint32_t *irqs; /* irq k raises PWK_SIGNAL_INTERRUPT(k) */
	uint32_t irq_count;
};

static struct {
	struct pwk_interrupt objects[PWK_INTERRUPT_OBJECTS_MAX];
	uint32_t count;
} pool;

void pwk__interrupt_reset_all(void)
{
	pool.count = 0;
}

struct pwk_object *pwk__interrupt_create(uint32_t index, const uint32_t *irqs, uint32_t irq_count)
{
	PWK_ASSERT(pool.count < PWK_INTERRUPT_OBJECTS_MAX);
	PWK_ASSERT(irq_count <= PWK_SIGNAL_INTERRUPTS_MAX);
	PWK_ASSERT(irq_count == 0 || irqs != NULL);
	struct pwk_interrupt *intr = &pool.objects[pool.count++];
	pwk__object_init(&intr->obj, PWK_OBJECT_INTERRUPT, index, 0);
	intr->irqs = irqs;
	intr->irq_count = irq_count;
	return &intr->obj;
}

void pwk__interrupt_enable_all(void)
{
	for (uint32_t i = 0; i < pool.count; i++) {
		for (uint32_t k = 0; k < pool.objects[i].irq_count; k++) {
			hal_irq_enable(pool.objects[i].irqs[k]);
		}
	}
}

struct pwk_interrupt *pwk__interrupt_from_object(struct pwk_object *obj)
{
	PWK_ASSERT(obj->type == PWK_OBJECT_INTERRUPT);
	struct pwk_interrupt *intr = PWK_CONTAINER_OF(obj, struct pwk_interrupt, obj);
	PWK_ASSERT(intr >= &pool.objects[0] && intr < &pool.objects[pool.count]);
	return intr;
}

void pwk__interrupt_fire(uint32_t irq)
{
	for (uint32_t i = pool.count; i-- > 0;) {
		struct pwk_interrupt *intr = &pool.objects[i];
		for (uint32_t k = 0; k < intr->irq_count; k++) {
			if (intr->irqs[k] == irq) {
				pwk__object_signals_update(&intr->obj, 0, PWK_SIGNAL_INTERRUPT(k));
				return;
			}
		}
	}
}

void pwk__interrupt_ack(struct pwk_interrupt *intr, pwk_signals_t mask)
{
	PWK_ASSERT((mask & ~PWK_SIGNAL_MASK_VALID) == 0);
	/* RESERVED is never raised: there is nothing of it to clear. */
	pwk__object_signals_update(&intr->obj, mask & PWK_SIGNAL_VALID, 0);
	for (uint32_t k = 0; k < intr->irq_count; k++) {
		if ((mask & PWK_SIGNAL_INTERRUPT(k)) != 0) {
			hal_irq_ack(intr->irqs[k]);
		}
	}
	PWK_ASSERT((intr->obj.signals & mask) == 0);
}
