/*
 * notice.c - validating a notice and shaping it for group robots.
 *
 * WeCom robot:    {"msgtype":"markdown","markdown":{"content":"..."}}
 * DingTalk robot: {"msgtype":"markdown","markdown":{"title":"...","text":"..."}}
 * Both messages begin with 【政务新媒体】 so a DingTalk robot secured by the
 * keyword "政务新媒体" accepts them.
 */
#include "core/notice.h"
#include "util/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROBOT_TAG "【政务新媒体】"

static int kind_ok(const char *k)
{
    size_t n = k ? strlen(k) : 0;
    if (n < 1 || n > 64)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((k[i] >= 'a' && k[i] <= 'z') || (k[i] >= '0' && k[i] <= '9') || k[i] == '.' ||
              k[i] == '_' || k[i] == '-'))
            return 0;
    return 1;
}

int notice_validate(const gm_notice *n, gm_err *err)
{
    if (!kind_ok(n->kind))
        return gm_fail(err, GM_E_INVALID, "kind", "通知类别应为 1 到 64 个小写字母、数字或 ._-");
    int rc = text_require(n->title, "title", 1, 200, err);
    if (!rc && n->body && *n->body)
        rc = text_require(n->body, "body", 0, GM_NOTICE_BODY_MAX, err);
    if (!rc && n->link && *n->link && (n->link[0] != '/' || strlen(n->link) > 500))
        rc = gm_fail(err, GM_E_INVALID, "link", "链接应为以 / 开头的控制台路径");
    return rc;
}

int notice_webhook_kind_known(const char *k)
{
    return k && (strcmp(k, "wecom") == 0 || strcmp(k, "dingtalk") == 0);
}

/* "<open>【政务新媒体】title<close>\n\nbody\n\n控制台:link" with the parts present. */
static char *robot_text(const gm_notice *n, const char *open, const char *close,
                        const char *body_prefix)
{
    const char *body = n->body ? n->body : "", *link = n->link ? n->link : "";
    size_t cap = strlen(n->title) + strlen(body) + strlen(link) + 128;
    char *s = malloc(cap);
    if (!s)
        return NULL;
    int k = snprintf(s, cap, "%s%s%s%s", open, ROBOT_TAG, n->title, close);
    if (*body)
        k += snprintf(s + k, cap - k, "\n\n%s%s", body_prefix, body);
    if (*link)
        snprintf(s + k, cap - k, "\n\n%s控制台:%s", body_prefix, link);
    return s;
}

json_t *notice_robot_payload(const char *webhook_kind, const gm_notice *n)
{
    if (!notice_webhook_kind_known(webhook_kind))
        return NULL;
    int wecom = strcmp(webhook_kind, "wecom") == 0;
    char *text = wecom ? robot_text(n, "**", "**", "> ") : robot_text(n, "#### ", "", "");
    if (!text)
        return NULL;
    json_t *j = wecom ? json_pack("{s:s,s:{s:s}}", "msgtype", "markdown", "markdown", "content",
                                  text)
                      : json_pack("{s:s,s:{s:s+,s:s}}", "msgtype", "markdown", "markdown", "title",
                                  ROBOT_TAG, n->title, "text", text);
    free(text);
    return j;
}
