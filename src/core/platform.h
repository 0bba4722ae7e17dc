/*
 * platform.h - the new-media platforms an account can live on.
 *
 * Stable machine names (used in the API, the CLI and the store) and the
 * Chinese labels shown to operators (as on 《新媒体建设申请表》).
 */
#ifndef GM_CORE_PLATFORM_H
#define GM_CORE_PLATFORM_H

#include "util/gm_error.h"

typedef enum gm_platform {
    GM_PLATFORM_WEIBO,    /* "weibo"    微博 */
    GM_PLATFORM_WECHAT,   /* "wechat"   微信公众号 */
    GM_PLATFORM_TOUTIAO,  /* "toutiao"  头条号 */
    GM_PLATFORM_DOUYIN,   /* "douyin"   抖音 */
    GM_PLATFORM_KUAISHOU, /* "kuaishou" 快手 */
    GM_PLATFORM_APP,      /* "app"      移动客户端 */
    GM_PLATFORM_COUNT
} gm_platform;

/* Machine name ("weibo"), or "unknown" for an out-of-range value. */
const char *platform_name(gm_platform p);

/* Chinese label ("微博"), or "未知平台". */
const char *platform_label(gm_platform p);

/* Parses a machine name or a Chinese label; GM_E_INVALID naming field
 * (NULL means "platform") and listing the accepted names otherwise. */
int platform_parse(const char *text, const char *field, gm_platform *out, gm_err *err);

#endif
