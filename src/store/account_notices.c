/*
 * account_notices.c - notices of account applications and their decisions
 * (see account_notices.h).
 */
#include "store/account_notices.h"
#include "core/platform.h"
#include "store/notify.h"

#include <stdio.h>

static const char *platform_text(const gm_account *a)
{
    gm_platform p;
    return platform_parse(a->platform, NULL, &p, NULL) ? a->platform : platform_label(p);
}

int account_notice_applied(db *d, const gm_account *a, gm_err *err)
{
    char title[400], body[500], link[48];
    snprintf(title, sizeof title, "新媒体建设申请待审批:%s(%s)", a->name, platform_text(a));
    snprintf(body, sizeof body, "申请单位:%s", a->unit_name);
    snprintf(link, sizeof link, "/accounts/%lld", a->id);
    gm_notice n = {.kind = "account.apply", .title = title, .body = body, .link = link};
    return notify_role_above_in_app(d, a->unit_path, a->unit_id, ROLE_SUPERVISOR, &n, NULL, err);
}

int account_notice_decided(db *d, const gm_account *a, int approved, const char *reason,
                           gm_err *err)
{
    long long applicant = 0;
    int rc = db_query_int(d, &applicant, err,
                          "SELECT u.id FROM account_versions v JOIN users u ON u.login=v.login "
                          "WHERE v.account_id=? AND v.version=1 AND u.disabled=0",
                          "i", a->id);
    if (rc == GM_E_NOTFOUND)
        return GM_OK;   /* applied from the command line, or the applicant left */
    if (rc)
        return rc;
    char title[400], link[48];
    snprintf(title, sizeof title, "新媒体建设申请%s:%s(%s)", approved ? "已批准" : "未获批准",
             a->name, platform_text(a));
    snprintf(link, sizeof link, "/accounts/%lld", a->id);
    gm_notice n = {.kind = approved ? "account.approve" : "account.reject", .title = title,
                   .body = approved ? "可以开通账号,开通后 3 日内备案" : reason, .link = link};
    return notify_user_in_app(d, applicant, a->unit_id, &n, err);
}
