/*
 * platform.h - platform presets (data/check/platforms.json): the length
 * limit per platform and the media policy.  Validated when loaded, so the
 * rules can read it without checks.
 */
#ifndef GM_CHECK_PLATFORM_H
#define GM_CHECK_PLATFORM_H

#include <jansson.h>

#include "util/gm_error.h"

int gm_presets_load(const char *path, json_t **out, gm_err *err);

/* Looks up a platform by name: *limit = code points or -1 for none,
 * *count_title = 1 when the title counts.  Unknown -> GM_E_INVALID
 * (field "platform"). */
int gm_preset_length(const json_t *presets, const char *platform, long *limit, int *count_title,
                     gm_err *err);

/* Media policy object {"image":{...},"video":{...}} for platform (NULL: default). */
const json_t *gm_preset_media(const json_t *presets, const char *platform);

#endif
