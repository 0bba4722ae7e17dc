/*
 * post.c - the post state machine, review policies and step rules (see
 * post.h).  No I/O.
 */
#include "core/post.h"
#include "util/length_preset.h"

#include <stdio.h>
#include <string.h>

static const struct {
    const char *name, *label;
} states[POST_STATE_COUNT] = {
    [POST_DRAFT] = {"draft", "草稿"},           [POST_IN_REVIEW] = {"in_review", "审核中"},
    [POST_RETURNED] = {"returned", "已退回"},   [POST_APPROVED] = {"approved", "已审核待发布"},
    [POST_PUBLISHED] = {"published", "已发布"}, [POST_WITHDRAWN] = {"withdrawn", "已撤回"},
};

const char *post_state_name(gm_post_state s) { return s < POST_STATE_COUNT ? states[s].name : "?"; }
const char *post_state_label(gm_post_state s) { return s < POST_STATE_COUNT ? states[s].label : "?"; }

int post_state_parse(const char *name, gm_post_state *out)
{
    for (int s = 0; s < POST_STATE_COUNT; s++)
        if (name && strcmp(name, states[s].name) == 0) {
            *out = (gm_post_state)s;
            return GM_OK;
        }
    return GM_E_INVALID;
}

#define S(x) (1u << (x))

/* The states in which each event is legal. */
static const unsigned legal[] = {
    [POST_EDIT] = S(POST_DRAFT) | S(POST_RETURNED),
    [POST_SUBMIT] = S(POST_DRAFT) | S(POST_RETURNED),
    [POST_APPROVE] = S(POST_IN_REVIEW),
    [POST_REJECT] = S(POST_IN_REVIEW),
    [POST_PREVIEW] = S(POST_APPROVED) | S(POST_PUBLISHED),
    [POST_PUBLISH] = S(POST_APPROVED) | S(POST_PUBLISHED),
    [POST_WITHDRAW] = S(POST_DRAFT) | S(POST_RETURNED),
};

static const char *const event_what[] = {
    [POST_EDIT] = "修改", [POST_SUBMIT] = "提交审核", [POST_APPROVE] = "审核通过",
    [POST_REJECT] = "退回", [POST_PREVIEW] = "预览", [POST_PUBLISH] = "发布",
    [POST_WITHDRAW] = "撤回",
};

int post_event_check(gm_post_state s, gm_post_event e, gm_err *err)
{
    if (s < POST_STATE_COUNT && (legal[e] & S(s)))
        return GM_OK;
    if (s == POST_PUBLISHED && (e == POST_EDIT || e == POST_WITHDRAW))
        return gm_fail(err, GM_E_CONFLICT, "state",
                       "已发布的稿件不可修改或删除(存档备查);如需更正,请新建更正稿(corrects)");
    return gm_fail(err, GM_E_CONFLICT, "state", "稿件当前状态为“%s”,不能%s", post_state_label(s),
                   event_what[e]);
}

/* ---- policies ---- */

static const struct preset {
    const char *name, *label;
    gm_role levels[POST_MAX_LEVELS];
    int n;
    gm_role major[POST_MAX_LEVELS];
    int n_major;
} presets[] = {
    {"standard", "两级审核:部门负责人 → 分管领导;重大敏感加主要负责人",
     {ROLE_DEPARTMENT_HEAD, ROLE_LEADER}, 2, {ROLE_PRINCIPAL}, 1},
    {"five_step", "五步流程(信息员采写 → 部门负责人审核 → 单位领导审签 → 运维发布);重大敏感加主要负责人",
     {ROLE_DEPARTMENT_HEAD, ROLE_LEADER}, 2, {ROLE_PRINCIPAL}, 1},
    {"three_level", "三级审核:部门负责人 → 分管领导 → 主要负责人",
     {ROLE_DEPARTMENT_HEAD, ROLE_LEADER, ROLE_PRINCIPAL}, 3, {0}, 0},
    {"single_level", "小单位一级审核:单位领导;重大敏感加主要负责人", {ROLE_LEADER}, 1,
     {ROLE_PRINCIPAL}, 1},
};

#define N_PRESETS (sizeof presets / sizeof presets[0])

static void fill_preset(const struct preset *s, gm_review_policy *p)
{
    memset(p, 0, sizeof *p);
    snprintf(p->preset, sizeof p->preset, "%s", s->name);
    memcpy(p->levels, s->levels, sizeof p->levels);
    p->n_levels = s->n;
    memcpy(p->major_extra, s->major, sizeof p->major_extra);
    p->n_major_extra = s->n_major;
    p->overdue_days = 2;
    snprintf(p->length_preset, sizeof p->length_preset, "%s", GM_LENGTH_PRESET_DEFAULT);
}

