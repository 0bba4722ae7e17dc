/*
 * account_unique.h - "one account per unit per platform" (清理整合) [002, 004].
 *
 * A unit may hold one account on each platform, and internal departments
 * may hold none; the supervisor can override either rule by recording an
 * exception with a reason.  Pending applications (applied, approved) and
 * live accounts occupy the unit's slot on a platform; rejected, closed and
 * merged ones free it.  The caller supplies the unit's existing accounts.
 */
#ifndef GM_CORE_ACCOUNT_UNIQUE_H
#define GM_CORE_ACCOUNT_UNIQUE_H

#include <stddef.h>
#include <stdint.h>

#include "core/account.h"
#include "core/platform.h"
#include "util/gm_error.h"

/* What the rule needs to know about one existing account. */
typedef struct gm_account_brief {
    int64_t id;
    const char *name;
    gm_platform platform;
    gm_account_state state;
} gm_account_brief;

/* GM_OK if the unit may have a new account on platform.  Otherwise
 * GM_E_CONFLICT (field "platform") naming the account that holds the slot,
 * unless exception_reason is given (non-blank): then GM_OK.  A blank but
 * non-NULL reason is GM_E_INVALID (field "exception_reason"). */
int account_unique_platform_check(gm_platform platform, const gm_account_brief *existing,
                                  size_t n_existing, const char *exception_reason, gm_err *err);

/* GM_OK if a unit of this kind may hold accounts (unit_may_hold = 1), or
 * an exception reason is given; else GM_E_CONFLICT (field "host_unit"). */
int account_unit_may_hold_check(int unit_may_hold, const char *exception_reason, gm_err *err);

#endif
