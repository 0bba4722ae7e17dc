/*
 * lists_expr.h - the expression lists as managed-list entries (the
 * GM_LIST_NAMES … GM_LIST_OFFICIALS part of gm_list_parse, gm_list_text
 * and gm_list_validate; see check.h).  Internal to the engine.
 */
#ifndef GM_CHECK_LISTS_EXPR_H
#define GM_CHECK_LISTS_EXPR_H

#include <jansson.h>
#include <stddef.h>

#include "check/check.h"

int gm_list_expr_parse(int kind, const char *text, size_t len, json_t **out, gm_err *err);
char *gm_list_expr_text(int kind, const json_t *entries);
int gm_list_expr_validate(int kind, const json_t *entries, gm_err *err);
int gm_list_expr_complete(int kind, json_t *entries);

#endif