void review_policy_default(gm_review_policy *p) { fill_preset(&presets[0], p); }

int review_policy_preset(const char *name, gm_review_policy *p, gm_err *err)
{
    for (size_t i = 0; i < N_PRESETS; i++)
        if (name && strcmp(name, presets[i].name) == 0) {
            fill_preset(&presets[i], p);
            return GM_OK;
        }
    return gm_fail(err, GM_E_INVALID, "preset",
                   "未知的审核预设;可选 standard、five_step、three_level、single_level 或 custom");
}

static json_t *roles_json(const gm_role *r, int n)
{
    json_t *a = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(a, json_string(role_name(r[i])));
    return a;
}

json_t *review_policy_presets_json(void)
{
    json_t *a = json_array();
    for (size_t i = 0; i < N_PRESETS; i++)
        json_array_append_new(a, json_pack("{s:s,s:s,s:o,s:o}", "name", presets[i].name, "label",
                                           presets[i].label, "levels",
                                           roles_json(presets[i].levels, presets[i].n),
                                           "major_extra",
                                           roles_json(presets[i].major, presets[i].n_major)));
    return a;
}

static bool is_reviewer(gm_role r)
{
    return r == ROLE_DEPARTMENT_HEAD || r == ROLE_LEADER || r == ROLE_PRINCIPAL;
}

int review_policy_validate(const gm_review_policy *p, gm_err *err)
{
    if (p->n_levels < 1 || p->n_levels > POST_MAX_LEVELS)
        return gm_fail(err, GM_E_INVALID, "levels", "审核级数应为 1 到 %d 级", POST_MAX_LEVELS);
    if (p->n_levels + p->n_major_extra > POST_MAX_LEVELS)
        return gm_fail(err, GM_E_INVALID, "major_extra", "加上重大敏感级后不能超过 %d 级",
                       POST_MAX_LEVELS);
    gm_role chain[2 * POST_MAX_LEVELS];
    int n = review_chain(p, true, chain, 2 * POST_MAX_LEVELS);
    for (int i = 0; i < n; i++) {
        const char *field = i < p->n_levels ? "levels" : "major_extra";
        if (!is_reviewer(chain[i]))
            return gm_fail(err, GM_E_INVALID, field,
                           "审核角色只能是 department_head、leader 或 principal");
        for (int j = 0; j < i; j++)
            if (chain[j] == chain[i])
                return gm_fail(err, GM_E_INVALID, field, "同一角色(%s)不能在审核链中出现两次",
                               role_label_zh(chain[i]));
    }
    if (p->overdue_days < 1 || p->overdue_days > 30)
        return gm_fail(err, GM_E_INVALID, "overdue_days", "每级审核时限应为 1 到 30 个工作日");
    return GM_OK;
}

static int roles_from_json(const json_t *a, const char *field, gm_role *out, int *n, gm_err *err)
{
    if (!json_is_array(a))
        return gm_fail(err, GM_E_INVALID, field, "%s 应为角色名数组", field);
    if (json_array_size(a) > POST_MAX_LEVELS)
        return gm_fail(err, GM_E_INVALID, field, "审核级数不能超过 %d 级", POST_MAX_LEVELS);
    size_t i;
    json_t *v;
    *n = 0;
    json_array_foreach(a, i, v) {
        int r = role_from_name(json_string_value(v));
        if (r < 0)
            return gm_fail(err, GM_E_INVALID, field, "%s 含未知角色", field);
        out[(*n)++] = (gm_role)r;
    }
    return GM_OK;
}

static void drop_roles_in_levels(gm_review_policy *p)
{
    int k = 0;
    for (int i = 0; i < p->n_major_extra; i++) {
        bool dup = false;
        for (int j = 0; j < p->n_levels; j++)
            dup |= p->levels[j] == p->major_extra[i];
        if (!dup)
            p->major_extra[k++] = p->major_extra[i];
    }
    p->n_major_extra = k;
}

/* A stored policy carries its preset's name and chain: it stays that preset
 * as long as the chain is the preset's own (else it became custom). */
static bool same_as_preset(const gm_review_policy *p)
{
    gm_review_policy named;
    if (review_policy_preset(p->preset, &named, NULL) != GM_OK)
        return false;
    return named.n_levels == p->n_levels && named.n_major_extra == p->n_major_extra &&
           memcmp(named.levels, p->levels, sizeof(gm_role) * (size_t)p->n_levels) == 0 &&
           memcmp(named.major_extra, p->major_extra,
                  sizeof(gm_role) * (size_t)p->n_major_extra) == 0;
}

