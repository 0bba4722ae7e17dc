/*
 * activity_policies.h - which update-frequency preset (core/activity.h)
 * each account follows.  An account without a row follows "national".
 */
#ifndef GM_STORE_ACTIVITY_POLICIES_H
#define GM_STORE_ACTIVITY_POLICIES_H

#include "core/activity.h"
#include "core/actor.h"
#include "store/db.h"

/* The account's preset (GM_E_NOTFOUND, field "id", for an unknown account). */
int activity_policy_get(db *d, long long account_id, gm_activity_policy *out, gm_err *err);

/* Sets the preset; one transaction with its audit row. */
int activity_policy_set(db *d, const gm_actor *who, long long account_id, gm_activity_policy p,
                        gm_err *err);

#endif
