/*
 * store.c - opening the database, schema migrations and meta settings.
 *
 * Invariant: schema_version holds one row per applied migration; a
 * migration and its row commit together, so a crash mid-upgrade leaves the
 * database at the previous version, never in between.
 */
#include "store/store.h"
#include "store/migrate_steps.h"
#include "store/migrations.h"
#include "store/post_search.h"
#include "util/clock.h"

#include <stdio.h>
#include <string.h>

int store_open(db **out, const char *path, gm_err *err)
{
    return db_open(out, path, err);
}

static int ensure_version_table(db *d, gm_err *err)
{
    return db_exec_script(d,
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)", err);
}

int store_schema_version(db *d, int *version, gm_err *err)
{
    int rc = ensure_version_table(d, err);
    if (rc)
        return rc;
    long long v = 0;
    rc = db_query_int(d, &v, err, "SELECT COALESCE(MAX(version),0) FROM schema_version", "");
    *version = (int)v;
    return rc;
}

static int apply_one(db *d, const gm_migration *m, gm_err *err)
{
    int rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = db_exec_script(d, m->sql, err);
    if (!rc)
        rc = migrate_data_step(d, m->version, err);
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    if (!rc)
        rc = db_exec(d, err, "INSERT INTO schema_version(version,name,applied_at) VALUES(?,?,?)",
                     "itt", (long long)m->version, m->name, now);
    if (!rc)
        rc = db_commit(d, err);
    if (rc) {
        db_rollback(d);
        char why[sizeof err->message];
        snprintf(why, sizeof why, "%s", err->message);
        gm_fail(err, rc, NULL, "迁移 %s 失败:%s", m->name, why);
    }
    return rc;
}

/* Version numbers are reserved in blocks per feature and land in any
 * order (003 may land after 007), so a migration is pending when its own
 * row is missing, not when it is above the highest applied version. */
static int migration_applied(db *d, int version, int *applied, gm_err *err)
{
    long long n = 0;
    int rc = db_query_int(d, &n, err, "SELECT COUNT(*) FROM schema_version WHERE version=?", "i",
                          (long long)version);
    *applied = n > 0;
    return rc;
}

int store_migrate(db *d, int *applied, gm_err *err)
{
    int version, rc = store_schema_version(d, &version, err);
    if (rc)
        return rc;
    int n = 0;
    for (int i = 0; i < gm_migration_count; i++) {
        int done;
        if ((rc = migration_applied(d, gm_migrations[i].version, &done, err)) != GM_OK)
            return rc;
        if (done)
            continue;
        rc = apply_one(d, &gm_migrations[i], err);
        if (rc)
            return rc;
        n++;
    }
    if (applied)
        *applied = n;
    /* driver-specific indexes that are not part of the portable schema */
    return post_search_ensure(d, err);
}

int store_schema_required(void)
{
    return gm_migration_count ? gm_migrations[gm_migration_count - 1].version : 0;
}

int store_require_current(db *d, gm_err *err)
{
    int version, rc = store_schema_version(d, &version, err);
    if (rc)
        return rc;
    int want = store_schema_required();
    for (int i = 0; !rc && i < gm_migration_count && version == want; i++) {
        int done;
        rc = migration_applied(d, gm_migrations[i].version, &done, err);
        if (!rc && !done)
            version = gm_migrations[i].version - 1;   /* a gap: report it as behind */
    }
    if (!rc && version != want)
        return gm_fail(err, GM_E_INVALID, "db",
                       "数据库结构版本为 %d,本程序需要 %d:请先运行 govmedia init --db 迁移",
                       version, want);
    return rc;
}

int store_meta_get(db *d, const char *key, char *buf, size_t cap, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err, "SELECT value FROM meta WHERE key=?", "t", key);
    if (rc)
        return rc;
    rc = db_next(q);
    if (rc == 1) {
        snprintf(buf, cap, "%s", db_text(q, 0));
        rc = GM_OK;
    } else if (rc == 0) {
        rc = gm_fail(err, GM_E_NOTFOUND, key, "没有设置 %s", key);
    }
    db_done(q);
    return rc;
}

int store_meta_set(db *d, const char *key, const char *value, gm_err *err)
{
    return db_exec(d, err, "INSERT INTO meta(key,value) VALUES(?,?) "
                           "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                   "tt", key, value);
}
