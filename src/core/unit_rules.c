/*
 * unit_rules.c - unit kinds and validation (see unit_rules.h).
 */
#include "core/unit_rules.h"
#include "util/text.h"

#include <string.h>

static const struct {
    const char *kind;
    const char *label;
    bool may_hold;
} kinds[] = {
    {"province", "省级", true},       {"city", "市级", true},
    {"county", "县级", true},         {"township", "乡镇(街道)", true},
    {"department", "部门", true},     {"internal", "内设机构", false},
    {"organisation", "企事业单位/社会组织", true},
};

static int kind_index(const char *kind)
{
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (kind && strcmp(kind, kinds[i].kind) == 0)
            return (int)i;
    return -1;
}

bool unit_kind_is_valid(const char *kind) { return kind_index(kind) >= 0; }

const char *unit_kind_label_zh(const char *kind)
{
    int i = kind_index(kind);
    return i < 0 ? "未知" : kinds[i].label;
}

bool unit_kind_may_hold_accounts(const char *kind)
{
    int i = kind_index(kind);
    return i >= 0 && kinds[i].may_hold;
}

int unit_validate_new(const char *name, const char *kind, gm_err *err)
{
    int rc = text_require(name, "name", 1, 100, err);
    if (rc)
        return rc;
    if (!unit_kind_is_valid(kind))
        return gm_fail(err, GM_E_INVALID, "kind",
                       "单位类型无效:应为 province/city/county/township/department/internal/organisation");
    return GM_OK;
}
