/*
 * assessment.c - indicator catalogue, presets and scoring (assessment.h).
 */
#include "core/assessment.h"

#include <stdio.h>
#include <string.h>

static const gm_indicator_def catalogue[] = {
    {"veto_security", "安全问题:泄密、严重表述错误(单项否决)", IND_VETO, 0, 0},
    {"veto_inactivity", "内容更新:两周未更新(单项否决)", IND_VETO, 0, 0},
    {"veto_interaction", "互动回应差(单项否决)", IND_VETO, 0, 0},
    {"timeliness", "更新及时", IND_SCORE, 0, 0},
    {"originality", "原创比例(原创占比达 50% 得满分)", IND_SCORE, 0, 0.5},
    {"replies", "留言按时回复", IND_SCORE, 0, 0},
    {"consolidation", "整合集约(无僵尸、重复账号)", IND_SCORE, 0, 0},
    {"originals_bonus", "原创数量加分", IND_BONUS, 0, 200},
    {"reads", "阅读量", IND_SCORE, 1, 100000},
    {"likes", "点赞量", IND_SCORE, 1, 10000},
    {"follows", "关注数", IND_SCORE, 1, 10000},
    {"forwards", "转发量", IND_SCORE, 1, 10000},
    {"reading_time", "阅读时长", IND_SCORE, 1, 1000},
};

const gm_indicator_def *assessment_indicators(size_t *n)
{
    *n = sizeof catalogue / sizeof catalogue[0];
    return catalogue;
}

const char *assessment_kind_name(gm_indicator_kind k)
{
    static const char *const names[] = {"veto", "score", "bonus"};
    return names[k];
}

const char *assessment_kind_label(gm_indicator_kind k)
{
    static const char *const labels[] = {"否决项", "计分项", "加分项"};
    return labels[k];
}

const gm_indicator_def *assessment_indicator(const char *code)
{
    for (size_t i = 0; i < sizeof catalogue / sizeof catalogue[0]; i++)
        if (strcmp(catalogue[i].code, code) == 0)
            return &catalogue[i];
    return NULL;
}

static void add(gm_scheme *s, const char *code, double weight)
{
    gm_indicator_cfg *c = &s->items[s->n++];
    snprintf(c->code, sizeof c->code, "%s", code);
    c->weight = weight;
    c->target = 0;
}

void assessment_default_scheme(gm_scheme *s)
{
    memset(s, 0, sizeof *s);
    add(s, "veto_security", 0);
    add(s, "veto_inactivity", 0);
    add(s, "veto_interaction", 0);
    add(s, "timeliness", 30);
    add(s, "originality", 20);
    add(s, "replies", 30);
    add(s, "consolidation", 20);
    add(s, "originals_bonus", 10);
}

int assessment_unit_is_government(const char *unit_kind)
{
    return !unit_kind || strcmp(unit_kind, "organisation") != 0;
}

static int item_fail(gm_err *err, size_t i, const char *part, const char *msg, const char *code)
{
    int rc = gm_fail(err, GM_E_INVALID, NULL, msg, code);
    if (err)
        snprintf(err->field, sizeof err->field, "indicators[%zu].%s", i, part);
    return rc;
}

int assessment_scheme_validate(const gm_scheme *s, int government, gm_err *err)
{
    if (s->n == 0)
        return gm_fail(err, GM_E_INVALID, "indicators", "考核方案至少要有一项指标");
    for (size_t i = 0; i < s->n; i++) {
        const gm_indicator_def *def = assessment_indicator(s->items[i].code);
        if (!def)
            return item_fail(err, i, "code", "未知的考核指标“%s”", s->items[i].code);
        if (government && def->vanity)
            return item_fail(err, i, "code", "政府机关的考核方案不得使用“%s”:" GM_VANITY_RULE,
                             def->label);
        for (size_t j = 0; j < i; j++)
            if (strcmp(s->items[j].code, s->items[i].code) == 0)
                return item_fail(err, i, "code", "指标“%s”重复", def->label);
        double w = s->items[i].weight;
        if (def->kind == IND_VETO && w != 0)
            return item_fail(err, i, "weight", "否决项“%s”不设分值(分值应为 0)", def->label);
        if (def->kind != IND_VETO && (w <= 0 || w > 100))
            return item_fail(err, i, "weight", "指标“%s”的分值应大于 0、不超过 100", def->label);
        if (s->items[i].target < 0)
            return item_fail(err, i, "target", "指标“%s”的目标值不能为负", def->label);
    }
    return GM_OK;
}

static double item_points(const gm_indicator_def *def, const gm_indicator_cfg *c,
                          const gm_indicator_value *v)
{
    double target = c->target > 0 ? c->target : def->default_target;
    double ratio = target > 0 ? v->value / target : v->value;
    if (ratio < 0) ratio = 0;
    if (ratio > 1) ratio = 1;
    return c->weight * ratio;
}

static const char *grade_of(double total, int vetoed)
{
    if (vetoed) return "不合格(单项否决)";
    if (total >= 90) return "优秀";
    if (total >= 75) return "良好";
    if (total >= 60) return "合格";
    return "不合格";
}

void assessment_score(const gm_scheme *s, const gm_indicator_value *vals,
                      gm_indicator_score *scores, gm_assessment_total *total)
{
    double points = 0, weights = 0, bonus = 0;
    memset(total, 0, sizeof *total);
    for (size_t i = 0; i < s->n; i++) {
        const gm_indicator_def *def = assessment_indicator(s->items[i].code);
        memset(&scores[i], 0, sizeof scores[i]);
        if (!def || !vals[i].has_data)
            continue;
        if (def->kind == IND_VETO) {
            scores[i].vetoed = vals[i].value > 0;
            total->vetoed |= scores[i].vetoed;
        } else {
            scores[i].points = item_points(def, &s->items[i], &vals[i]);
            if (def->kind == IND_BONUS) {
                bonus += scores[i].points;
            } else {
                points += scores[i].points;
                weights += s->items[i].weight;
            }
        }
    }
    total->total = (weights > 0 ? points * 100.0 / weights : 0) + bonus;
    total->grade = grade_of(total->total, total->vetoed);
}
