/*
 * message_figures.c - per-account interaction figures (see
 * message_figures.h).  The working hours were computed and stored when
 * each acknowledgement and answer was recorded, so this is counting plus
 * a median in core.
 */
#include "store/message_figures.h"
#include "core/instant.h"
#include "core/message.h"

#include <stdlib.h>
#include <string.h>

typedef struct values {
    double *v;
    size_t n, cap;
} values;

static int push(values *vs, double x)
{
    if (vs->n == vs->cap) {
        size_t cap = vs->cap ? vs->cap * 2 : 64;
        double *p = realloc(vs->v, cap * sizeof *p);
        if (!p)
            return -1;
        vs->v = p;
        vs->cap = cap;
    }
    vs->v[vs->n++] = x;
    return 0;
}

static void count_row(db_stmt *q, gm_message_figures *f, values *fr, values *an, int *oom)
{
    const char *state = db_text(q, 0);
    f->received++;
    f->hidden += strcmp(state, "hidden") == 0;
    f->open += strcmp(state, "hidden") != 0 && strcmp(state, "answered") != 0;
    if (!db_is_null(q, 1)) {
        f->answered++;
        f->answered_in_time += strcmp(db_text(q, 1), db_text(q, 2)) <= 0;
    }
    const char *first = msg_first_response_at(db_text(q, 3), db_text(q, 1));
    if (*first)
        f->first_response_in_time += strcmp(first, db_text(q, 4)) <= 0;
    if (!db_is_null(q, 5))
        *oom |= push(fr, atof(db_text(q, 5)));
    if (!db_is_null(q, 6))
        *oom |= push(an, atof(db_text(q, 6)));
}

static int figures(db *d, long long account_id, long long unit_id, gm_date from, gm_date to,
                   gm_message_figures *out, gm_err *err)
{
    if (to < from)
        return gm_fail(err, GM_E_INVALID, "to", "结束日期不能早于开始日期");
    char start[GM_INSTANT_TEXT_SIZE], end[GM_INSTANT_TEXT_SIZE];
    instant_format_utc(instant_from_cst_day(from, 0), start);
    instant_format_utc(instant_from_cst_day(to + 1, 0), end);
    memset(out, 0, sizeof *out);
    out->account_id = account_id;
    out->unit_id = unit_id;
    out->from = from;
    out->to = to;
    db_stmt *q;
    int rc = db_query(d, &q, err,
                      "SELECT state,answered_at,COALESCE(extended_until,answer_due),"
                      "acknowledged_at,first_response_due,"
                      "first_response_hours,answer_hours FROM messages "
                      "WHERE (?=0 OR account_id=?) AND (?=0 OR account_id IN "
                      "(SELECT a.id FROM accounts a JOIN units u ON u.id=a.unit_id "
                      "JOIN units top ON top.id=? WHERE u.path LIKE top.path || '%')) "
                      "AND received_at>=? AND received_at<?",
                      "iiiitt", account_id, account_id, unit_id, unit_id, start, end);
    if (rc)
        return rc;
    values fr = {0}, an = {0};
    int oom = 0;
    while ((rc = db_next(q)) == 1)
        count_row(q, out, &fr, &an, &oom);
    db_done(q);
    if (!rc && oom)
        rc = gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    if (!rc) {
        msg_median_max(fr.v, fr.n, &out->first_response_median_hours, &out->first_response_worst_hours);
        msg_median_max(an.v, an.n, &out->answer_median_hours, &out->answer_worst_hours);
    }
    free(fr.v);
    free(an.v);
    return rc < 0 ? rc : GM_OK;
}

int message_figures(db *d, long long account_id, gm_date from, gm_date to,
                    gm_message_figures *out, gm_err *err)
{
    return figures(d, account_id, 0, from, to, out, err);
}

int message_figures_unit(db *d, long long unit_id, gm_date from, gm_date to,
                         gm_message_figures *out, gm_err *err)
{
    return figures(d, 0, unit_id, from, to, out, err);
}

json_t *message_figures_json(const gm_message_figures *f)
{
    char a[GM_DATE_TEXT_SIZE], b[GM_DATE_TEXT_SIZE];
    json_t *j = json_pack("{s:s,s:s,s:I,s:I,s:I,s:I,s:I,s:I,s:I}", "from", date_format(f->from, a),
                          "to", date_format(f->to, b), "received", (json_int_t)f->received,
                          "hidden", (json_int_t)f->hidden, "answered", (json_int_t)f->answered,
                          "answered_in_time", (json_int_t)f->answered_in_time,
                          "first_response_in_time", (json_int_t)f->first_response_in_time, "open",
                          (json_int_t)f->open, "account_id", (json_int_t)f->account_id);
    if (!j)
        return NULL;
    json_object_set_new(j, "first_response_median_hours", json_real(f->first_response_median_hours));
    json_object_set_new(j, "first_response_worst_hours", json_real(f->first_response_worst_hours));
    json_object_set_new(j, "answer_median_hours", json_real(f->answer_median_hours));
    json_object_set_new(j, "answer_worst_hours", json_real(f->answer_worst_hours));
    if (!f->account_id)
        json_object_set_new(j, "account_id", json_null());
    json_object_set_new(j, "unit_id", f->unit_id ? json_integer(f->unit_id) : json_null());
    return j;
}
