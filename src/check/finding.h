/*
 * finding.h - one finding of a rule, and the growing list the rules fill.
 * Strings are copied in, into blocks the list owns (one allocation for
 * many findings' strings, not one per string); they live until
 * gm_findings_free.
 */
#ifndef GM_CHECK_FINDING_H
#define GM_CHECK_FINDING_H

#include <stddef.h>

typedef struct gm_finding {
    const char *rule;      /* "lexicon" | "length" | "privacy" | "media" | "source" (static) */
    const char *field;     /* input the offsets refer to: "text" | "title" | ... (static) */
    char *category;
    int severity;          /* GM_SEV_WARN | GM_SEV_BLOCK */
    char *term;            /* the lexicon term, the limit, the rule's subject */
    char *match;           /* the original text covered by start..end */
    size_t start, end;     /* code points into the original field */
    size_t b_start, b_end; /* the same span in bytes */
    char *replacement;     /* privacy: masked form; NULL otherwise */
    char *message;         /* explanation for people, may be NULL */
    const char *via;       /* lexicon: "pinyin" | "initials" | "homophone" | "digit" | "emoji", NULL = literal */
    const char *context;   /* lexicon: "enforcement" when governed by such a word (static) */
} gm_finding;

typedef struct gm_findings {
    gm_finding *v;
    size_t n, cap;
    struct gm_text_block *text;   /* where the findings' strings are copied */
} gm_findings;

/* Appends a copy of f (its strings copied; match is f->match of match_len
 * bytes).  Returns 0 or GM_E_NOMEM. */
int gm_findings_add(gm_findings *fs, const gm_finding *f, size_t match_len);

/* Sorts by field, start, end, rule; merges the same term found twice at
 * the same place (lexicons loaded twice), keeping the stronger severity. */
void gm_findings_sort(gm_findings *fs);

void gm_findings_free(gm_findings *fs);

/* Drops the findings from index `from` on for which keep() returns 0. */
void gm_findings_keep(gm_findings *fs, size_t from, int (*keep)(void *ctx, const gm_finding *f),
                      void *ctx);

#endif
