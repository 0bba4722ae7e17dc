/*
 * message_figures.h - interaction figures of one account, or of every
 * account of a unit and the units below it, over a period,
 * for weekly statistics and the yearly assessment (互动回应, a national
 * veto item) [REQUIREMENTS §4, §5].  The monitoring/report modules call
 * message_figures(); GET /api/v1/messages/figures shows the same.
 *
 * Counted over the messages RECEIVED in [from, to] (China-time days):
 *   received            all of them, hidden ones included
 *   hidden              hidden as malicious (need no answer)
 *   answered            answered (final answer recorded)
 *   answered_in_time    answered no later than the answer due time (with
 *                       a recorded extension, the extended time)
 *   first_response_in_time  first response (acknowledgement, or the answer
 *                       when none) no later than its due time
 *   open                still waiting (not answered, not hidden)
 * and, in WORKING hours of the policy in force at receipt (see
 * core/worktime.h), the median and worst time to first response and to
 * answer over the messages that have one.  Hours are rounded to 0.01.
 */
#ifndef GM_STORE_MESSAGE_FIGURES_H
#define GM_STORE_MESSAGE_FIGURES_H

#include <jansson.h>
#include "core/date.h"
#include "store/db.h"

typedef struct gm_message_figures {
    long long account_id;      /* 0: not one account */
    long long unit_id;         /* message_figures_unit(): the unit (subtree) */
    gm_date from, to;
    long received, hidden, answered, answered_in_time, first_response_in_time, open;
    double first_response_median_hours, first_response_worst_hours;
    double answer_median_hours, answer_worst_hours;
} gm_message_figures;

/* account_id 0: every account.  GM_E_INVALID when to < from. */
int message_figures(db *d, long long account_id, gm_date from, gm_date to,
                    gm_message_figures *out, gm_err *err);

/* Every account of unit_id and the units below it (an inspector's or a
 * supervisor's view of 互动回应 across a county). */
int message_figures_unit(db *d, long long unit_id, gm_date from, gm_date to,
                         gm_message_figures *out, gm_err *err);

json_t *message_figures_json(const gm_message_figures *f);

#endif
