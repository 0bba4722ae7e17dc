/*
 * account_deadline.c - filing and re-filing due dates (see account_deadline.h).
 */
#include "core/account_deadline.h"

#define FILING_DUE_DAYS_MAX 365
#define REFILING_DUE_WORKING_DAYS_MAX 60

gm_deadline_policy deadline_policy_default(void)
{
    gm_deadline_policy p = {GM_FILING_DUE_DAYS_DEFAULT, GM_REFILING_DUE_WORKING_DAYS_DEFAULT};
    return p;
}

int deadline_policy_validate(const gm_deadline_policy *p, gm_err *err)
{
    if (p->filing_due_days < 0 || p->filing_due_days > FILING_DUE_DAYS_MAX)
        return gm_fail(err, GM_E_INVALID, "filing_due_days", "备案期限应为0至%d天,实际为%d",
                       FILING_DUE_DAYS_MAX, p->filing_due_days);
    if (p->refiling_due_working_days < 0 ||
        p->refiling_due_working_days > REFILING_DUE_WORKING_DAYS_MAX)
        return gm_fail(err, GM_E_INVALID, "refiling_due_working_days",
                       "重新备案期限应为0至%d个工作日,实际为%d", REFILING_DUE_WORKING_DAYS_MAX,
                       p->refiling_due_working_days);
    return GM_OK;
}

int account_filing_due(const gm_deadline_policy *p, gm_date opened_on, gm_date *due, gm_err *err)
{
    int rc = deadline_policy_validate(p, err);
    return rc ? rc : date_add_days(opened_on, p->filing_due_days, due, err);
}

int account_refiling_due(const gm_deadline_policy *p, const gm_calendar *cal, gm_date changed_on,
                         gm_date *due, gm_err *err)
{
    int rc = deadline_policy_validate(p, err);
    return rc ? rc : calendar_add_working_days(cal, changed_on, p->refiling_due_working_days, due, err);
}

int deadline_is_overdue(gm_date due, gm_date today)
{
    return today > due;
}

int account_filing_overdue(const gm_deadline_policy *p, gm_account_state state,
                           gm_date opened_on, gm_date today, int *overdue, gm_err *err)
{
    *overdue = 0;
    if (state != GM_ACCOUNT_OPENED && state != GM_ACCOUNT_CERTIFIED)
        return GM_OK;
    gm_date due;
    int rc = account_filing_due(p, opened_on, &due, err);
    if (rc == GM_OK)
        *overdue = deadline_is_overdue(due, today);
    return rc;
}

int account_refiling_overdue(const gm_deadline_policy *p, const gm_calendar *cal,
                             gm_account_state state, gm_date changed_on, gm_date today,
                             int *overdue, gm_err *err)
{
    *overdue = 0;
    if (state != GM_ACCOUNT_REFILING_DUE)
        return GM_OK;
    gm_date due;
    int rc = account_refiling_due(p, cal, changed_on, &due, err);
    if (rc == GM_OK)
        *overdue = deadline_is_overdue(due, today);
    return rc;
}
