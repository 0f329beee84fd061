/*
 * loader.h — loads a process image (a position-independent, statically
 * linked x86-64 ELF) into a process region, and relocates it. Every way an
 * image can be wrong is reported as a sentence, never a crash.
 */
#ifndef PWK_HAL_HOST_LOADER_H
#define PWK_HAL_HOST_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "host.h"
#include "region.h"

/* Loads `bytes` (an image file's contents) into `r`. */
bool host_loader_load(struct host_region *r, const uint8_t *bytes, size_t len,
		      struct host_image_info *info, char *err, size_t err_cap);

/* Reads `path` and loads it; errors name the file. */
bool host_loader_load_file(struct host_region *r, const char *path, struct host_image_info *info,
			   char *err, size_t err_cap);

#endif
