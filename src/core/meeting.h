/*
 * meeting.h - meetings and training (例会、培训) [REQUIREMENTS §5; seed 002,
 * and seed 000: 每月初组织召开例会]: kinds, and the months that lack the
 * monthly meeting.
 */
#ifndef GM_CORE_MEETING_H
#define GM_CORE_MEETING_H

#include <stddef.h>
#include "core/date.h"

/* Kinds: monthly 月度例会, training 培训, special 专题会议. */
#define GM_MEETING_KIND_COUNT 3
const char *meeting_kind_name(int i);
const char *meeting_kind_label(int i);
int meeting_kind_parse(const char *s, const char *field, int *out, gm_err *err);

/* A month as year * 12 + (month - 1). */
int meeting_month_of(gm_date d);
#define GM_MONTH_TEXT_SIZE 16
/* "YYYY-MM" into buf (GM_MONTH_TEXT_SIZE bytes). */
char *meeting_month_format(int month, char *buf);
/* Parses "YYYY-MM"; GM_E_INVALID naming field. */
int meeting_month_parse(const char *s, const char *field, int *out, gm_err *err);

/* Months of [first, last] in which no monthly meeting was held (held:
 * the months of the monthly meetings, any order).  At most cap written;
 * returns how many are missing. */
size_t meeting_missing_months(int first, int last, const int *held, size_t n_held, int *out,
                              size_t cap);

#endif
