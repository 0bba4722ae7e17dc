/*
 * platform.h - platform presets (data/check/platforms.json): the length
 * limits per platform under each length preset (util/length_preset.h) and
 * the media policy.  Validated when loaded, so the rules can read it
 * without checks.
 */
#ifndef GM_CHECK_PLATFORM_H
#define GM_CHECK_PLATFORM_H

#include <jansson.h>

#include "util/gm_error.h"

int gm_presets_load(const char *path, json_t **out, gm_err *err);

/* The length limits of one platform under one preset, in code points
 * (-1: none).  count_title: the title counts toward the text's limit. */
typedef struct gm_length_limits {
    long text, title, summary;
    int count_title;
    const char *preset;   /* "house" or "platform" (static) */
} gm_length_limits;

/* Looks up a platform by name under preset (NULL: the house rule).  The
 * house rule is the platform's text_limit/count_title; "platform" is its
 * platform_limits object, or the house rule when the file names none.
 * Unknown platform -> GM_E_INVALID field "platform"; unknown preset ->
 * field "length_preset". */
int gm_preset_limits(const json_t *presets, const char *platform, const char *preset,
                     gm_length_limits *out, gm_err *err);

/* Media policy object {"image":{...},"video":{...}} for platform (NULL: default). */
const json_t *gm_preset_media(const json_t *presets, const char *platform);

#endif
