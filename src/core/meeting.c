/*
 * meeting.c - meeting kinds and the missing-monthly-meeting rule (see
 * meeting.h).
 */
#include "core/meeting.h"

#include <stdio.h>
#include <string.h>

static const char *const kind_names[] = {"monthly", "training", "special"};
static const char *const kind_labels[] = {"月度例会", "培训", "专题会议"};

const char *meeting_kind_name(int i) { return i >= 0 && i < GM_MEETING_KIND_COUNT ? kind_names[i] : "?"; }
const char *meeting_kind_label(int i) { return i >= 0 && i < GM_MEETING_KIND_COUNT ? kind_labels[i] : "?"; }

int meeting_kind_parse(const char *s, const char *field, int *out, gm_err *err)
{
    for (int i = 0; s && i < GM_MEETING_KIND_COUNT; i++)
        if (strcmp(s, kind_names[i]) == 0 || strcmp(s, kind_labels[i]) == 0) {
            *out = i;
            return GM_OK;
        }
    return gm_fail(err, GM_E_INVALID, field,
                   "未知的会议类型“%.40s”(可选 monthly 月度例会、training 培训、special 专题会议)",
                   s ? s : "");
}

int meeting_month_of(gm_date d)
{
    int y, m;
    date_to_ymd(d, &y, &m, NULL);
    return y * 12 + m - 1;
}

char *meeting_month_format(int month, char *buf)
{
    snprintf(buf, GM_MONTH_TEXT_SIZE, "%04u-%02u", (unsigned)month / 12u % 10000u, (unsigned)month % 12u + 1u);
    return buf;
}

int meeting_month_parse(const char *s, const char *field, int *out, gm_err *err)
{
    int y, m;
    char tail;
    if (!s || strlen(s) != 7 || sscanf(s, "%4d-%2d%c", &y, &m, &tail) != 2 || y < 2000 ||
        y > 2100 || m < 1 || m > 12)
        return gm_fail(err, GM_E_INVALID, field, "月份“%.20s”格式错误,应为 YYYY-MM", s ? s : "");
    *out = y * 12 + m - 1;
    return GM_OK;
}

size_t meeting_missing_months(int first, int last, const int *held, size_t n_held, int *out,
                              size_t cap)
{
    size_t n = 0;
    for (int m = first; m <= last; m++) {
        int found = 0;
        for (size_t i = 0; i < n_held && !found; i++)
            found = held[i] == m;
        if (found)
            continue;
        if (n < cap)
            out[n] = m;
        n++;
    }
    return n;
}
