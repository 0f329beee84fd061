/* SPDX-License-Identifier: Apache-2.0 */
/*
 * system_links.c — the links between objects: each channel initiator names
 * its handler (process + object name; in the 2025 schema, app + object
 * name), each `process` object names the process it controls. A handler
 * serves exactly one initiator: a channel is one pair.
 */
#include "system_internal.h"

#include <string.h>

static uint32_t find_object(const struct cfg_process *p, const char *name)
{
	/* The implicit `process` object is not a link target. */
	for (uint32_t i = 0; i + 1 < p->object_count; i++) {
		if (p->objects[i].name != NULL && strcmp(p->objects[i].name, name) == 0) {
			return i;
		}
	}
	return PWK_NONE;
}

/* 2025 schema: handler_app names an app; its one process holds the handler. */
static bool resolve_handler_app(struct cfg_loader *ld, struct cfg_object *o, const char *who)
{
	const struct cfg_system *sys = ld->sys;

	for (size_t i = 0; i < sys->app_count; i++) {
		const struct cfg_app *a = &sys->apps[i];
		if (a->name != NULL && strcmp(a->name, o->handler_app) == 0 &&
		    a->process_count == 1) {
			o->handler_process = sys->processes[a->first_process].name;
			return o->handler_process != NULL;
		}
	}
	cfg_error_pos(ld, o->link_pos,
		      "%s names handler_app \"%s\", which does not exist: "
		      "write the name of the app holding the channel_handler",
		      who, o->handler_app);
	return false;
}

static void resolve_initiator(struct cfg_loader *ld, struct cfg_process *p, uint32_t index)
{
	struct cfg_system *sys = ld->sys;
	struct cfg_object *o = &p->objects[index];
	const char *who =
		cfg_format(ld, "channel initiator \"%s\" of process \"%s\"", o->name, p->name);

	if (o->handler_app != NULL && !resolve_handler_app(ld, o, who)) {
		return;
	}
	if (o->handler_process == NULL || o->handler_object_name == NULL) {
		return; /* missing fields were reported while loading */
	}
	uint32_t hp = cfg_process_find(sys, o->handler_process);
	if (hp == PWK_NONE) {
		cfg_error_pos(ld, o->link_pos,
			      "%s names handler_process \"%s\", which does not "
			      "exist: write the name of the process holding "
			      "the channel_handler",
			      who, o->handler_process);
		return;
	}
	struct cfg_process *h = &sys->processes[hp];
	uint32_t ho = find_object(h, o->handler_object_name);
	if (ho == PWK_NONE) {
		cfg_error_pos(ld, o->handler_object_pos,
			      "%s names handler_object_name \"%s\", but process \"%s\" has no "
			      "object of that name: add {name: \"%s\", type: \"channel_handler\"} "
			      "to it",
			      who, o->handler_object_name, h->name, o->handler_object_name);
		return;
	}
	struct cfg_object *handler = &h->objects[ho];
	if (handler->type != PWK_OBJECT_CHANNEL_HANDLER) {
		cfg_error_pos(ld, o->handler_object_pos,
			      "%s names \"%s\" of process \"%s\" as its handler, but that is a %s, "
			      "not a channel_handler",
			      who, handler->name, h->name, cfg_object_type_name(handler));
		return;
	}
	if (handler->initiator_process_index != PWK_NONE) {
		const struct cfg_process *ip = &sys->processes[handler->initiator_process_index];
		cfg_error_pos(ld, o->handler_object_pos,
			      "%s: channel handler \"%s\" of process \"%s\" is already linked to "
			      "initiator \"%s\" of process \"%s\"; a channel has one initiator, so "
			      "add another channel_handler",
			      who, handler->name, h->name,
			      ip->objects[handler->initiator_object_index].name, ip->name);
		return;
	}
	o->handler_process_index = hp;
	o->handler_object_index = ho;
	handler->initiator_process_index = p->index;
	handler->initiator_object_index = index;
}

static void resolve_process_object(struct cfg_loader *ld, struct cfg_process *p,
				   struct cfg_object *o)
{
	if (o->linked_process == NULL) {
		return;
	}
	o->linked_process_index = cfg_process_find(ld->sys, o->linked_process);
	if (o->linked_process_index == PWK_NONE) {
		cfg_error_pos(ld, o->link_pos,
			      "process object \"%s\" of process \"%s\" names linked_process "
			      "\"%s\", which does not exist",
			      o->name, p->name, o->linked_process);
	}
}

void cfg_links_resolve(struct cfg_loader *ld)
{
	struct cfg_system *sys = ld->sys;

	for (size_t i = 0; i < sys->process_count; i++) {
		struct cfg_process *p = &sys->processes[i];
		if (p->name == NULL) {
			continue;
		}
		for (uint32_t k = 0; k + 1 < p->object_count; k++) {
			struct cfg_object *o = &p->objects[k];
			if (o->name == NULL) {
				continue;
			}
			if (o->type == PWK_OBJECT_CHANNEL_INITIATOR) {
				resolve_initiator(ld, p, k);
			} else if (o->type == PWK_OBJECT_PROCESS) {
				resolve_process_object(ld, p, o);
			}
		}
	}
}
