/*
 * login_guard.c - login attempts and locks (see login_guard.h).
 */
#include "store/login_guard.h"

#include <stdio.h>
#include <string.h>

#define PRUNE_AFTER_SECONDS (24 * 3600)

typedef struct attempts {
    long long failures;
    char locked_until[GM_ISO_LEN];
} attempts;

static int read_attempts(db *d, const char *login, const char *addr, attempts *a, gm_err *err)
{
    db_stmt *q;
    memset(a, 0, sizeof *a);
    int rc = db_query(d, &q, err,
                      "SELECT failures, COALESCE(locked_until,'') FROM login_failures "
                      "WHERE login=? AND client_addr=?", "tt", login, addr);
    if (rc)
        return rc;
    if ((rc = db_next(q)) == 1) {
        a->failures = db_int(q, 0);
        snprintf(a->locked_until, sizeof a->locked_until, "%s", db_text(q, 1));
    }
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

static int write_attempts(db *d, const char *login, const char *addr, const attempts *a,
                          const char *now, gm_err *err)
{
    int rc = db_exec(d, err, "DELETE FROM login_failures WHERE login=? AND client_addr=?", "tt",
                     login, addr);
    if (!rc)
        rc = db_exec(d, err,
                     "INSERT INTO login_failures(login,client_addr,failures,locked_until,updated_at) "
                     "VALUES(?,?,?,?,?)", "ttitt", login, addr, a->failures,
                     a->locked_until[0] ? a->locked_until : NULL, now);
    return rc;
}

static int reserve_in_transaction(db *d, const char *login, const char *addr, int max_failures,
                                  long lock_seconds, char until[GM_ISO_LEN], gm_err *err)
{
    char now[GM_ISO_LEN], stale[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    clock_iso_from_now(stale, -PRUNE_AFTER_SECONDS);
    attempts a;
    int rc = db_exec(d, err, "DELETE FROM login_failures WHERE updated_at < ?", "t", stale);
    if (!rc)
        rc = read_attempts(d, login, addr, &a, err);
    if (rc)
        return rc;
    if (a.locked_until[0] && strcmp(a.locked_until, now) > 0) {
        snprintf(until, GM_ISO_LEN, "%s", a.locked_until);
        return GM_E_LOCKED;
    }
    if (a.locked_until[0]) {     /* an expired lock starts a fresh count */
        a.failures = 0;
        a.locked_until[0] = '\0';
    }
    until[0] = '\0';
    if (++a.failures >= max_failures) {
        clock_iso_from_now(a.locked_until, lock_seconds);
        snprintf(until, GM_ISO_LEN, "%s", a.locked_until);
    }
    return write_attempts(d, login, addr, &a, now, err);
}

int login_guard_reserve(db *d, const char *login, const char *addr, int max_failures,
                        long lock_seconds, char until[GM_ISO_LEN], gm_err *err)
{
    int rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = reserve_in_transaction(d, login, addr, max_failures, lock_seconds, until, err);
    if (rc == GM_E_LOCKED) {
        db_rollback(d);
        return gm_fail(err, GM_E_LOCKED, "login", "locked");
    }
    return db_end(d, rc, err);
}

int login_guard_clear(db *d, const char *login, const char *addr, gm_err *err)
{
    return db_exec(d, err, "DELETE FROM login_failures WHERE login=? AND client_addr=?", "tt",
                   login, addr);
}

int login_guard_forget(db *d, const char *login, gm_err *err)
{
    return db_exec(d, err, "DELETE FROM login_failures WHERE login=?", "t", login);
}
