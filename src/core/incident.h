/*
 * incident.h - public-opinion incidents (舆情): levels and the escalation
 * chain of a unit's response plan [REQUIREMENTS §4; seeds 002, 004:
 * 较大以上舆情 … 组织进行及时有序回复].
 *
 * A unit's plan is a list of steps (who is notified, from which level on,
 * within how many minutes they must acknowledge).  An incident of level
 * 较大 or above notifies every step whose min_level it reaches at once;
 * a step that has not acknowledged within its time is escalated: the next
 * step of the chain (or, after the last, the supervising unit) is told.
 * Minutes are wall-clock minutes: an incident does not wait for office
 * hours.
 */
#ifndef GM_CORE_INCIDENT_H
#define GM_CORE_INCIDENT_H

#include <stddef.h>
#include "core/instant.h"

/* 1 一般 general, 2 较大 serious, 3 重大 major, 4 特别重大 grave. */
#define GM_INCIDENT_LEVEL_MIN 1
#define GM_INCIDENT_LEVEL_MAX 4
#define GM_INCIDENT_NOTIFY_FROM 2   /* 较大以上: the chain is notified at once */

const char *incident_level_name(int level);
const char *incident_level_label(int level);
/* Accepts the code, the Chinese label or the number 1..4. */
int incident_level_parse(const char *s, const char *field, int *out, gm_err *err);

typedef struct gm_chain_step {
    int step_no;        /* 1.. in the order of escalation */
    int min_level;      /* notified for incidents of this level or above */
    int ack_minutes;    /* 1..1440: time to acknowledge after notification */
} gm_chain_step;

/* Step numbers ascending and unique, levels 1..4, minutes 1..1440;
 * GM_E_INVALID naming "steps[i].field". */
int incident_chain_validate(const gm_chain_step *steps, size_t n, gm_err *err);

/* 1 if the step is notified for an incident of this level. */
int incident_step_applies(const gm_chain_step *s, int level);

/* 1 if a step notified at `notified` and not acknowledged is late at now. */
int incident_ack_late(const gm_chain_step *s, gm_instant notified, gm_instant now);

/* Index of the next applicable step after step_no, or -1 (then the
 * supervising unit is told). */
int incident_next_step(const gm_chain_step *steps, size_t n, int level, int step_no);

#endif
