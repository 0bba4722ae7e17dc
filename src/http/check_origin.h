/*
 * check_origin.h - what an engine as the server runs it was built from, in
 * one line kept with every verdict it gives (the 安全问题 veto's re-check,
 * store/security_verdicts.h): the program and the shipped data under
 * data_dir (a digest of their bytes), and the version of each list edited
 * in the product ("lexicon:3,allow:0,…", 0 = the shipped default).  Two
 * engines of the same origin judge a text alike; a new release, a changed
 * data file or a list edit gives a new origin.
 */
#ifndef GM_HTTP_CHECK_ORIGIN_H
#define GM_HTTP_CHECK_ORIGIN_H

#include <stddef.h>

#include "check/check.h"

#define CHECK_ORIGIN_MAX 256

/* out = "engine=<hex>;lists=<name>:<version>,…" for the list versions
 * (versions[k] for list kind k, GM_LIST_COUNT of them); "" when the
 * program or a data file cannot be read (then nothing is kept). */
void check_origin(const char *data_dir, const long long *versions, char out[CHECK_ORIGIN_MAX]);

#endif
