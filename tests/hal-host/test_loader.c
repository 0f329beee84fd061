/*
 * test_loader.c — the image loader: a good image lands in its region, and
 * every malformed or unsuitable file is rejected with a sentence saying why.
 */
#include <criterion/criterion.h>
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "region.h"

static struct host_region region;
static uint8_t *image;
static size_t image_len;

static void setup(void)
{
	FILE *f = fopen(GOOD_IMAGE, "rb");
	cr_assert_not_null(f, "cannot open %s", GOOD_IMAGE);
	fseek(f, 0, SEEK_END);
	image_len = (size_t)ftell(f);
	fseek(f, 0, SEEK_SET);
	image = malloc(image_len);
	cr_assert_eq(fread(image, 1, image_len, f), image_len);
	fclose(f);
	char err[256];
	cr_assert(host_region_map(&region, 7, 64 * 1024, 16 * 1024, err, sizeof(err)), "%s", err);
}

static void teardown(void)
{
	host_region_unmap(&region);
	free(image);
}

static char err[512];

static bool load(const uint8_t *bytes, size_t len)
{
	struct host_image_info info;
	err[0] = '\0';
	return host_loader_load(&region, bytes, len, &info, err, sizeof(err));
}

static Elf64_Ehdr *ehdr(void)
{
	return (Elf64_Ehdr *)image;
}

static Elf64_Phdr *phdr(size_t i)
{
	return (Elf64_Phdr *)(image + ehdr()->e_phoff) + i;
}

static Elf64_Phdr *first_load(void)
{
	for (size_t i = 0; i < ehdr()->e_phnum; i++) {
		if (phdr(i)->p_type == PT_LOAD) {
			return phdr(i);
		}
	}
	cr_assert_fail("image has no PT_LOAD");
	return NULL;
}

static void assert_rejected(const char *why)
{
	cr_assert_not(load(image, image_len), "loaded although %s", why);
	cr_assert(strstr(err, why) != NULL, "message \"%s\" does not say \"%s\"", err, why);
}

TestSuite(loader, .init = setup, .fini = teardown);

Test(loader, good_image_loads_inside_its_region)
{
	struct host_image_info info;
	cr_assert(host_loader_load(&region, image, image_len, &info, err, sizeof(err)), "%s", err);
	cr_assert(host_region_contains(&region, info.entry));
	cr_assert_lt(info.entry, region.user_base + region.flash_size, "entry must be in flash");
	cr_assert_leq(info.ram_used, region.ram_size);
}

Test(loader, empty_file_is_not_elf)
{
	cr_assert_not(load(image, 0));
	cr_assert(strstr(err, "not an ELF file") != NULL, "%s", err);
}

Test(loader, text_file_is_not_elf)
{
	static const uint8_t text[] = "{ apps: [] }\n";
	cr_assert_not(load(text, sizeof(text)));
	cr_assert(strstr(err, "not an ELF file") != NULL, "%s", err);
}

Test(loader, truncated_header_is_rejected)
{
	cr_assert_not(load(image, 20));
	cr_assert(strstr(err, "not a 64-bit little-endian ELF") != NULL, "%s", err);
}

Test(loader, riscv32_image_is_rejected_with_a_hint)
{
	ehdr()->e_ident[EI_CLASS] = ELFCLASS32;
	assert_rejected("32-bit ELF");
}

Test(loader, other_machine_is_rejected)
{
	ehdr()->e_machine = EM_AARCH64;
	assert_rejected("is not x86-64");
}

Test(loader, non_pie_executable_is_rejected)
{
	ehdr()->e_type = ET_EXEC;
	assert_rejected("not position independent");
}

Test(loader, truncated_program_headers_are_rejected)
{
	ehdr()->e_phoff = image_len - 8;
	assert_rejected("program header table is missing or truncated");
}

Test(loader, segment_outside_the_file_is_rejected)
{
	first_load()->p_filesz = image_len * 4;
	first_load()->p_memsz = image_len * 4;
	assert_rejected("outside the file");
}

Test(loader, dynamic_loader_request_is_rejected)
{
	phdr(ehdr()->e_phnum - 1)->p_type = PT_INTERP;
	assert_rejected("dynamic loader");
}

Test(loader, image_larger_than_flash_is_rejected)
{
	/* Give the region one page less flash than the image's code needs:
	 * its writable data starts at the page floor of the writable segment. */
	uint64_t rw_floor = 0;
	for (size_t i = 0; i < ehdr()->e_phnum; i++) {
		if (phdr(i)->p_type == PT_LOAD && (phdr(i)->p_flags & PF_W)) {
			rw_floor = phdr(i)->p_vaddr / 4096 * 4096;
		}
	}
	cr_assert_gt(rw_floor, 0);
	host_region_unmap(&region);
	cr_assert(host_region_map(&region, 7, rw_floor - 4096, 16 * 1024, err, sizeof(err)));
	assert_rejected("raise flash_size_bytes");
}

Test(loader, entry_outside_code_is_rejected)
{
	ehdr()->e_entry = 0x7fff0000;
	assert_rejected("not in an executable segment");
}

Test(loader, file_that_does_not_exist_names_the_file)
{
	struct host_image_info info;
	cr_assert_not(
		host_loader_load_file(&region, "/nonexistent/x.elf", &info, err, sizeof(err)));
	cr_assert(strstr(err, "/nonexistent/x.elf: cannot open") != NULL, "%s", err);
}
