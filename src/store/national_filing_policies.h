/*
 * national_filing_policies.h - the deadline of national filings as a unit's
 * policy setting (table national_filing_policies, 054; rules and presets in
 * core/national_filing.h).  A unit uses its own row, else the nearest one
 * above it, else the default preset.
 */
#ifndef GM_STORE_NATIONAL_FILING_POLICIES_H
#define GM_STORE_NATIONAL_FILING_POLICIES_H

#include <jansson.h>

#include "core/actor.h"
#include "core/national_filing.h"
#include "store/db.h"

/* Every policy row with its unit's path, for many lookups in one list. */
typedef struct nf_policy_set {
    size_t n;
    struct nf_policy_row {
        char path[128];
        long long unit_id;
        char preset[16];
        gm_nf_policy policy;
    } *rows;
} nf_policy_set;

int nf_policies_load(db *d, nf_policy_set *out, gm_err *err);
void nf_policies_free(nf_policy_set *s);
/* The policy in force for the unit at unit_path; *from (may be NULL): the
 * row it comes from, NULL for the default preset. */
gm_nf_policy nf_policy_for(const nf_policy_set *s, const char *unit_path,
                           const struct nf_policy_row **from);

/* {"unit_id","preset","days","working_days","label","inherited_from",
 *  "inherited_from_name","presets":[{name,label,days,working_days}]}
 * for the unit (404 unit_id). */
int nf_policy_json(db *d, long long unit_id, json_t **out, gm_err *err);

/* Sets the unit's own policy: a preset by name, or days + working; audited
 * as national_filing.policy with before and after.  reset: remove the
 * unit's own row (it inherits again). */
int nf_policy_put(db *d, const gm_actor *who, long long unit_id, const char *preset,
                  const gm_nf_policy *custom, int reset, gm_err *err);

#endif
