/*
 * length_preset.h - the two length presets of REQUIREMENTS §3.3: "house"
 * (the house rule of seed 004: WeChat <= 680 including the title; the
 * default) and "platform" (the platforms' own limits: WeChat mass-send
 * text 600, article title 64, summary 120).  The limits themselves are
 * data (data/check/platforms.json); this is the list of names and their
 * Chinese labels, shared by the check engine and a unit's review policy.
 */
#ifndef GM_UTIL_LENGTH_PRESET_H
#define GM_UTIL_LENGTH_PRESET_H

#include "util/gm_error.h"

#define GM_LENGTH_PRESET_DEFAULT "house"

/* "本单位规定" / "平台规定", NULL for an unknown name. */
const char *gm_length_preset_label(const char *name);

/* GM_OK when name is a preset, else GM_E_INVALID naming field and the choices. */
int gm_length_preset_require(const char *name, const char *field, gm_err *err);

#endif
