/*
 * message_policies.h - the reply-deadline policy of each unit in the store
 * (core/message_policy.h decides; this records).  A unit without its own
 * policy uses its nearest ancestor's, else the "standard" preset.
 */
#ifndef GM_STORE_MESSAGE_POLICIES_H
#define GM_STORE_MESSAGE_POLICIES_H

#include <jansson.h>
#include "core/actor.h"
#include "core/message_policy.h"
#include "store/db.h"

/* The policy that applies to unit_id; *from_unit = the unit whose row it
 * is (0: the built-in preset).  from_unit may be NULL. */
int message_policy_get(db *d, long long unit_id, gm_message_policy *out, long long *from_unit,
                       gm_err *err);

/* Sets unit_id's own policy (validated); one transaction with its audit row. */
int message_policy_set(db *d, const gm_actor *who, long long unit_id, const gm_message_policy *p,
                       gm_err *err);

json_t *message_policy_to_json(const gm_message_policy *p, long long unit_id, long long from_unit);

/* Builds a policy from JSON {preset?, first_response_hours?, first_response_same_day?,
 * answer_working_days?, answer_max_working_days?, work_hours?}: the preset
 * (default: base) with the given fields on top ("custom" when any is given). */
int message_policy_from_json(const json_t *in, const gm_message_policy *base,
                             gm_message_policy *out, gm_err *err);

#endif
