/*
 * account_unique.c - the one-account-per-unit-per-platform rule (see account_unique.h).
 */
#include "core/account_unique.h"

/* 0: no reason given (NULL), 1: a real reason, -1: given but blank. */
static int exception_reason_kind(const char *reason)
{
    if (!reason)
        return 0;
    for (const char *p = reason; *p; p++)
        if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
            return 1;
    return -1;
}

static int reason_required(gm_err *err)
{
    return gm_fail(err, GM_E_INVALID, "exception_reason", "登记例外时必须填写理由");
}

static const gm_account_brief *slot_holder(gm_platform platform, const gm_account_brief *existing,
                                           size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (existing[i].platform == platform &&
            account_state_holds_platform_slot(existing[i].state))
            return &existing[i];
    return NULL;
}

int account_unique_platform_check(gm_platform platform, const gm_account_brief *existing,
                                  size_t n_existing, const char *exception_reason, gm_err *err)
{
    int reason = exception_reason_kind(exception_reason);
    if (reason < 0)
        return reason_required(err);
    const gm_account_brief *holder = slot_holder(platform, existing, n_existing);
    if (!holder || reason > 0)
        return GM_OK;
    return gm_fail(err, GM_E_CONFLICT, "platform",
                   "本单位在“%s”平台已有账号“%.128s”(状态:%s),同一单位在同一平台只能开设一个账号;"
                   "确需开设的,须由主管部门登记例外并说明理由",
                   platform_label(platform), holder->name ? holder->name : "",
                   account_state_label(holder->state));
}

int account_unit_may_hold_check(int unit_may_hold, const char *exception_reason, gm_err *err)
{
    int reason = exception_reason_kind(exception_reason);
    if (reason < 0)
        return reason_required(err);
    if (unit_may_hold || reason > 0)
        return GM_OK;
    return gm_fail(err, GM_E_CONFLICT, "host_unit",
                   "内设部门不得单独开设新媒体账号;确需开设的,须由主管部门登记例外并说明理由");
}
