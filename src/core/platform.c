/*
 * platform.c - platform names and labels (see platform.h).
 */
#include "core/platform.h"

#include <string.h>

static const struct {
    const char *name;
    const char *label;
} platforms[GM_PLATFORM_COUNT] = {
    [GM_PLATFORM_WEIBO] = {"weibo", "微博"},
    [GM_PLATFORM_WECHAT] = {"wechat", "微信公众号"},
    [GM_PLATFORM_TOUTIAO] = {"toutiao", "头条号"},
    [GM_PLATFORM_DOUYIN] = {"douyin", "抖音"},
    [GM_PLATFORM_KUAISHOU] = {"kuaishou", "快手"},
    [GM_PLATFORM_APP] = {"app", "移动客户端"},
};

static int platform_is_valid(gm_platform p)
{
    return (int)p >= 0 && p < GM_PLATFORM_COUNT;
}

const char *platform_name(gm_platform p)
{
    return platform_is_valid(p) ? platforms[p].name : "unknown";
}

const char *platform_label(gm_platform p)
{
    return platform_is_valid(p) ? platforms[p].label : "未知平台";
}

int platform_parse(const char *text, const char *field, gm_platform *out, gm_err *err)
{
    const char *f = field ? field : "platform";
    if (!text || !*text)
        return gm_fail(err, GM_E_INVALID, f, "请填写平台类型");
    for (int i = 0; i < GM_PLATFORM_COUNT; i++) {
        if (strcmp(text, platforms[i].name) == 0 || strcmp(text, platforms[i].label) == 0) {
            *out = (gm_platform)i;
            return GM_OK;
        }
    }
    return gm_fail(err, GM_E_INVALID, f,
                   "平台类型“%.64s”无效,应为weibo、wechat、toutiao、douyin、kuaishou或app之一", text);
}
