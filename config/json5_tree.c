/* SPDX-License-Identifier: Apache-2.0 */
/*
 * json5_tree.c — JSON5 text -> json5_value tree: the front-end makes strict
 * JSON, jsmn tokenizes it, and the tokens become values whose positions are
 * mapped back to the JSON5 source. Also file reading, lookup and freeing.
 *
 * This is the only file that includes jsmn with its implementation; it is
 * compiled static (JSMN_STATIC) so another layer may embed jsmn too.
 */
#include "json5.h"
#include "arena.h"
#include "json5_lex.h"
#include "json5_unicode.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JSMN_STATIC
#define JSMN_STRICT
#define JSMN_PARENT_LINKS
#include <jsmn.h>

struct tree_builder {
	const struct json5_strict *strict;
	const struct json5_lines *lines;
	const jsmntok_t *tokens;
	size_t next_number; /* numbers are consumed in document order */
	struct arena arena;
};

static void position(const struct tree_builder *b, size_t json_offset, int *line, int *col)
{
	json5_lines_position(b->lines, b->strict->src[json_offset], line, col);
}

static int hex4(const char *s)
{
	int v = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		v = v * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
	}
	return v;
}

/* Decodes the body of a JSON string the front-end wrote. It only ever
 * writes \" \\ \b \f \n \r \t and \u00XX (below U+0020), so surrogate
 * escapes never occur here. */
static char *decode_string(struct tree_builder *b, const jsmntok_t *t, size_t *len)
{
	const char *s = b->strict->json + t->start;
	size_t n = (size_t)(t->end - t->start), o = 0;
	char *out = arena_alloc(&b->arena, n + 1);

	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\\') {
			out[o++] = s[i];
			continue;
		}
		char c = s[++i];
		switch (c) {
		case 'b':
			out[o++] = '\b';
			break;
		case 'f':
			out[o++] = '\f';
			break;
		case 'n':
			out[o++] = '\n';
			break;
		case 'r':
			out[o++] = '\r';
			break;
		case 't':
			out[o++] = '\t';
			break;
		case 'u':
			out[o++] = (char)hex4(s + i + 1);
			i += 4;
			break;
		default: /* '"', '\\', '/' */
			out[o++] = c;
			break;
		}
	}
	out[o] = '\0';
	*len = o;
	return out;
}

static void build_primitive(struct tree_builder *b, const jsmntok_t *t, struct json5_value *v)
{
	const struct json5_strict *s = b->strict;
	const char *text = s->json + t->start;

	if (b->next_number < s->number_count &&
	    s->numbers[b->next_number].out_offset == (size_t)t->start) {
		const struct json5_number_lit *n = &s->numbers[b->next_number++];
		v->kind = JSON5_NUMBER;
		v->number = n->number;
		v->is_integer = n->is_integer;
		v->is_unsigned = n->is_unsigned;
		v->integer = n->integer;
		v->uinteger = n->uinteger;
	} else if (text[0] == 'n') {
		v->kind = JSON5_NULL;
	} else {
		v->kind = JSON5_BOOL;
		v->boolean = text[0] == 't';
	}
}

/* Builds the value at token `i`; returns the index after its subtree. */
static int build_value(struct tree_builder *b, int i, struct json5_value *v)
{
	const jsmntok_t *t = &b->tokens[i++];

	memset(v, 0, sizeof(*v));
	/* A string token starts after its quote; report the quote. */
	position(b, (size_t)t->start - (t->type == JSMN_STRING), &v->line, &v->col);
	switch (t->type) {
	case JSMN_STRING:
		v->kind = JSON5_STRING;
		v->string = decode_string(b, t, &v->string_len);
		return i;
	case JSMN_PRIMITIVE:
		build_primitive(b, t, v);
		return i;
	case JSMN_ARRAY:
		v->kind = JSON5_ARRAY;
		v->item_count = (size_t)t->size;
		v->items = arena_array(&b->arena, v->item_count, sizeof(*v->items));
		for (size_t k = 0; k < v->item_count; k++) {
			i = build_value(b, i, &v->items[k]);
		}
		return i;
	case JSMN_OBJECT:
		v->kind = JSON5_OBJECT;
		v->member_count = (size_t)t->size;
		v->members = arena_array(&b->arena, v->member_count, sizeof(*v->members));
		for (size_t k = 0; k < v->member_count; k++) {
			struct json5_member *m = &v->members[k];
			const jsmntok_t *key = &b->tokens[i++];
			m->key = decode_string(b, key, &m->key_len);
			position(b, (size_t)key->start - 1, &m->line, &m->col);
			i = build_value(b, i, &m->value);
		}
		return i;
	case JSMN_UNDEFINED:
		break;
	}
	return i;
}

