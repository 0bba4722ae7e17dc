/*
 * post_disclosure.c - lawful-disclosure declarations of posts and the
 * privacy findings they accept (see post_disclosure.h).
 */
#include "core/post_disclosure.h"
#include "util/text.h"

#include <string.h>

static const struct {
    const char *type, *label;
} kinds[] = {{"punishment", "惩戒公示"}, {"mandatory", "强制性信息披露"}};

const char *post_disclosure_label(const char *type)
{
    for (size_t i = 0; type && i < sizeof kinds / sizeof *kinds; i++)
        if (strcmp(kinds[i].type, type) == 0)
            return kinds[i].label;
    return NULL;
}

int post_disclosure_check(const char *type, const char *basis, gm_err *err)
{
    if (!type || !*type)
        return basis && *basis ? gm_fail(err, GM_E_INVALID, "disclosure_type",
                                         "填写了法律依据,请同时选择依法公开的类型(惩戒公示或强制性信息披露)")
                               : GM_OK;
    if (!post_disclosure_label(type))
        return gm_fail(err, GM_E_INVALID, "disclosure_type",
                       "依法公开的类型应为惩戒公示或强制性信息披露");
    if (!basis || !*basis)
        return gm_fail(err, GM_E_INVALID, "disclosure_basis",
                       "声明依法公开须写明法律依据(如《行政处罚法》第四十八条)");
    return text_require(basis, "disclosure_basis", 4, POST_DISCLOSURE_BASIS_MAX, err);
}

static const char *fstr(const json_t *f, const char *k)
{
    const char *s = json_string_value(json_object_get(f, k));
    return s ? s : "";
}

int post_findings_accept_disclosure(json_t *findings, const char *type)
{
    const char *label = post_disclosure_label(type);
    size_t i;
    json_t *f;
    int n = 0;
    if (!label)
        return 0;
    json_array_foreach(findings, i, f) {
        if (strcmp(fstr(f, "rule"), "privacy") != 0 || strcmp(fstr(f, "severity"), "block") == 0)
            continue;
        json_object_set_new(f, "severity", json_string("info"));
        json_object_set_new(f, "accepted", json_string("disclosure"));
        json_object_set_new(f, "accepted_label", json_sprintf("已声明%s,依法保留", label));
        n++;
    }
    return n;
}
