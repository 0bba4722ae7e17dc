/*
 * robot_refusal.c - a robot's refusal in Chinese (see robot_refusal.h).
 *
 * Only codes whose meaning is certain from the makers' documentation:
 *  - WeCom (企业微信) global error codes: -1 系统繁忙, 45009 接口调用超过限制
 *    (a group robot takes at most 20 messages a minute), 93000 the webhook
 *    address is invalid or the robot was removed from its group;
 *  - DingTalk (钉钉) custom robots: -1 系统繁忙, 310000 the message failed
 *    the robot's security settings (custom keyword, 加签 signature or IP
 *    range; errmsg says which), 130101 more than 20 messages a minute.
 * Any other code is shown with the robot's own words only.
 */
#include "notify/robot_refusal.h"

#include <stdio.h>
#include <string.h>

typedef struct refusal {
    const char *kind;
    long long code;
    const char *meaning;
} refusal;

static const refusal known[] = {
    {"wecom", -1, "企业微信系统繁忙,稍后会自动重试"},
    {"wecom", 45009, "发送过于频繁(企业微信群机器人每分钟最多 20 条),稍后会自动重试"},
    {"wecom", 93000, "机器人地址无效或机器人已被移出群聊,请在群里重新添加机器人并更新地址"},
    {"dingtalk", -1, "钉钉系统繁忙,稍后会自动重试"},
    {"dingtalk", 310000, "消息未通过机器人的安全设置(自定义关键词、加签密钥或 IP 地址段),请核对机器人的安全设置"},
    {"dingtalk", 130101, "发送过于频繁(钉钉群机器人每分钟最多 20 条),稍后会自动重试"},
};

const char *robot_refusal_meaning(const char *kind, long long errcode)
{
    for (size_t i = 0; kind && i < sizeof known / sizeof known[0]; i++)
        if (known[i].code == errcode && strcmp(known[i].kind, kind) == 0)
            return known[i].meaning;
    return NULL;
}

/* The length of at most max bytes of s that ends on a UTF-8 character boundary. */
static int cut_on_character(const char *s, int max)
{
    int n = (int)strnlen(s, (size_t)max + 1);
    if (n <= max)
        return n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}

void robot_refusal_text(const char *kind, long long errcode, const char *errmsg, char *out,
                        size_t cap)
{
    const char *meaning = robot_refusal_meaning(kind, errcode);
    int n = snprintf(out, cap, "机器人拒收(错误码 %lld)%s%s", errcode, meaning ? ":" : "",
                     meaning ? meaning : "");
    if (n < 0 || (size_t)n >= cap || !errmsg || !*errmsg)
        return;
    snprintf(out + n, cap - (size_t)n, "。机器人返回:%.*s", cut_on_character(errmsg, 200), errmsg);
}
