/*
 * jobs.c - the scheduler's rows: definitions, leases, run log (see jobs.h).
 *
 * Times are UTC ISO-8601 text of one fixed width, so comparing them as
 * text compares them as times; every time is passed in by the caller (no
 * SQL clock functions), which keeps the SQL portable.
 */
#include "store/jobs.h"
#include "store/db_rows.h"

#include <string.h>

int jobs_store_sync(db *d, const char *name, const char *schedule, const char *next_run_at,
                    gm_err *err)
{
    int rc = db_begin(d, err);
    if (!rc)
        rc = db_exec(d, err,
                     "INSERT INTO jobs(name,schedule,next_run_at) SELECT ?,?,? "
                     "WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE name=?)",
                     "tttt", name, schedule, next_run_at, name);
    if (!rc)
        rc = db_exec(d, err, "UPDATE jobs SET schedule=?, next_run_at=? WHERE name=? AND schedule<>?",
                     "tttt", schedule, next_run_at, name, schedule);
    return db_end(d, rc, err);
}

static int claim_in_tx(db *d, const char *name, const char *owner, const char *now,
                       const char *lease_until, int manual, int *claimed, long long *run_id,
                       int *attempt, gm_err *err)
{
    int rc = db_exec(d, err,
                     "UPDATE jobs SET lease_owner=?, lease_until=? WHERE name=? "
                     "AND (lease_until IS NULL OR lease_until < ?) AND (? = 1 OR next_run_at <= ?)",
                     "ttttit", owner, lease_until, name, now, (long long)manual, now);
    if (rc || db_changes(d) != 1)
        return rc;
    long long attempts = 0;
    rc = db_query_int(d, &attempts, err, "SELECT attempts FROM jobs WHERE name=?", "t", name);
    *attempt = manual ? 1 : (int)attempts + 1;
    if (!rc)
        rc = db_exec(d, err,
                     "INSERT INTO job_runs(job,owner,manual,attempt,started_at,status) "
                     "VALUES(?,?,?,?,?,'running')",
                     "ttiit", name, owner, (long long)manual, (long long)*attempt, now);
    if (!rc)
        rc = db_query_int(d, run_id, err, "SELECT MAX(id) FROM job_runs WHERE job=? AND owner=?",
                          "tt", name, owner);
    if (!rc)
        *claimed = 1;
    return rc;
}

int jobs_store_claim(db *d, const char *name, const char *owner, const char *now,
                     const char *lease_until, int manual, int *claimed, long long *run_id,
                     int *attempt, gm_err *err)
{
    *claimed = 0;
    int rc = db_begin(d, err);
    if (!rc)
        rc = claim_in_tx(d, name, owner, now, lease_until, manual, claimed, run_id, attempt, err);
    rc = db_end(d, rc, err);
    if (rc)
        *claimed = 0;
    return rc;
}

int jobs_store_finish(db *d, const char *name, const char *owner, long long run_id,
                      const char *finished_at, int ok, const char *message,
                      const char *next_run_at, int attempts, gm_err *err)
{
    const char *status = ok ? "ok" : "failed";
    int rc = db_begin(d, err);
    if (!rc)
        rc = db_exec(d, err, "UPDATE job_runs SET finished_at=?, status=?, message=? WHERE id=?",
                     "ttti", finished_at, status, message, run_id);
    if (!rc)
        rc = db_exec(d, err,
                     "UPDATE jobs SET lease_owner=NULL, lease_until=NULL, "
                     "next_run_at=COALESCE(?, next_run_at), "
                     "attempts=CASE WHEN ? < 0 THEN attempts ELSE ? END, last_run_at=?, "
                     "last_status=?, last_message=? WHERE name=? AND lease_owner=?",
                     "tiitttt" "t", next_run_at, (long long)attempts, (long long)attempts, finished_at, status, message,
                     name, owner);
    return db_end(d, rc, err);
}

static json_t *text_or_null(db_stmt *q, int col)
{
    return db_is_null(q, col) ? json_null() : json_string(db_text(q, col));
}

static json_t *job_row(db_stmt *q)
{
    json_t *o = json_pack("{s:s,s:s,s:s,s:I}", "name", db_text(q, 0), "schedule", db_text(q, 1),
                          "next_run_at", db_text(q, 2), "attempts", (json_int_t)db_int(q, 5));
    if (!o)
        return NULL;
    static const struct { int col; const char *key; } nullable[] = {
        {3, "lease_owner"}, {4, "lease_until"}, {6, "last_run_at"}, {7, "last_status"},
        {8, "last_message"}};
    for (size_t i = 0; i < sizeof nullable / sizeof nullable[0]; i++)
        json_object_set_new(o, nullable[i].key, text_or_null(q, nullable[i].col));
    return o;
}

int jobs_store_list(db *d, json_t **out, gm_err *err)
{
    return db_rows_json(d, out, job_row, err,
                        "SELECT name,schedule,next_run_at,lease_owner,lease_until,attempts,"
                        "last_run_at,last_status,last_message FROM jobs ORDER BY name", "");
}

static json_t *run_row(db_stmt *q)
{
    json_t *o = json_pack("{s:I,s:s,s:s,s:b,s:I,s:s,s:s}", "id", (json_int_t)db_int(q, 0),
                          "job", db_text(q, 1), "owner", db_text(q, 2), "manual", (int)db_int(q, 3),
                          "attempt", (json_int_t)db_int(q, 4), "started_at", db_text(q, 5),
                          "status", db_text(q, 7));
    if (o) {
        json_object_set_new(o, "finished_at", text_or_null(q, 6));
        json_object_set_new(o, "message", text_or_null(q, 8));
    }
    return o;
}

int jobs_store_runs(db *d, const char *name, int limit, json_t **out, gm_err *err)
{
    return db_rows_json(d, out, run_row, err,
                        "SELECT id,job,owner,manual,attempt,started_at,finished_at,status,message "
                        "FROM job_runs WHERE (? IS NULL OR job=?) ORDER BY id DESC LIMIT ?",
                        "tti", name, name, (long long)limit);
}

int jobs_store_prune(db *d, const char *before, int *deleted, gm_err *err)
{
    int rc = db_begin(d, err);
    if (!rc)
        rc = db_exec(d, err, "DELETE FROM job_runs WHERE status<>'running' AND started_at < ?",
                     "t", before);
    if (!rc)
        *deleted = db_changes(d);
    return db_end(d, rc, err);
}
