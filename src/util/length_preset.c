/*
 * length_preset.c - names and labels of the length presets (see length_preset.h).
 */
#include "util/length_preset.h"

#include <string.h>

static const struct {
    const char *name, *label;
} presets[] = {{"house", "本单位规定"}, {"platform", "平台规定"}};

const char *gm_length_preset_label(const char *name)
{
    for (size_t i = 0; name && i < sizeof presets / sizeof presets[0]; i++)
        if (strcmp(presets[i].name, name) == 0)
            return presets[i].label;
    return NULL;
}

int gm_length_preset_require(const char *name, const char *field, gm_err *err)
{
    if (gm_length_preset_label(name))
        return GM_OK;
    return gm_fail(err, GM_E_INVALID, field,
                   "未知的字数规则“%s”(可选: house 本单位规定, platform 平台规定)",
                   name ? name : "");
}
