/*
 * assessment.h - the yearly assessment (考核) of a unit's new-media work:
 * which indicators a scheme may hold, the presets, and scoring.
 *
 * The government preset follows the national model (国办秘函〔2019〕19号):
 * veto items (单项否决) for security incidents and serious wrong
 * expressions, two weeks without update, and poor interaction; scored
 * items for timeliness 30, originality 20, replies 30, consolidation 20
 * (100 points), plus up to 10 bonus points for original volume.  Below 60
 * fails; any veto fails.
 *
 * The 2024 rules against "指尖上的形式主义" (中央网信委《关于防治"指尖上的
 * 形式主义"的若干意见》; 中办、国办《整治形式主义为基层减负若干规定》)
 * forbid assessing government bodies by likes, follows, forwards, views or
 * reading time: those indicators are refused in the scheme of a government
 * unit; organisations (企事业单位/社会组织: companies, schools,
 * associations) may use them.
 *
 * Measuring is the caller's work (report/assessment.c): it fills each
 * indicator's value (a 0..1 ratio, a count, or "no data"); core turns
 * values into points.  An indicator without data scores nothing and is
 * left out of the total, which is scaled to the weights that had data.
 */
#ifndef GM_CORE_ASSESSMENT_H
#define GM_CORE_ASSESSMENT_H

#include <stddef.h>
#include "util/gm_error.h"

typedef enum { IND_VETO, IND_SCORE, IND_BONUS } gm_indicator_kind;

typedef struct gm_indicator_def {
    const char *code;        /* "timeliness" */
    const char *label;       /* Chinese */
    gm_indicator_kind kind;
    int vanity;              /* likes/follows/forwards/views/reading time: not for government */
    double default_target;   /* count indicators: the value that earns full points (0: ratio) */
} gm_indicator_def;

typedef struct gm_indicator_cfg {
    char code[32];
    double weight;           /* points (0 for veto items) */
    double target;           /* count indicators; 0 = the default */
} gm_indicator_cfg;

#define GM_SCHEME_MAX 24

typedef struct gm_scheme {
    gm_indicator_cfg items[GM_SCHEME_MAX];
    size_t n;
} gm_scheme;

/* The catalogue of indicators, and one by code (NULL if unknown). */
const gm_indicator_def *assessment_indicators(size_t *n);
const gm_indicator_def *assessment_indicator(const char *code);

/* The kind's code ("veto", "score", "bonus") and Chinese label. */
const char *assessment_kind_name(gm_indicator_kind k);
const char *assessment_kind_label(gm_indicator_kind k);

/* Why a government unit's scheme may not use a vanity indicator. */
#define GM_VANITY_RULE                                                                            \
    "按照中央网信委《关于防治“指尖上的形式主义”的若干意见》和中办、国办《整治形式主义为基层减负若干规定》" \
    "(2024年),不得以点赞量、关注量、转发量、阅读量、阅读时长等作为政务新媒体考核评价依据"

/* The national preset (used for government units and, unless they
 * choose otherwise, for organisations). */
void assessment_default_scheme(gm_scheme *s);

/* 1 for unit kinds that are government bodies (all but "organisation"). */
int assessment_unit_is_government(const char *unit_kind);

/* Checks a scheme: known codes, no duplicates, weights 0..100 (veto items
 * 0), and for a government unit no vanity indicator - refused citing the
 * 2024 rule.  GM_E_INVALID naming "indicators[i].code" etc. */
int assessment_scheme_validate(const gm_scheme *s, int government, gm_err *err);

/* One measured indicator. */
typedef struct gm_indicator_value {
    int has_data;
    double value;            /* veto items: violations counted (> 0 vetoes); ratio 0..1; or a count */
} gm_indicator_value;

typedef struct gm_indicator_score {
    double points;           /* score/bonus items */
    int vetoed;              /* veto item triggered */
} gm_indicator_score;

typedef struct gm_assessment_total {
    double total;            /* 0..100 (+ bonus) */
    int vetoed;
    const char *grade;       /* 优秀, 良好, 合格, 不合格, 不合格(单项否决) */
} gm_assessment_total;

/* Scores each item of s from vals (same order) and totals them. */
void assessment_score(const gm_scheme *s, const gm_indicator_value *vals,
                      gm_indicator_score *scores, gm_assessment_total *total);

#endif
