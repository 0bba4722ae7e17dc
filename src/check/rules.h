/*
 * rules.h - the non-lexicon rules: length per platform, repost source, and
 * media files.  Each appends findings; none does I/O except media (which
 * reads the file it is given).
 */
#ifndef GM_CHECK_RULES_H
#define GM_CHECK_RULES_H

#include <stddef.h>

#include "check/finding.h"
#include "check/platform.h"
#include "util/gm_error.h"

/* Length in code points against lim (check/platform.h; -1: none).  *chars =
 * text code points, plus the title's when count_title.  Over a limit: one
 * block finding covering the part of the field (text, title, summary)
 * beyond it, its message naming the preset's limit. */
int gm_length_check(const char *text, size_t len, const char *title, const char *summary,
                    const gm_length_limits *lim, const char *platform, gm_findings *fs,
                    size_t *chars);

/* Approved repost sources: names (normalised) and domains. */
typedef struct gm_sources {
    char **names;
    size_t n_names;
    char **domains;
    size_t n_domains;
} gm_sources;

int gm_sources_load(gm_sources *s, const char *path, gm_err *err);
/* The same from text (named path in messages); a NUL ends the text early. */
int gm_sources_parse(gm_sources *s, const char *path, const char *text, size_t len, gm_err *err);
void gm_sources_free(gm_sources *s);
/* 1 when source (valid UTF-8) is approved, 0 if not, <0 on error. */
int gm_source_approved(const gm_sources *s, const char *source);
/* Repost rule: source must be named and approved. */
int gm_source_check(const gm_sources *s, const char *source, gm_findings *fs);

/* Media rule: real type via libmagic, size from the file.  Fills *mime
 * (static or caller buffer of 128), *kind and *bytes. */
int gm_media_check(const char *path, const void *policy_json, gm_findings *fs, char *mime,
                   const char **kind, long long *bytes, gm_err *err);
/* The same for a file whose real type and size are known (a stored post
 * attachment): findings for a type or size the policy does not allow. */
int gm_media_judge(const char *mime, long long bytes, const void *policy_json, gm_findings *fs,
                   const char **kind, gm_err *err);

#endif
