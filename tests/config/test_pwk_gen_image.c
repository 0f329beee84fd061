/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_pwk_gen_image.c — `pwk-gen image`: a kernel and the processes of the
 * uppercase system, each linked with the script pwk-gen wrote for it,
 * merge into one ELF with every load, a section per load and the kernel's
 * entry; an image linked for another process, overlapping loads and a
 * missing process are rejected. The linked inputs need
 * riscv64-unknown-elf-gcc (skipped without it); the rejected ones are
 * written by hand.
 */
#include <criterion/criterion.h>
#include <elf.h>
#include <stdlib.h>
#include <string.h>

#include "config_test.h"

#define UPPERCASE PWK_SOURCE_ROOT "/tests/config/data/target/two_process.json5"
#define RV_GCC    "riscv64-unknown-elf-gcc"

static char *dir;

static void setup(void)
{
	dir = temp_dir();
	cr_assert_not_null(dir);
}

static void teardown(void)
{
	remove_temp_dir(dir);
}

TestSuite(pwk_gen_image, .init = setup, .fini = teardown);

static char *in_dir(const char *name)
{
	char *p = malloc(strlen(dir) + strlen(name) + 2);
	sprintf(p, "%s/%s", dir, name);
	return p;
}

static int gen(const char *cmd, const char *process, const char *out)
{
	char *argv[] = {PWK_GEN_PATH, (char *)cmd, UPPERCASE, (char *)process,
			"--board",    "qemu-virt", "-o",      (char *)out,
			NULL};
	if (process == NULL) {
		memmove(&argv[3], &argv[4], 5 * sizeof(argv[0]));
	}
	return run_argv(argv, false);
}

/* Links `source` with the script pwk-gen writes for `process` (NULL: the
 * kernel) into dir/<elf>. */
static char *link_program(const char *process, const char *source, const char *elf)
{
	char *ld = in_dir(process ? "process.ld" : "kernel.ld");
	char *c = write_temp_file(dir, "program.c", source), *out = in_dir(elf);
	cr_assert_eq(gen(process ? "ld-process" : "ld-kernel", process, ld), 0);
	char *argv[] = {RV_GCC,
			"-march=rv32imc",
			"-mabi=ilp32",
			"-Os",
			"-ffreestanding",
			"-nostdlib",
			"-T",
			ld,
			c,
			"-o",
			out,
			NULL};
	cr_assert_eq(run_argv(argv, false), 0, "cannot link %s", elf);
	free(ld);
	free(c);
	return out;
}

static const char kernel_source[] =
	"int counter = 1; int zeroed;\n"
	"__attribute__((section(\".text.start\"))) void _start(void) { zeroed = counter; "
	"for (;;) {} }\n";
static const char process_source[] =
	"int value = 7; int scratch; const char text[] = \"upper\";\n"
	"__attribute__((section(\".text.entry\"))) void _start(void) { scratch = value + text[0]; "
	"for (;;) {} }\n";

static int merge(const char *kernel, const char *initiator, const char *handler, const char *out)
{
	char ini[512], han[512];
	/* handler may be NULL (no handler image): then han is not passed. */
	int ni = snprintf(ini, sizeof(ini), "initiator=%s", initiator);
	int nh = snprintf(han, sizeof(han), "handler=%s", handler != NULL ? handler : "");
	cr_assert(ni >= 0 && (size_t)ni < sizeof(ini) && nh >= 0 && (size_t)nh < sizeof(han),
		  "image path too long");
	char *argv[] = {
		PWK_GEN_PATH, "image",    UPPERCASE,      "--board", "qemu-virt",          "-o",
		(char *)out,  "--kernel", (char *)kernel, ini,       handler ? han : NULL, NULL};
	return run_argv(argv, true);
}

static bool have_cross_gcc(void)
{
	char *argv[] = {RV_GCC, "--version", NULL};
	return run_argv(argv, true) == 0;
}

/* The section names of an ELF32 file, '\n'-separated. */
static char *section_names(const char *path, Elf32_Ehdr *h)
{
	size_t len = 0;
	char *elf = read_file(path, &len);
	cr_assert(len >= sizeof(*h));
	memcpy(h, elf, sizeof(*h));
	Elf32_Shdr strtab;
	memcpy(&strtab, elf + h->e_shoff + h->e_shstrndx * sizeof(Elf32_Shdr), sizeof(strtab));
	char *names = calloc(1, 4096);
	for (uint32_t i = 1; i < h->e_shnum; i++) {
		Elf32_Shdr sh;
		memcpy(&sh, elf + h->e_shoff + i * sizeof(sh), sizeof(sh));
		strcat(names, elf + strtab.sh_offset + sh.sh_name);
		strcat(names, "\n");
	}
	free(elf);
	return names;
}

