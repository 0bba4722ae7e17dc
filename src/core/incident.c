/*
 * incident.c - incident levels and escalation-chain rules (see incident.h).
 */
#include "core/incident.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const level_names[] = {"", "general", "serious", "major", "grave"};
static const char *const level_labels[] = {"", "一般", "较大", "重大", "特别重大"};

const char *incident_level_name(int level)
{
    return level >= GM_INCIDENT_LEVEL_MIN && level <= GM_INCIDENT_LEVEL_MAX ? level_names[level] : "?";
}

const char *incident_level_label(int level)
{
    return level >= GM_INCIDENT_LEVEL_MIN && level <= GM_INCIDENT_LEVEL_MAX ? level_labels[level] : "?";
}

int incident_level_parse(const char *s, const char *field, int *out, gm_err *err)
{
    for (int i = GM_INCIDENT_LEVEL_MIN; s && i <= GM_INCIDENT_LEVEL_MAX; i++)
        if (strcmp(s, level_names[i]) == 0 || strcmp(s, level_labels[i]) == 0 ||
            (s[0] == '0' + i && s[1] == '\0')) {
            *out = i;
            return GM_OK;
        }
    return gm_fail(err, GM_E_INVALID, field,
                   "未知的舆情等级“%.40s”(可选 一般 general、较大 serious、重大 major、特别重大 grave)",
                   s ? s : "");
}

int incident_chain_validate(const gm_chain_step *steps, size_t n, gm_err *err)
{
    char f[64];
    for (size_t i = 0; i < n; i++) {
        const gm_chain_step *s = &steps[i];
        if (s->step_no < 1 || (i && s->step_no <= steps[i - 1].step_no)) {
            snprintf(f, sizeof f, "steps[%zu].step", i);
            return gm_fail(err, GM_E_INVALID, f, "步骤序号须从 1 起递增且不重复");
        }
        if (s->min_level < GM_INCIDENT_LEVEL_MIN || s->min_level > GM_INCIDENT_LEVEL_MAX) {
            snprintf(f, sizeof f, "steps[%zu].min_level", i);
            return gm_fail(err, GM_E_INVALID, f, "起报等级应为 1(一般)到 4(特别重大)");
        }
        if (s->ack_minutes < 1 || s->ack_minutes > 1440) {
            snprintf(f, sizeof f, "steps[%zu].ack_minutes", i);
            return gm_fail(err, GM_E_INVALID, f, "确认时限应为 1 到 1440 分钟");
        }
    }
    return GM_OK;
}

int incident_step_applies(const gm_chain_step *s, int level)
{
    return level >= GM_INCIDENT_NOTIFY_FROM && level >= s->min_level;
}

int incident_ack_late(const gm_chain_step *s, gm_instant notified, gm_instant now)
{
    return now > notified + (gm_instant)s->ack_minutes * 60;
}

int incident_next_step(const gm_chain_step *steps, size_t n, int level, int step_no)
{
    for (size_t i = 0; i < n; i++)
        if (steps[i].step_no > step_no && incident_step_applies(&steps[i], level))
            return (int)i;
    return -1;
}
