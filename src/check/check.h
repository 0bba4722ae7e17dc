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
 *    "findings":[{"rule":"lexicon|length|privacy|source|expression", "category":"…",
 *                 "severity":"block|warn", "term":"…", "match":"…",
 *                 "start":N, "end":N, "field":"text|title|summary|repost_source",
 *                 "replacement":"…" (privacy: masked form; expression: the
 *                 corrected text for the span), "message":"…" (some),
 *                 "via":"pinyin|initials|homophone|digit|emoji" (lexicon hits
 *                 by sound; "near" after the fuzzy pinyin of long terms;
 *                 "shape" when a character is written as one it looks like),
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
 * data_dir/check/context.txt, the match policy data_dir/check/policy.txt,
 * expression lists data_dir/expressions/ (names, formulations, outdated
 * formulations, office-holders). */
int gm_checker_load_default(gm_checker **out, const char *data_dir, gm_err *err);

/* Explicit files (for `govmedia check --lexicon/--allow`).  NULL or zero
 * counts mean "none"; platforms is required.  When n_lexicons is 0 and
 * lexicon_dir is set, every lexicon_dir/ *.txt is loaded (sorted by name).
 * expressions: the expression-list directory (NULL: no lists).  The 错别字
 * check runs unless no_typos is set (its model is built with govmedia). */
typedef struct gm_checker_files {
    const char *const *lexicons;
    size_t n_lexicons;
    const char *lexicon_dir;
    const char *allow;
    const char *sources;
    const char *platforms;
    const char *context;       /* enforcement context words (lexicon format), may be NULL */
    const char *policy;        /* per-category match policy, may be NULL (built-in default) */
    const char *expressions;   /* expression-list directory, may be NULL */
    int no_typos;              /* 1: no 错别字 check */
    const char *register_words;   /* official-register words (lexicon format), may be NULL */
} gm_checker_files;
int gm_checker_load(gm_checker **out, const gm_checker_files *files, gm_err *err);

/* The lists admins edit in the product (store/managed_lists.h) as they
 * replace shipped files: each non-NULL text (in the file format of that
 * list) replaces the shipped file(s); NULL keeps the shipped one. */
typedef struct gm_checker_texts {
    const char *lexicon;   /* replaces every data_dir/lexicons/ *.txt */
    const char *allow;
    const char *context;
    const char *sources;
    /* replace data_dir/expressions/{names,formulations,outdated,officials}.txt */
    const char *names, *formulations, *outdated, *officials;
    const char *register_words;   /* replaces data_dir/check/register.txt */
} gm_checker_texts;
int gm_checker_load_texts(gm_checker **out, const char *data_dir, const gm_checker_texts *t,
                          gm_err *err);

/* The engine's admin-edited lists and their entries as JSON objects:
 *   GM_LIST_LEXICON  {"term","category","severity":"block|warn"}   key "term"
 *   GM_LIST_ALLOW    {"term"}                                      key "term"
 *   GM_LIST_CONTEXT  {"term"}   (enforcement words)                key "term"
 *   GM_LIST_REGISTER {"term"}   (official-register words: 公安机关, 全市) key "term"
 *   GM_LIST_SOURCES  {"source"} (names, or domains like gov.cn)    key "source"
 * and the expression lists (data/expressions/, severity "warn" by default):
 *   GM_LIST_NAMES, GM_LIST_FORMULATIONS
 *                    {"correct","wrong":["…"],"severity"}          key "correct"
 *   GM_LIST_OUTDATED {"correct" (the current form),"wrong" (outdated forms),"severity"}
 *   GM_LIST_OFFICIALS {"id","name","severity","posts":[{"title","unit","from","to"}]}
 *                    (one person, every post held; dates YYYY-MM-DD,
 *                    "to" "" while serving; id tells people of the same
 *                    name apart, the name when not given)          key "id" */
enum { GM_LIST_LEXICON, GM_LIST_ALLOW, GM_LIST_CONTEXT, GM_LIST_SOURCES, GM_LIST_NAMES,
       GM_LIST_FORMULATIONS, GM_LIST_OUTDATED, GM_LIST_OFFICIALS, GM_LIST_REGISTER,
       GM_LIST_COUNT };
/* "lexicon", "allow", "context", "sources", "names", "formulations",
 * "outdated", "officials" */
const char *gm_list_name(int kind);
const char *gm_list_key(int kind);        /* "term", "source", "correct" or "id" */
/* The shipped default entries under data_dir (a new array). */
int gm_list_defaults(int kind, const char *data_dir, json_t **out, gm_err *err);
/* Fills in what an entry may leave out and its key needs (an office-holder's
 * id: the name), in place; entries stored before ids existed read the same.
 * -1 on no memory. */
int gm_list_complete(int kind, json_t *entries);
/* Entries -> the list's file format (malloc'd), and back. */
char *gm_list_text(int kind, const json_t *entries);
int gm_list_parse(int kind, const char *text, size_t len, json_t **out, gm_err *err);
/* Whether entries make a valid list (every term normalises, no duplicate
 * normal forms, no '#', tab or line break inside); err names
 * "entries[i].term" where it can. */
int gm_list_validate(int kind, const json_t *entries, gm_err *err);

/* Lexicon lines merged while loading (one Chinese sentence each, e.g. a
 * traditional and a simplified form of one term); *lines valid while c is. */
size_t gm_checker_merges(const gm_checker *c, const char *const **lines);

/* What the engine was built from, as its loader describes it (the program
 * and shipped data, the versions of the lists edited in the product; see
 * http/check_origin.h): a verdict kept with it holds while an engine of the
 * same origin judges.  "" until set; set it before sharing c. */
void gm_checker_set_origin(gm_checker *c, const char *origin);
const char *gm_checker_origin(const gm_checker *c);

void gm_checker_ref(gm_checker *c);     /* thread-safe (atomic) */
void gm_checker_unref(gm_checker *c);   /* frees at zero; NULL is fine */

typedef struct gm_check_input {
    const char *text;
    size_t text_len;           /* UTF-8, may be empty */
    const char *title;         /* may be NULL */
    const char *platform;      /* "weibo","wechat","toutiao","douyin","app" or NULL */
    const char *repost_source; /* may be NULL: not a repost */
    const char *summary;       /* an article's summary (摘要), may be NULL */
    const char *length_preset; /* "house" (NULL: the default) or "platform" (§3.3) */
} gm_check_input;

/* Runs every text rule; *out = the object above.  Invalid UTF-8 ->
 * GM_E_INVALID "正文不是有效的 UTF-8(第 N 字节)", field "text" (or "title",
 * "repost_source", "summary", each with its Chinese label).  Unknown platform ->
 * GM_E_INVALID field "platform", unknown length preset -> field "length_preset".
 * The summary is read like the title (lexicon, expressions, personal data);
 * under the platform preset it and the title have limits of their own
 * (findings with field "summary" / "title"). */
int gm_check_json(const gm_checker *c, const gm_check_input *in, json_t **out, gm_err *err);
/* The same as of the text's day (YYYY-MM-DD, China; NULL: no day): a title
 * next to a listed office-holder's name is right when some person of that
 * name held it at some time up to that day (at any time without a day).
 * A day that is not a real one -> GM_E_INVALID field "date". */
int gm_check_json_on(const gm_checker *c, const gm_check_input *in, const char *date,
                     json_t **out, gm_err *err);

/* The same check with the report as compact JSON text, byte for byte what
 * json_dumps(report, JSON_COMPACT) of gm_check_json's object prints, written
 * without building that object (the fast path of `check --jsonl` and the
 * API).  getline-style buffer: *buf (may be NULL) of capacity *cap is grown
 * with realloc and reused across calls; the caller frees it.  *len bytes
 * (the text ends with '}'), *ok = the report's "ok". */
int gm_check_text(const gm_checker *c, const gm_check_input *in, char **buf, size_t *cap,
                  size_t *len, int *ok, gm_err *err);
/* gm_check_text as of the text's day (see gm_check_json_on). */
int gm_check_text_on(const gm_checker *c, const gm_check_input *in, const char *date,
                     char **buf, size_t *cap, size_t *len, int *ok, gm_err *err);

/* GM_OK when platform (NULL: the default) has presets, else GM_E_INVALID
 * field "platform" naming it. */
int gm_check_platform_known(const gm_checker *c, const char *platform, gm_err *err);

/* The length limits of a platform under a length preset (NULL: the house
 * rule), for an editor's counters: {"platform","length_preset",
 * "length_preset_label","text":N|null,"title":N|null,"summary":N|null,
 * "count_title":bool} in code points.  Unknown platform or preset ->
 * GM_E_INVALID naming "platform" / "length_preset". */
int gm_check_limits_json(const gm_checker *c, const char *platform, const char *preset,
                         json_t **out, gm_err *err);

/* Checks a media file's real type (libmagic) and size against the
 * platform's policy (platform may be NULL: the default policy).
 * *out = {"ok":bool,"file":"…","mime":"…","kind":"image|video|other",
 *         "bytes":N,"findings":[{"rule":"media",…}]}. */
int gm_check_media_json(const gm_checker *c, const char *path, const char *platform,
                        json_t **out, gm_err *err);
/* The same for a file whose real type and size are already known (a stored
 * post attachment, typed by gm_media_mime_of_bytes when it came): "file"
 * is null.  "mime_label" in both: the type's Chinese name, or null. */
int gm_check_media_known_json(const gm_checker *c, const char *mime, long long bytes,
                              const char *platform, json_t **out, gm_err *err);
/* A file's real type read from its bytes (libmagic); mime holds 128. */
int gm_media_mime_of_bytes(const void *data, size_t len, char *mime, gm_err *err);

/* Number of lexicon and allow-list terms loaded (for logs). */
size_t gm_checker_term_count(const gm_checker *c);

#endif
