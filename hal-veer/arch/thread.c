/* SPDX-License-Identifier: Apache-2.0 */
/*
 * thread.c — kernel stacks and kernel context switching: hal_thread_prepare
 * and hal_context_switch.
 *
 * Each thread runs the kernel on its own stack from veer_thread_stacks[]
 * (pwk_system.c). While the thread is in user mode that stack is empty
 * but for nothing: a trap builds its struct veer_frame at the very top. A
 * prepared thread's stack holds its initial user frame at the top and,
 * below it, a veer_switch context whose ra is veer_thread_first, so the
 * first switch to it mrets straight into user mode.
 */
#include "veer.h"
#include "veer_system.h"

#define SWITCH_CONTEXT 64u /* switch.S: ra, s0..s11, padded to 16 */

static uintptr_t saved_sp[VEER_THREADS_MAX];
static uint32_t current = PWK_NONE;

uint32_t veer_current_thread(void)
{
	return current;
}

static uintptr_t kernel_stack_top(uint32_t thread)
{
	const struct veer_thread_stack *s = &veer_thread_stacks[thread];
	return ((uintptr_t)s->base + s->size) & ~(uintptr_t)15;
}

void hal_thread_prepare(uint32_t thread, uint32_t process, uintptr_t pc, uintptr_t sp,
			pwk_word_t a0, pwk_word_t a1, pwk_word_t a2)
{
	if (thread >= VEER_THREADS_MAX || thread >= pwk_system.thread_count) {
		hal_panic(__FILE__, __LINE__, "thread index beyond VEER_THREADS_MAX");
	}
	uintptr_t top = kernel_stack_top(thread);
	struct veer_frame *frame = (struct veer_frame *)(top - sizeof(struct veer_frame));
	for (uint32_t i = 0; i < 32; i++) {
		frame->x[i] = 0;
	}
	frame->x[VEER_FRAME_MEPC] = pc;
	frame->x[VEER_FRAME_SP] = sp & ~(uintptr_t)15;
	frame->x[VEER_FRAME_A0] = a0;
	frame->x[VEER_FRAME_A0 + 1] = a1;
	frame->x[VEER_FRAME_A0 + 2] = a2;
	/* A thread started by a thread of its own process shares its image:
	 * give it the same gp and tp (a main thread's crt0 sets its own). */
	if (current != PWK_NONE && pwk_system.threads[current].process == process) {
		const struct veer_frame *caller =
			(const struct veer_frame *)(kernel_stack_top(current) -
						    sizeof(struct veer_frame));
		frame->x[3] = caller->x[3];
		frame->x[4] = caller->x[4];
	}
	uint32_t *context = (uint32_t *)((uintptr_t)frame - SWITCH_CONTEXT);
	for (uint32_t i = 0; i < SWITCH_CONTEXT / 4u; i++) {
		context[i] = 0;
	}
	context[0] = (uint32_t)(uintptr_t)veer_thread_first;
	saved_sp[thread] = (uintptr_t)context;
}

void hal_context_switch(uint32_t from, uint32_t to)
{
	uintptr_t dead_sp;
	uintptr_t *save = from == PWK_NONE ? &dead_sp : &saved_sp[from];
	current = to;
	veer_switch(save, saved_sp[to]);
}
