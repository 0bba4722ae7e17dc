/*
 * policy.h - per-category policy for how a term may match: the severity of
 * pinyin and homophone hits, and whether an enforcement context word
 * (打击、严禁…) before the term turns a block into a warn.
 *
 * File format (data/check/policy.txt), one category a line, tab or spaces:
 *   category  pinyin  homophone  context
 * pinyin/homophone: term (the term's own severity) | warn | off;
 * context: yes | no.  The row "*" is the default for unlisted categories.
 * Whatever the file says, a homophone hit of a two-character term is at
 * most a warning (two characters sound alike too often).
 */
#ifndef GM_CHECK_POLICY_H
#define GM_CHECK_POLICY_H

#include <stddef.h>

#include "util/gm_error.h"

#define GM_POL_TERM (-1)   /* the term's own severity */

typedef struct gm_cat_policy {
    char *category;
    int pinyin, homophone;   /* GM_POL_TERM, GM_SEV_NONE (off), GM_SEV_WARN */
    int context;             /* 1: enforcement context applies */
} gm_cat_policy;

typedef struct gm_policy {
    gm_cat_policy *v;
    size_t n;
    gm_cat_policy dflt;
} gm_policy;

void gm_policy_init(gm_policy *p);   /* the built-in default: term, term, yes */
int gm_policy_parse(gm_policy *p, const char *name, const char *buf, size_t len, gm_err *err);
int gm_policy_load_file(gm_policy *p, const char *path, gm_err *err);
void gm_policy_free(gm_policy *p);
const gm_cat_policy *gm_policy_for(const gm_policy *p, const char *category);

#endif
