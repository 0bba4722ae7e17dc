/*
 * weekly.h - weekly statistics per account and per unit for one week
 * (Monday 00:00 to Sunday 24:00, China time): publications, originals,
 * reposts, reads/likes/comments where they were imported, and the
 * messages received and answered with reply times in working hours.
 */
#ifndef GM_REPORT_WEEKLY_H
#define GM_REPORT_WEEKLY_H

#include <jansson.h>
#include "report/activity.h"

/* The Monday of the week that holds day. */
gm_date weekly_monday(gm_date day);

/* {week_start, week_end, messages_source, accounts:[{account_id, account_name, platform_label,
 *  unit_id, unit_name, posts, originals, reposts, reads, likes, comments, messages_received,
 *  messages_answered, messages_answered_in_time, reply_median_hours, reply_worst_hours}],
 *  units:[{unit_id, unit_name, accounts, posts, originals, reposts, reads, likes, comments,
 *  messages_received, messages_answered, messages_answered_in_time}]}.
 * Counts that are not known are null (reads etc. when nothing was
 * imported; message figures while no message store exists: "无数据"). */
int report_weekly(db *d, const report_scope *scope, gm_date week_day, json_t **out, gm_err *err);

int report_weekly_table(const json_t *weekly, gm_sheet *t, gm_err *err);

#endif