Test(pwk_gen_image, kernel_and_processes_merge_into_one_elf_with_the_kernel_entry)
{
	if (!have_cross_gcc()) {
		cr_skip_test(RV_GCC " is not installed");
	}
	char *kernel = link_program(NULL, kernel_source, "kernel.elf");
	char *ini = link_program("initiator", process_source, "initiator.elf");
	char *han = link_program("handler", process_source, "handler.elf");
	char *out = in_dir("system.elf");
	cr_assert_eq(merge(kernel, ini, han, out), 0);
	Elf32_Ehdr h;
	char *names = section_names(out, &h);
	cr_expect_eq(h.e_entry, 0x80000000u);
	cr_expect_eq(h.e_machine, EM_RISCV);
	cr_expect_eq(h.e_shnum, h.e_phnum + 2u, "one section per load, plus null and .shstrtab");
	cr_expect(strstr(names, ".kernel.0\n") && strstr(names, ".initiator.0\n") &&
			  strstr(names, ".handler.0\n") && strstr(names, ".shstrtab\n"),
		  "%s", names);
	char *hex = in_dir("system.hex");
	char *objcopy[] = {"riscv64-unknown-elf-objcopy", "-O", "verilog", out, hex, NULL};
	cr_expect_eq(run_argv(objcopy, false), 0, "objcopy -O verilog reads the image");
	char *verilog = read_file(hex, NULL);
	cr_expect(verilog && strstr(verilog, "@80000000") && strstr(verilog, "@8003FC00"),
		  "the hex file has the kernel's and the initiator's loads:\n%s", verilog);
	free(verilog);
	free(hex);
	char *again = in_dir("again.elf");
	cr_assert_eq(merge(kernel, ini, han, again), 0);
	size_t a_len, b_len;
	char *a = read_file(out, &a_len), *b = read_file(again, &b_len);
	cr_expect(a_len == b_len && memcmp(a, b, a_len) == 0, "the same inputs, the same image");
	free(a);
	free(b);
	free(again);
	free(names);
	free(kernel);
	free(ini);
	free(han);
	free(out);
}

Test(pwk_gen_image, image_linked_for_another_process_is_rejected)
{
	if (!have_cross_gcc()) {
		cr_skip_test(RV_GCC " is not installed");
	}
	char *kernel = link_program(NULL, kernel_source, "kernel.elf");
	char *ini = link_program("initiator", process_source, "initiator.elf");
	char *out = in_dir("system.elf");
	cr_expect_eq(merge(kernel, ini, ini, out), 1);
	FILE *f = fopen(out, "r");
	cr_expect_null(f, "nothing is written on an error");
	free(kernel);
	free(ini);
	free(out);
}

/* An ELF32 RISC-V executable with the given loads (filesz = memsz). */
static char *write_elf(const char *name, uint32_t entry, const uint32_t (*loads)[2], uint32_t n)
{
	char *path = in_dir(name);
	FILE *f = fopen(path, "wb");
	Elf32_Ehdr h = {.e_type = ET_EXEC,
			.e_machine = EM_RISCV,
			.e_version = EV_CURRENT,
			.e_entry = entry,
			.e_phoff = sizeof(h),
			.e_ehsize = sizeof(h),
			.e_phentsize = sizeof(Elf32_Phdr),
			.e_phnum = (Elf32_Half)n};
	memcpy(h.e_ident, ELFMAG, SELFMAG);
	h.e_ident[EI_CLASS] = ELFCLASS32;
	h.e_ident[EI_DATA] = ELFDATA2LSB;
	h.e_ident[EI_VERSION] = EV_CURRENT;
	fwrite(&h, sizeof(h), 1, f);
	uint32_t data = (uint32_t)(sizeof(h) + n * sizeof(Elf32_Phdr));
	for (uint32_t i = 0; i < n; i++) {
		Elf32_Phdr ph = {PT_LOAD,     data,        loads[i][0], loads[i][0],
				 loads[i][1], loads[i][1], PF_R | PF_X, 4};
		fwrite(&ph, sizeof(ph), 1, f);
		data += loads[i][1];
	}
	for (uint32_t i = 0; i < n; i++) {
		for (uint32_t k = 0; k < loads[i][1]; k++) {
			fputc(0x13, f);
		}
	}
	fclose(f);
	return path;
}

Test(pwk_gen_image, overlapping_loads_are_rejected)
{
	const uint32_t kernel_loads[][2] = {{0x80000000u, 0x10u}};
	const uint32_t overlapping[][2] = {{0x8003fc00u, 0x20u}, {0x8003fc10u, 0x20u}};
	const uint32_t handler_loads[][2] = {{0x80047c00u, 0x20u}};
	char *kernel = write_elf("kernel.elf", 0x80000000u, kernel_loads, 1);
	char *ini = write_elf("initiator.elf", 0x8003fc00u, overlapping, 2);
	char *han = write_elf("handler.elf", 0x80047c00u, handler_loads, 1);
	char *ok_ini = write_elf("ok.elf", 0x8003fc00u, overlapping, 1);
	char *out = in_dir("system.elf");
	cr_expect_eq(merge(kernel, ini, han, out), 1);
	cr_expect_eq(merge(kernel, ok_ini, han, out), 0, "without the overlap it merges");
	cr_expect_eq(merge(kernel, ok_ini, NULL, out), 1, "every process needs its image");
	free(kernel);
	free(ini);
	free(han);
	free(ok_ini);
	free(out);
}
