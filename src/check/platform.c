/*
 * platform.c - loads and validates platform presets (see platform.h).
 */
#include "check/platform.h"
#include "check/check.h"
#include "check/checker_int.h"

#include <string.h>

#include "util/length_preset.h"

static int bad(gm_err *err, const char *path, const char *what)
{
    return gm_fail(err, GM_E_INVALID, "platforms", "平台预设文件 %s 无效: %s", path, what);
}

static int valid_kind(const json_t *kind)
{
    const json_t *mime = json_object_get(kind, "mime");
    if (!json_is_object(kind) || !json_is_array(mime) ||
        !json_is_integer(json_object_get(kind, "min_bytes")) ||
        !json_is_integer(json_object_get(kind, "max_bytes")))
        return 0;
    size_t i;
    const json_t *v;
    json_array_foreach(mime, i, v)
        if (!json_is_string(v))
            return 0;
    return 1;
}

static int valid_media(const json_t *media)
{
    return json_is_object(media) && valid_kind(json_object_get(media, "image")) &&
           valid_kind(json_object_get(media, "video"));
}

static int valid_limit(const json_t *lim)
{
    return !lim || json_is_null(lim) || (json_is_integer(lim) && json_integer_value(lim) >= 0);
}

/* platform_limits: {"text_limit","title_limit","summary_limit"}, each an
 * integer >= 0 or null (absent: none). */
static int valid_own_limits(const json_t *own)
{
    return !own || (json_is_object(own) && valid_limit(json_object_get(own, "text_limit")) &&
                    valid_limit(json_object_get(own, "title_limit")) &&
                    valid_limit(json_object_get(own, "summary_limit")));
}

static int validate(const json_t *root, const char *path, gm_err *err)
{
    const json_t *plats = json_object_get(root, "platforms");
    if (!valid_media(json_object_get(root, "default_media")))
        return bad(err, path, "default_media 需含 image 与 video（mime 数组、min_bytes、max_bytes）");
    if (!json_is_object(plats))
        return bad(err, path, "缺少 platforms 对象");
    const char *name;
    const json_t *p;
    json_object_foreach((json_t *)plats, name, p) {
        const json_t *lim = json_object_get(p, "text_limit");
        const json_t *media = json_object_get(p, "media");
        if (!json_is_object(p) || !(json_is_null(lim) || json_is_integer(lim)) ||
            (json_is_integer(lim) && json_integer_value(lim) < 0) ||
            !json_is_boolean(json_object_get(p, "count_title")) || (media && !valid_media(media)) ||
            !valid_own_limits(json_object_get(p, "platform_limits")))
            return bad(err, path, name);
    }
    return 0;
}

int gm_presets_load(const char *path, json_t **out, gm_err *err)
{
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!root)
        return gm_fail(err, GM_E_INVALID, "platforms", "无法读取平台预设 %s: %s (第 %d 行)", path,
                       je.text, je.line);
    int rc = validate(root, path, err);
    if (rc) {
        json_decref(root);
        return rc;
    }
    *out = root;
    return 0;
}

static long limit_of(const json_t *lim)
{
    return json_is_integer(lim) ? (long)json_integer_value(lim) : -1;
}

int gm_preset_limits(const json_t *presets, const char *platform, const char *preset,
                     gm_length_limits *out, gm_err *err)
{
    const json_t *p = json_object_get(json_object_get(presets, "platforms"), platform);
    if (!p)
        return gm_fail(err, GM_E_INVALID, "platform", "未知平台“%s”（可选: weibo wechat toutiao douyin kuaishou app website）",
                       platform);
    if (preset && gm_length_preset_require(preset, "length_preset", err))
        return GM_E_INVALID;
    const json_t *own = preset && strcmp(preset, "platform") == 0
                            ? json_object_get(p, "platform_limits") : NULL;
    *out = (gm_length_limits){.text = limit_of(json_object_get(p, "text_limit")),
                              .title = -1, .summary = -1,
                              .count_title = json_is_true(json_object_get(p, "count_title")),
                              .preset = own ? "platform" : GM_LENGTH_PRESET_DEFAULT};
    if (own) {
        out->text = limit_of(json_object_get(own, "text_limit"));
        out->title = limit_of(json_object_get(own, "title_limit"));
        out->summary = limit_of(json_object_get(own, "summary_limit"));
        out->count_title = 0;
    }
    return 0;
}

const json_t *gm_preset_media(const json_t *presets, const char *platform)
{
    const json_t *p = platform ? json_object_get(json_object_get(presets, "platforms"), platform)
                               : NULL;
    const json_t *m = p ? json_object_get(p, "media") : NULL;
    return m ? m : json_object_get(presets, "default_media");
}

static json_t *limit_json(long n)
{
    return n < 0 ? json_null() : json_integer(n);
}

int gm_check_limits_json(const gm_checker *c, const char *platform, const char *preset,
                         json_t **out, gm_err *err)
{
    gm_length_limits lim;
    int rc = gm_preset_limits(c->presets, platform, preset, &lim, err);
    if (rc)
        return rc;
    *out = json_pack("{s:s,s:s,s:s,s:o,s:o,s:o,s:b}", "platform", platform, "length_preset",
                     preset ? preset : GM_LENGTH_PRESET_DEFAULT, "length_preset_label",
                     gm_length_preset_label(lim.preset), "text", limit_json(lim.text), "title",
                     limit_json(lim.title), "summary", limit_json(lim.summary), "count_title",
                     lim.count_title);
    return *out ? GM_OK : gm_fail(err, GM_E_NOMEM, "", "内存不足");
}
