/*
 * check_batch.h - checking many drafts in one run (`govmedia check --jsonl`).
 */
#ifndef GM_CLI_CHECK_BATCH_H
#define GM_CLI_CHECK_BATCH_H

#include <stdio.h>

#include "check/check.h"
#include "store/recheck.h"

/* Reads JSON lines {"text","title","platform","repost_source","id"} from in
 * (platform: the default for lines without one, may be NULL) and writes one
 * report a line to out.  Returns the exit code: 0, 1 (a block) or 2 (a
 * malformed line, named on stderr; the lines before it stay printed). */
int check_jsonl(const gm_checker *c, FILE *in, const char *platform, FILE *out);

/* `govmedia check --archive`: re-checks every published post (of one
 * account, since a date) and writes a line for each that now has findings.
 * Returns <0 on error, 1 when any of them blocks, else 0. */
int check_archive(const gm_checker *c, db *d, long long account_id, const char *since,
                  FILE *out, long *checked, long *listed, gm_err *err);

#endif
