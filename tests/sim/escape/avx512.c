/*
 * avx512.c — the AVX-512 state another process could read: zmm16-31, the
 * upper halves of zmm0-15 and the mask registers k0-k7. The gate clears
 * them on every return to user mode, skipping a component the CPU reports
 * in its initial configuration (hal-host/context_x86_64.S,
 * CLEAR_USER_STATE); this checks that the skip never skips a component the
 * victim wrote. Only run where the CPU has AVX-512 (test_escape.c checks,
 * as process code cannot: cpuid faults).
 */
#include <pwk/user.h>

#include "escape.h"
#include "protocol.h"

/* The attacker's view: 16 zmm16-31, 16 zmm0-15, then k0-k7 (8 words). */
#define ZMM_WORDS  8
#define SEEN_WORDS (32 * ZMM_WORDS + 8)

void escape_plant_vectors512(void)
{
	uint64_t s = ESCAPE_SECRET;
	/* Every lane of every zmm register and every mask register. The
	 * runtime's code before the syscall is SSE (legacy encoding), which
	 * keeps the upper halves of zmm0-15; zmm16-31 and k0-k7 it never
	 * names. */
	__asm__ volatile("vpbroadcastq %0, %%zmm16; vpbroadcastq %0, %%zmm17;"
			 "vpbroadcastq %0, %%zmm18; vpbroadcastq %0, %%zmm19;"
			 "vpbroadcastq %0, %%zmm20; vpbroadcastq %0, %%zmm21;"
			 "vpbroadcastq %0, %%zmm22; vpbroadcastq %0, %%zmm23;"
			 "vpbroadcastq %0, %%zmm24; vpbroadcastq %0, %%zmm25;"
			 "vpbroadcastq %0, %%zmm26; vpbroadcastq %0, %%zmm27;"
			 "vpbroadcastq %0, %%zmm28; vpbroadcastq %0, %%zmm29;"
			 "vpbroadcastq %0, %%zmm30; vpbroadcastq %0, %%zmm31;"
			 "vpbroadcastq %0, %%zmm0; vpbroadcastq %0, %%zmm1;"
			 "vpbroadcastq %0, %%zmm2; vpbroadcastq %0, %%zmm3;"
			 "vpbroadcastq %0, %%zmm4; vpbroadcastq %0, %%zmm5;"
			 "vpbroadcastq %0, %%zmm6; vpbroadcastq %0, %%zmm7;"
			 "vpbroadcastq %0, %%zmm8; vpbroadcastq %0, %%zmm9;"
			 "vpbroadcastq %0, %%zmm10; vpbroadcastq %0, %%zmm11;"
			 "vpbroadcastq %0, %%zmm12; vpbroadcastq %0, %%zmm13;"
			 "vpbroadcastq %0, %%zmm14; vpbroadcastq %0, %%zmm15;"
			 "kmovq %0, %%k0; kmovq %0, %%k1; kmovq %0, %%k2; kmovq %0, %%k3;"
			 "kmovq %0, %%k4; kmovq %0, %%k5; kmovq %0, %%k6; kmovq %0, %%k7" ::"r"(s)
			 : "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8",
			   "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
}

void escape_read_vectors512(void)
{
	static uint64_t seen[SEEN_WORDS];
	__asm__ volatile("vmovdqu64 %%zmm16, 0(%0); vmovdqu64 %%zmm17, 64(%0);"
			 "vmovdqu64 %%zmm18, 128(%0); vmovdqu64 %%zmm19, 192(%0);"
			 "vmovdqu64 %%zmm20, 256(%0); vmovdqu64 %%zmm21, 320(%0);"
			 "vmovdqu64 %%zmm22, 384(%0); vmovdqu64 %%zmm23, 448(%0);"
			 "vmovdqu64 %%zmm24, 512(%0); vmovdqu64 %%zmm25, 576(%0);"
			 "vmovdqu64 %%zmm26, 640(%0); vmovdqu64 %%zmm27, 704(%0);"
			 "vmovdqu64 %%zmm28, 768(%0); vmovdqu64 %%zmm29, 832(%0);"
			 "vmovdqu64 %%zmm30, 896(%0); vmovdqu64 %%zmm31, 960(%0);"
			 "vmovdqu64 %%zmm0, 1024(%0); vmovdqu64 %%zmm1, 1088(%0);"
			 "vmovdqu64 %%zmm2, 1152(%0); vmovdqu64 %%zmm3, 1216(%0);"
			 "vmovdqu64 %%zmm4, 1280(%0); vmovdqu64 %%zmm5, 1344(%0);"
			 "vmovdqu64 %%zmm6, 1408(%0); vmovdqu64 %%zmm7, 1472(%0);"
			 "vmovdqu64 %%zmm8, 1536(%0); vmovdqu64 %%zmm9, 1600(%0);"
			 "vmovdqu64 %%zmm10, 1664(%0); vmovdqu64 %%zmm11, 1728(%0);"
			 "vmovdqu64 %%zmm12, 1792(%0); vmovdqu64 %%zmm13, 1856(%0);"
			 "vmovdqu64 %%zmm14, 1920(%0); vmovdqu64 %%zmm15, 1984(%0);"
			 "kmovq %%k0, 2048(%0); kmovq %%k1, 2056(%0); kmovq %%k2, 2064(%0);"
			 "kmovq %%k3, 2072(%0); kmovq %%k4, 2080(%0); kmovq %%k5, 2088(%0);"
			 "kmovq %%k6, 2096(%0); kmovq %%k7, 2104(%0)" ::"r"(seen)
			 : "memory");
	unsigned leaked = 0, nonzero = 0;
	for (unsigned i = 0; i < SEEN_WORDS; i++) {
		leaked += seen[i] == ESCAPE_SECRET;
		/* The low 128 bits of zmm0-15 are xmm0-15, which the
		 * attacker's own SSE code may have used since the gate;
		 * nothing else of this state may be non-zero (a host
		 * address, the kernel's data). */
		bool own_xmm = i >= 16 * ZMM_WORDS && i < 32 * ZMM_WORDS && i % ZMM_WORDS < 2;
		nonzero += seen[i] != 0 && !own_xmm;
	}
	pwk_log("attacker: %u AVX-512 words hold the victim's secret, %u others are non-zero\n",
		leaked, nonzero);
}
