/*
 * national_filing.c - rules of the national filing of an account's
 * lifecycle events (see national_filing.h).
 */
#include "core/national_filing.h"

#include <stdio.h>
#include <string.h>

static const struct {
    const char *account_event, *event, *label;
} events[] = {
    {"open", "open", "开通"},
    {"change", "change", "变更"},          /* the step's name in account_versions */
    {"change_people", "change", "变更"},   /* the event's name in core/account.c */
    {"close", "close", "关闭"},
    {"merge", "cancel", "注销(合并)"},
};

const char *national_filing_event(const char *account_event)
{
    for (size_t i = 0; account_event && i < sizeof events / sizeof *events; i++)
        if (strcmp(events[i].account_event, account_event) == 0)
            return events[i].event;
    return NULL;
}

const char *national_filing_event_label(const char *event)
{
    for (size_t i = 0; event && i < sizeof events / sizeof *events; i++)
        if (strcmp(events[i].event, event) == 0)
            return events[i].label;
    return "";
}

static const gm_nf_preset presets[] = {
    {"hubei", "湖北:事项发生后 5 个工作日内报送", {5, 1}},
    {"dongguan", "东莞:开设等事项发生后 3 日内报送(国办与市监管平台同时备案)", {3, 0}},
};

const gm_nf_preset *national_filing_presets(size_t *n)
{
    *n = sizeof presets / sizeof *presets;
    return presets;
}

const gm_nf_preset *national_filing_preset(const char *name)
{
    for (size_t i = 0; name && i < sizeof presets / sizeof *presets; i++)
        if (strcmp(presets[i].name, name) == 0)
            return &presets[i];
    return NULL;
}

gm_nf_policy national_filing_policy_default(void) { return presets[0].policy; }

int national_filing_policy_validate(const gm_nf_policy *p, gm_err *err)
{
    if (p->days < 1 || p->days > GM_NF_DAYS_MAX)
        return gm_fail(err, GM_E_INVALID, "days", "报送期限应为 1 到 %d 天", GM_NF_DAYS_MAX);
    if (p->working != 0 && p->working != 1)
        return gm_fail(err, GM_E_INVALID, "working_days", "是否按工作日计应为是或否");
    return GM_OK;
}

const char *national_filing_policy_label(const gm_nf_policy *p, char *out, size_t cap)
{
    snprintf(out, cap, "%d %s", p->days, p->working ? "个工作日" : "日");
    return out;
}

int national_filing_due(const gm_calendar *cal, gm_date event_on, const gm_nf_policy *p,
                        gm_date *due, gm_err *err)
{
    if (p->working)
        return calendar_add_working_days(cal, event_on, p->days, due, err);
    return date_add_days(event_on, p->days, due, err);
}

gm_nf_state national_filing_state(gm_date due, int filed, gm_date filed_on, gm_date today)
{
    if (filed)
        return filed_on > due ? GM_NF_FILED_LATE : GM_NF_FILED;
    return today > due ? GM_NF_OVERDUE : GM_NF_PENDING;
}

static const char *const names[] = {"pending", "overdue", "filed", "filed_late"};
static const char *const labels[] = {"待报送", "逾期未报送", "已报送", "逾期报送"};

const char *national_filing_state_name(gm_nf_state s) { return names[s]; }
const char *national_filing_state_label(gm_nf_state s) { return labels[s]; }