int review_policy_from_json(const json_t *j, gm_review_policy *p, gm_err *err)
{
    const char *preset = json_string_value(json_object_get(j, "preset"));
    int rc = GM_OK;
    if (preset && strcmp(preset, "custom") != 0)
        rc = review_policy_preset(preset, p, err);
    else {
        review_policy_default(p);
        snprintf(p->preset, sizeof p->preset, "custom");
    }
    json_t *levels = json_object_get(j, "levels"), *extra = json_object_get(j, "major_extra"),
           *days = json_object_get(j, "overdue_days");
    if (!rc && levels)
        rc = roles_from_json(levels, "levels", p->levels, &p->n_levels, err);
    if (!rc && extra)
        rc = roles_from_json(extra, "major_extra", p->major_extra, &p->n_major_extra, err);
    else if (!rc && levels)
        drop_roles_in_levels(p);   /* the preset's extra level, unless already in the chain */
    if (!rc && days)
        p->overdue_days = json_is_integer(days) ? (int)json_integer_value(days) : -1;
    json_t *length = json_object_get(j, "length_preset");
    if (!rc && length && !json_is_null(length))
        rc = gm_length_preset_require(json_string_value(length), "length_preset", err);
    if (!rc && length && !json_is_null(length))
        snprintf(p->length_preset, sizeof p->length_preset, "%s", json_string_value(length));
    if (!rc && preset && strcmp(preset, "custom") != 0 && (levels || extra) &&
        !same_as_preset(p))
        snprintf(p->preset, sizeof p->preset, "custom");
    return rc ? rc : review_policy_validate(p, err);
}

json_t *review_policy_to_json(const gm_review_policy *p)
{
    return json_pack("{s:s,s:o,s:o,s:i,s:s,s:s}", "preset", p->preset, "levels",
                     roles_json(p->levels, p->n_levels), "major_extra",
                     roles_json(p->major_extra, p->n_major_extra), "overdue_days",
                     p->overdue_days, "length_preset", p->length_preset, "length_preset_label",
                     gm_length_preset_label(p->length_preset));
}

int review_chain(const gm_review_policy *p, bool major, gm_role *out, int cap)
{
    int n = 0;
    for (int i = 0; i < p->n_levels && n < cap; i++)
        out[n++] = p->levels[i];
    for (int i = 0; major && i < p->n_major_extra && n < cap; i++)
        out[n++] = p->major_extra[i];
    return n;
}

/* ---- findings ---- */

static const char *fstr(const json_t *f, const char *k)
{
    const char *s = json_string_value(json_object_get(f, k));
    return s ? s : "";
}

void post_findings_adjust(json_t *findings)
{
    size_t i;
    json_t *f;
    json_array_foreach(findings, i, f) {
        if (strcmp(fstr(f, "rule"), "source") == 0 && strcmp(fstr(f, "category"), "unapproved") == 0)
            json_object_set_new(f, "severity", json_string("warn"));
    }
}

void post_findings_count(const json_t *findings, int *blocks, int *warns)
{
    size_t i;
    json_t *f;
    *blocks = *warns = 0;
    json_array_foreach(findings, i, f) {
        if (strcmp(fstr(f, "severity"), "block") == 0)
            (*blocks)++;
        else if (strcmp(fstr(f, "severity"), "warn") == 0)
            (*warns)++;
    }
}

/* ---- steps ---- */

int post_approval_check(const gm_approval *a, gm_err *err)
{
    if (a->is_author)
        return gm_fail(err, GM_E_DENIED, "author", "作者不能审核自己的稿件(先审后发)");
    if (!a->holds_level_role)
        return gm_fail(err, GM_E_DENIED, "level_role", "您不是第 %d 级审核人(未持有该级审核角色)",
                       a->level);
    if (a->warns > 0 && (!a->override_reason || !*a->override_reason))
        return gm_fail(err, GM_E_INVALID, "override_reason",
                       "本版本有 %d 条警示,须填写放行理由", a->warns);
    if (a->level >= a->n_levels && !a->confidentiality)
        return gm_fail(err, GM_E_INVALID, "confidentiality",
                       "终审须确认保密审查(不含国家秘密和工作秘密)");
    return GM_OK;
}

int post_mass_send_check(const char *platform, bool previewed, long long sends_that_day,
                         gm_err *err)
{
    if (!platform || strcmp(platform, "wechat") != 0)
        return gm_fail(err, GM_E_CONFLICT, "mass_send", "只有微信公众号有群发");
    if (!previewed)
        return gm_fail(err, GM_E_CONFLICT, "mass_send", "群发前须先对本版本预览(预览/测试发送)");
    if (sends_that_day > 0)
        return gm_fail(err, GM_E_CONFLICT, "mass_send", "该公众号今天(北京时间)已群发过一次");
    return GM_OK;
}
