/*
 * system_desc.h — turns a validated system.json5 model plus the regions
 * and images of its processes into the kernel's pwk_system_desc: the
 * host-side counterpart of what the generator emits for VeeR.
 */
#ifndef PWK_SIM_SYSTEM_DESC_H
#define PWK_SIM_SYSTEM_DESC_H

#include <pwk/system.h>

#include "host.h"
#include "system_config.h"

struct sim_system_desc {
	struct pwk_system_desc desc;
	/* storage behind desc */
	struct pwk_process_desc *processes;
	struct pwk_object_desc *objects;
	struct pwk_thread_desc *threads;
	struct pwk_region_desc *regions;
	uint32_t *irqs;
};

/* regions[p] and images[p] describe process p (system order). Returns false
 * with a message in `err` when the layout cannot work (e.g. the legacy
 * thread stacks do not fit the process's RAM). */
bool sim_system_desc_build(struct sim_system_desc *out, const struct cfg_system *sys,
			   const struct host_region_info *regions,
			   const struct host_image_info *images, char *err, size_t err_cap);
void sim_system_desc_free(struct sim_system_desc *d);

#endif
