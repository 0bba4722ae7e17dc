/*
 * post_input.h - the body of "create a post" / "edit a post", read the same
 * way for the API (POST/PUT /api/v1/posts) and the CLI (`govmedia post
 * create --input`): declared fields only (unknown ones, wrong types, control
 * characters and over-long text refused naming the field), account_ids a
 * list of positive ids, the lawful-disclosure declaration included.
 */
#ifndef GM_HTTP_POST_INPUT_H
#define GM_HTTP_POST_INPUT_H

#include "store/posts.h"

#include <jansson.h>
#include <stddef.h>

/* Parses a create body into *in (which points into *b: keep *b until the
 * post is written, then json_decref it).  ids must hold POST_MAX_ACCOUNTS.
 * At least one account is required. */
int post_input_create(const char *text, size_t len, json_t **b, post_input *in, long long *ids,
                      gm_err *err);

/* The same for an edit: every field optional, present ones replace. */
int post_input_edit(const char *text, size_t len, json_t **b, post_input *in, long long *ids,
                    gm_err *err);

#endif
