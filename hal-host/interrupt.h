/*
 * interrupt.h — interrupt points (clock.c): the deadline timer, the
 * scheduler tick, pending irqs and time-triggered injections are taken
 * when a thread is about to return to user mode, as a masked interrupt
 * would be taken right after mret on hardware. Also the inline question the
 * syscall gate asks on every return: is anything due at all?
 */
#ifndef PWK_HAL_HOST_INTERRUPT_H
#define PWK_HAL_HOST_INTERRUPT_H

#include <stdbool.h>

#include "inject.h"
#include "machine.h"

/* Delivers what is due. Called on the current thread's kernel stack just
 * before it returns to user mode. */
void host_interrupt_point(void);

/* Whether any line is pending at all: the common answer, no, without the
 * per-word scan on every syscall's way out. */
static inline bool host_any_irq_pending(void)
{
	return host.irq_pending_words != 0;
}

/* Whether host_interrupt_point() may have anything to do (false: it has
 * nothing): an injection that may be due, a pending irq, the deadline or
 * the tick reached. The same conditions as the point's own, so that the
 * gate's "no" needs no call. */
static inline bool host_interrupt_point_due(void)
{
	return host_inject_any() || host_any_irq_pending() || host.now >= host.armed ||
	       (host.opts.tick_period != 0 && host.now >= host.next_tick);
}

#endif
