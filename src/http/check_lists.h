/*
 * check_lists.h - the compliance engine as the server runs it: the shipped
 * data under data_dir, with every list an admin has edited in the product
 * (lexicon, allow list, context words, approved sources, and the
 * expression lists: names, formulations, outdated formulations,
 * office-holders) taken from the store instead of its file.
 */
#ifndef GM_HTTP_CHECK_LISTS_H
#define GM_HTTP_CHECK_LISTS_H

#include "check/check.h"
#include "http/check_origin.h"
#include "store/db.h"

/* d may be NULL (shipped data only). */
int check_lists_load(db *d, const char *data_dir, gm_checker **out, gm_err *err);

/* The origin (http/check_origin.h) the engine check_lists_load would build
 * now has, without building it ("" when unknown). */
int check_lists_origin(db *d, const char *data_dir, char out[CHECK_ORIGIN_MAX], gm_err *err);

#endif
