/*
 * national_filing.c - rules of the national filing of an account's
 * lifecycle events (see national_filing.h).
 */
#include "core/national_filing.h"

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

int national_filing_due(const gm_calendar *cal, gm_date event_on, int working_days, gm_date *due,
                        gm_err *err)
{
    return calendar_add_working_days(cal, event_on, working_days, due, err);
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
