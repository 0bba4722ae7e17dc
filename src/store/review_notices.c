/*
 * review_notices.c - notices of annual-review decisions and of the accounts
 * a closed round sends to closing (see review_notices.h).
 */
#include "store/review_notices.h"
#include "store/accounts.h"
#include "store/notify.h"

#include "util/text.h"

#include <stdio.h>
#include <string.h>

static int tell_unit(db *d, long long unit_id, const gm_notice *n, gm_err *err)
{
    int rc = notify_role(d, unit_id, ROLE_DEPARTMENT_HEAD, n, NULL, err);
    return rc ? rc : notify_role_in_app(d, unit_id, ROLE_OPERATOR, n, NULL, err);
}

/* The reason as a notice body, or a pointer to the round when it cannot be
 * one (too long, or cut short mid-character by the caller's buffer). */
static const char *body_of(const char *reason)
{
    if (!reason || !*reason)
        return NULL;
    if (text_first_invalid_utf8(reason, strlen(reason)) >= 0 ||
        text_codepoints(reason) > GM_NOTICE_BODY_MAX)
        return "原因较长,请在年审页面查看";
    return reason;
}

static int tell(db *d, long long round_id, long long account_id, const char *kind,
                const char *what, int year, const char *body, gm_err *err)
{
    gm_account a;
    int rc = accounts_get(d, account_id, &a, err);
    if (rc)
        return rc;
    char title[400], link[48];
    snprintf(title, sizeof title, "%d 年度年审:“%s”%s", year, a.name, what);
    snprintf(link, sizeof link, "/reviews/%lld", round_id);
    gm_notice n = {.kind = kind, .title = title, .body = body_of(body), .link = link};
    rc = tell_unit(d, a.unit_id, &n, err);
    accounts_release(&a);
    return rc;
}

int review_notice_decided(db *d, long long round_id, int year, long long account_id, int pass,
                          const char *reason, gm_err *err)
{
    return pass ? tell(d, round_id, account_id, "review.pass", "年审通过", year, reason, err)
                : tell(d, round_id, account_id, "review.fail", "年审未通过,账号须注销", year,
                       reason, err);
}

int review_notice_must_close(db *d, long long round_id, int year, long long account_id,
                             const char *why, gm_err *err)
{
    return tell(d, round_id, account_id, "review.must_close", "须注销(年审结束)", year, why, err);
}
