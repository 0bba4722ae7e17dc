/*
 * exprlist.h - the listed part of the expression check (严重表述错误):
 * official names and fixed formulations with their wrong forms, outdated
 * formulations with their replacements, and office-holders with titles.
 *
 * Loaded from a directory (data/expressions/ by default; format in its
 * README.md).  Every wrong form becomes a matcher term whose finding
 * carries the correct form as replacement.  Names and formulations of 3
 * or more characters also get their one-character near misses, generated
 * from the typo model's confusion sets (same reading, similar shape).  An
 * office-holder's name is matched too, and the title written right before
 * or after it is compared with the titles the person has held.
 */
#ifndef GM_CHECK_EXPRLIST_H
#define GM_CHECK_EXPRLIST_H

#include <stddef.h>

#include "check/finding.h"
#include "check/lexicon.h"
#include "check/matcher.h"
#include "check/typo.h"
#include "check/typo_model.h"
#include "util/gm_error.h"

/* One post of one person (a line of officials.txt).  Two people of the
 * same name are told apart by person (the list's id column; the name when
 * it is empty). */
typedef struct gm_holder {
    char *name, *title, *unit, *from, *to;   /* from/to: YYYY-MM-DD, to "" = serving */
    char *person;                            /* who: the entry's id */
    int severity;
} gm_holder;

typedef struct gm_expr_term {
    const char *correct;   /* the right form (owned by cand strings), NULL for a holder */
    const char *category;  /* "name" | "formulation" (static) */
    int severity;
    size_t holder;         /* index + 1 into holders for a holder's name, else 0 */
    int near;              /* a generated near miss of correct */
    int titled;            /* a near miss of a holder's name that reads as ordinary
                              words (张建园 for 张建国): a finding only right next to a
                              title some holder of that name has held (市长张建园) */
} gm_expr_term;

typedef struct gm_exprs {
    gm_lexicon lex;
    gm_matcher *m;         /* NULL when nothing is listed */
    gm_expr_term *terms;   /* parallel to lex.terms */
    char **strings;        /* correct forms the terms point to */
    size_t nstrings;
    gm_holder *holders;
    size_t nholders;
    char **titles;         /* every known title, longest first */
    size_t ntitles;
    const gm_typo_model *model;   /* the 错别字 model near misses were made with, or NULL */
} gm_exprs;

/* Loads dir/names.txt, formulations.txt, outdated.txt, officials.txt (each
 * optional).  model may be NULL (no near misses).  Errors name file+line. */
int gm_exprs_load(gm_exprs *x, const char *dir, const gm_typo_model *model, gm_err *err);

/* The four lists, in this order (texts[] below, GM_LIST_NAMES… in check.h). */
enum { GM_EXPR_NAMES, GM_EXPR_FORMULATIONS, GM_EXPR_OUTDATED, GM_EXPR_OFFICIALS, GM_EXPR_LISTS };

/* As gm_exprs_load, but texts[i] (the list in its file format, when
 * texts and texts[i] are not NULL) replaces dir's file: the lists admins
 * edit in the product.  dir may be NULL (no files).  Errors name the list
 * ("names 第 3 行: …"). */
int gm_exprs_load_texts(gm_exprs *x, const char *dir, const char *const texts[GM_EXPR_LISTS],
                        const gm_typo_model *model, gm_err *err);

/* Whether text is a valid list `which` (GM_EXPR_*), by loading it alone
 * with the same parser (no near misses). */
int gm_exprs_check_text(int which, const char *text, gm_err *err);

/* Splits a list line at TABs in place into at most max columns; returns
 * how many. */
int gm_exprs_split_tabs(char *line, char **col, int max);

/* "" or a real day written YYYY-MM-DD (an office-holder's from/to). */
int gm_exprs_valid_date(const char *s);
void gm_exprs_free(gm_exprs *x);

/* Appends name, formulation and title findings (rule "expression").  date
 * is the text's day (YYYY-MM-DD) or NULL: a title next to a listed name is
 * right when some person of that name held it at any time up to that day
 * (at any time without a date).  quiet (may be NULL) receives the spans of
 * every listed office-holder's name found and of the title next to it, for
 * the 错别字 check to leave alone. */
int gm_exprs_findings(const gm_exprs *x, const char *text, size_t len, const char *field,
                      const char *date, gm_findings *fs, gm_typo_quiet *quiet, gm_err *err);

#endif