/* jsmn over the front-end's output. The front-end has checked the grammar,
 * so a jsmn failure here is a bug in this reader, reported as such. */
static bool tokenize(const struct json5_strict *s, jsmntok_t **tokens, int *count, struct diag *d)
{
	jsmn_parser p;

	jsmn_init(&p);
	int n = jsmn_parse(&p, s->json, s->len, NULL, 0);
	if (n > 0) {
		*tokens = calloc((size_t)n, sizeof(**tokens));
		if (*tokens == NULL) {
			diag_error(d, 0, 0, "out of memory");
			return false;
		}
		jsmn_init(&p);
		n = jsmn_parse(&p, s->json, s->len, *tokens, (unsigned)n);
	}
	if (n <= 0) {
		diag_error(d, 0, 0,
			   "internal error: the JSON5 front-end produced JSON that jsmn "
			   "rejects (code %d); please report this input",
			   n);
		return false;
	}
	*count = n;
	return true;
}

bool json5_parse(const char *text, size_t len, struct json5_doc *doc, struct diag *d)
{
	const unsigned char *in = (const unsigned char *)text;
	struct json5_lines lines;
	struct json5_strict strict = {0};
	jsmntok_t *tokens = NULL;
	int count = 0;
	bool ok = false;

	memset(doc, 0, sizeof(*doc));
	json5_lines_build(&lines, in, len);
	if (json5_check_input(in, len, &lines, d) && json5_to_strict(in, len, &lines, &strict, d) &&
	    tokenize(&strict, &tokens, &count, d)) {
		struct tree_builder b = {.strict = &strict, .lines = &lines, .tokens = tokens};
		build_value(&b, 0, &doc->root);
		doc->arena = (char *)b.arena.head;
		ok = true;
	}
	free(tokens);
	json5_strict_free(&strict);
	json5_lines_free(&lines);
	return ok;
}

static void *read_oom(void)
{
	fputs("pwk: out of memory while reading JSON5\n", stderr);
	abort();
}

/* Reads a whole stream, refusing more than JSON5_INPUT_MAX bytes. NULL
 * after reporting. */
static char *read_all(FILE *f, size_t *len, struct diag *d)
{
	size_t cap = 0, n = 0, got;
	char *buf = NULL;

	do {
		if (n == cap) {
			if (cap > JSON5_INPUT_MAX) {
				diag_error(d, 0, 0, "file too large (the limit is %u bytes)",
					   JSON5_INPUT_MAX);
				free(buf);
				return NULL;
			}
			cap = cap != 0 ? cap * 2 : 4096;
			buf = realloc(buf, cap);
			if (buf == NULL) {
				return read_oom();
			}
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got != 0);
	if (ferror(f)) {
		diag_error(d, 0, 0, "cannot read: %s", strerror(errno));
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

bool json5_parse_file(const char *path, struct json5_doc *doc, struct diag *d)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	size_t len = 0;

	memset(doc, 0, sizeof(*doc));
	if (f == NULL) {
		diag_error(d, 0, 0, "cannot open: %s", strerror(errno));
		return false;
	}
	char *text = read_all(f, &len, d);
	if (!is_stdin) {
		fclose(f);
	}
	if (text == NULL) {
		return false;
	}
	bool ok = json5_parse(text, len, doc, d);
	free(text);
	return ok;
}

void json5_free(struct json5_doc *doc)
{
	struct arena a = {.head = (struct arena_chunk *)(void *)doc->arena};
	arena_free(&a);
	memset(doc, 0, sizeof(*doc));
}

const struct json5_value *json5_get(const struct json5_value *object, const char *key)
{
	if (object == NULL || object->kind != JSON5_OBJECT) {
		return NULL;
	}
	for (size_t i = 0; i < object->member_count; i++) {
		if (strcmp(object->members[i].key, key) == 0) {
			return &object->members[i].value;
		}
	}
	return NULL;
}
