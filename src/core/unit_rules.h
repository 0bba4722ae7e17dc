/*
 * unit_rules.h - what makes a valid unit (单位) in the tree.
 *
 * Kinds: province 省, city 市, county 县/区, township 乡镇/街道, department
 * (委办局等组成部门), internal (内设机构: may not hold accounts of its own),
 * organisation (企业、学校、协会).
 */
#ifndef GM_UNIT_RULES_H
#define GM_UNIT_RULES_H

#include <stdbool.h>
#include "util/gm_error.h"

bool unit_kind_is_valid(const char *kind);
const char *unit_kind_label_zh(const char *kind);
/* Internal departments and sub-units may not open their own accounts. */
bool unit_kind_may_hold_accounts(const char *kind);
/* Name: 1..100 characters, no control characters. */
int unit_validate_new(const char *name, const char *kind, gm_err *err);

#endif
