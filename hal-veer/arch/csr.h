/* SPDX-License-Identifier: Apache-2.0 */
/*
 * csr.h — machine-mode CSR access and the bits hal-veer uses. CSR numbers
 * must be compile-time constants, hence macros.
 */
#ifndef PWK_HAL_VEER_CSR_H
#define PWK_HAL_VEER_CSR_H

#include <stdint.h>

#define CSR_READ(csr)                                                                              \
	__extension__({                                                                            \
		uint32_t v_;                                                                       \
		__asm__ volatile("csrr %0, " #csr : "=r"(v_));                                     \
		v_;                                                                                \
	})
#define CSR_WRITE(csr, v) __asm__ volatile("csrw " #csr ", %0" : : "rK"((uint32_t)(v)) : "memory")
#define CSR_SET(csr, v)   __asm__ volatile("csrs " #csr ", %0" : : "rK"((uint32_t)(v)) : "memory")
#define CSR_CLEAR(csr, v) __asm__ volatile("csrc " #csr ", %0" : : "rK"((uint32_t)(v)) : "memory")

#define MSTATUS_MIE  (1u << 3)
#define MSTATUS_MPIE (1u << 7)
#define MSTATUS_MPP  (3u << 11)

#define MIE_MTIE (1u << 7)
#define MIE_MEIE (1u << 11)

#define MCAUSE_INTERRUPT  0x80000000u
#define MCAUSE_USER_ECALL 8u
#define IRQ_M_TIMER       7u
#define IRQ_M_EXTERNAL    11u

#endif /* PWK_HAL_VEER_CSR_H */
