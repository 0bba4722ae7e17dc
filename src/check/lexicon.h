/*
 * lexicon.h - lexicon and allow-list files, parsed into normalised terms.
 *
 * File format (UTF-8): one term a line, optionally followed by
 * "\tcategory\tseverity" (severity block|warn, default block; category
 * default "general"); "#" starts a comment; blank lines are ignored.
 * Terms equal after normalisation in one file (乾性 and 干性: shared word
 * lists often hold both the traditional and the simplified form) are
 * merged into the first, keeping the stricter severity, and the merge is
 * noted in gm_lexicon.merges.  Empty terms, terms with no letter or digit,
 * bad severities, control characters and invalid UTF-8 are errors naming
 * file and line.  The same term in two files is kept
 * twice; the checker merges the two findings, keeping the stronger severity.
 */
#ifndef GM_CHECK_LEXICON_H
#define GM_CHECK_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "util/gm_error.h"

#define GM_TERM_MAX 48   /* most normalised (repeat-collapsed) code points */

enum { GM_SEV_NONE = 0, GM_SEV_WARN = 1, GM_SEV_BLOCK = 2 };

/* What a file holds: the `allow` argument below and gm_term.allow. */
enum { GM_LEX_TERMS = 0, GM_LEX_ALLOW = 1, GM_LEX_CONTEXT = 2, GM_LEX_CONDEMN = 3,
       GM_LEX_FRAME = 4, GM_LEX_ADVERT = 5, GM_LEX_REGISTER = 6,
       GM_LEX_LEGAL = 7, GM_LEX_REVERSED = 8 };

typedef struct gm_term {
    char *text;        /* as written in the file */
    char *category;
    int severity;      /* GM_SEV_*, GM_SEV_NONE for allow entries */
    int allow;         /* GM_LEX_ALLOW: allow-list entry, GM_LEX_CONTEXT: enforcement word,
                        * GM_LEX_CONDEMN: built-in word condemning what it follows,
                        * GM_LEX_FRAME: built-in verb of the 对…进行X frame,
                        * GM_LEX_ADVERT: built-in advert cue (加微信, 私聊, 特价),
                        * GM_LEX_REGISTER: built-in word of official register
                        * (公安机关, 被告人, 全市),
                        * GM_LEX_LEGAL: built-in legal consequence or running
                        * total (拘留, 依法, 累计),
                        * GM_LEX_REVERSED: a term written backwards (reversed.h) */
    const char *file;  /* owned by the lexicon */
    unsigned line;
    uint32_t *norm;    /* repeat-collapsed normal form, len code points */
    uint8_t *runs;     /* repeat count of each, NULL when all are 1 */
    uint32_t len;
    uint32_t full_len; /* length before collapsing repeats */
    uint64_t hash;     /* of the uncollapsed normal form, for duplicates */
    uint32_t of;       /* GM_LEX_REVERSED: the index of the term it reverses */
} gm_term;

typedef struct gm_lexicon {
    gm_term *terms;
    size_t n, cap;
    char **files;
    size_t nfiles;
    size_t *slots;     /* hash set of term indexes + 1, 0 = empty */
    size_t nslots;
    char **merges;     /* one Chinese line per merged duplicate, for stderr / replies */
    size_t nmerges;
} gm_lexicon;

/* Parses buf (named name in messages) into lx; allow=1 for an allow list.
 * On error lx is left as it was before the call. */
int gm_lexicon_parse(gm_lexicon *lx, const char *name, const char *buf, size_t len,
                     int allow, gm_err *err);

/* Reads and parses the file at path. */
int gm_lexicon_load_file(gm_lexicon *lx, const char *path, int allow, gm_err *err);

void gm_lexicon_free(gm_lexicon *lx);

/* 1 when some file of lx holds an entry of kind whose normal form is the n
 * code points at norm, none of them repeated. */
int gm_lexicon_has(const gm_lexicon *lx, const uint32_t *norm, size_t n, int kind);

/* Normalises text into a repeat-collapsed form (out/runs of cap entries);
 * returns the collapsed length, sets *full_len.  Exposed for tests. */
size_t gm_norm_term(const char *text, size_t len, uint32_t *out, uint8_t *runs, size_t cap,
                    size_t *full_len);

#endif
