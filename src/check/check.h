/*
 * check.h - the compliance engine (libgovcheck): the public API.
 *
 * A gm_checker holds compiled lexicons, the allow list, approved repost
 * sources and platform presets.  It is immutable once loaded and
 * reference-counted, so a server can swap in a reloaded checker while
 * requests in flight keep the one they started with.
 *
 * gm_check_json() runs every text rule and builds the object that
 * `govmedia check --json` prints:
 *   {"ok":bool, "chars":N, "limit":N|null,
 *    "findings":[{"rule":"lexicon|length|privacy|source", "category":"…",
 *                 "severity":"block|warn", "term":"…", "match":"…",
 *                 "start":N, "end":N, "field":"text|title|repost_source",
 *                 "replacement":"…" (privacy only), "message":"…" (some),
 *                 "via":"pinyin|homophone" (lexicon hits by sound),
 *                 "context":"enforcement" (a term governed by 打击、严禁…: warn)}],
 *    "masked":"…" (only when a privacy finding exists in the text)}
 * start/end are code-point offsets into the original value of `field`;
 * match is the original text they cover.  ok is false iff some finding has
 * severity block.
 */
#ifndef GM_CHECK_H
#define GM_CHECK_H

#include <jansson.h>
#include <stddef.h>

#include "util/gm_error.h"

typedef struct gm_checker gm_checker;   /* immutable once loaded; refcounted */

/* Loads the shipped data under data_dir: every data_dir/lexicons/ *.txt, the
 * allow list data_dir/check/allow.txt, approved sources
 * data_dir/check/approved_sources.txt, platform presets
 * data_dir/check/platforms.json, enforcement context words
 * data_dir/check/context.txt, the match policy data_dir/check/policy.txt. */
int gm_checker_load_default(gm_checker **out, const char *data_dir, gm_err *err);

/* Explicit files (for `govmedia check --lexicon/--allow`).  NULL or zero
 * counts mean "none"; platforms is required.  When n_lexicons is 0 and
 * lexicon_dir is set, every lexicon_dir/ *.txt is loaded (sorted by name). */
typedef struct gm_checker_files {
    const char *const *lexicons;
    size_t n_lexicons;
    const char *lexicon_dir;
    const char *allow;
    const char *sources;
    const char *platforms;
    const char *context;       /* enforcement context words (lexicon format), may be NULL */
    const char *policy;        /* per-category match policy, may be NULL (built-in default) */
} gm_checker_files;
int gm_checker_load(gm_checker **out, const gm_checker_files *files, gm_err *err);

void gm_checker_ref(gm_checker *c);     /* thread-safe (atomic) */
void gm_checker_unref(gm_checker *c);   /* frees at zero; NULL is fine */

typedef struct gm_check_input {
    const char *text;
    size_t text_len;           /* UTF-8, may be empty */
    const char *title;         /* may be NULL */
    const char *platform;      /* "weibo","wechat","toutiao","douyin","app" or NULL */
    const char *repost_source; /* may be NULL: not a repost */
} gm_check_input;

/* Runs every text rule; *out = the object above.  Invalid UTF-8 ->
 * GM_E_INVALID "input is not valid UTF-8 at byte N", field "text" (or
 * "title", "repost_source").  Unknown platform -> GM_E_INVALID field
 * "platform". */
int gm_check_json(const gm_checker *c, const gm_check_input *in, json_t **out, gm_err *err);

/* Checks a media file's real type (libmagic) and size against the
 * platform's policy (platform may be NULL: the default policy).
 * *out = {"ok":bool,"file":"…","mime":"…","kind":"image|video|other",
 *         "bytes":N,"findings":[{"rule":"media",…}]}. */
int gm_check_media_json(const gm_checker *c, const char *path, const char *platform,
                        json_t **out, gm_err *err);

/* Number of lexicon and allow-list terms loaded (for logs). */
size_t gm_checker_term_count(const gm_checker *c);

#endif
