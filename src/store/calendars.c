/*
 * calendars.c - assembling the working calendar from shipped year files
 * and admin-loaded years (see calendars.h).
 *
 * Invariant: a year in calendar_years always parsed when it was stored,
 * so loading it again can only fail on a broken database.
 */
#include "store/calendars.h"
#include "store/audit.h"
#include "util/clock.h"
#include "util/file.h"

#include <dirent.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#ifndef GM_DATA_DIR
#define GM_DATA_DIR "data"
#endif

#define MAX_YEAR_FILE (256 * 1024)

const char *calendars_data_dir(void)
{
    const char *v = getenv("GOVMEDIA_DATA");
    return v && *v ? v : GM_DATA_DIR;
}

/* 1 for names like "2026.txt". */
static int is_year_file(const char *name, int *year)
{
    char tail[8];
    return sscanf(name, "%4d%7s", year, tail) == 2 && strcmp(tail, ".txt") == 0 &&
           strlen(name) == 8;
}

static int load_shipped_years(gm_calendar *cal, const char *data_dir, gm_err *err)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/calendars", data_dir);
    DIR *dh = opendir(dir);
    if (!dh)
        return GM_OK; /* no shipped calendars: only the store's years count */
    struct dirent *e;
    int rc = GM_OK, year;
    while (!rc && (e = readdir(dh)) != NULL) {
        if (!is_year_file(e->d_name, &year))
            continue;
        char path[1300], *text = NULL;
        size_t len = 0;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        rc = gm_read_file(path, MAX_YEAR_FILE, &text, &len, "calendar", err);
        if (!rc) {
            rc = calendar_load_year(cal, text, len, err);
            free(text);
        }
    }
    closedir(dh);
    return rc;
}

static int load_stored_years(db *d, gm_calendar *cal, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err, "SELECT text FROM calendar_years ORDER BY year", "");
    if (rc)
        return rc;
    while ((rc = db_next(q)) == 1) {
        const char *t = db_text(q, 0);
        if ((rc = calendar_load_year(cal, t, strlen(t), err)) != GM_OK)
            break;
    }
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

int calendars_load(db *d, const char *data_dir, gm_calendar **out, gm_err *err)
{
    gm_calendar *cal;
    int rc = calendar_new(&cal, err);
    if (rc)
        return rc;
    rc = load_shipped_years(cal, data_dir ? data_dir : calendars_data_dir(), err);
    if (!rc && d)
        rc = load_stored_years(d, cal, err);
    if (rc) {
        calendar_free(cal);
        return rc;
    }
    *out = cal;
    return GM_OK;
}

/* Parses text alone to learn and check its year. */
static int year_of_file(const char *text, size_t len, int *year, gm_err *err)
{
    gm_calendar *probe;
    int rc = calendar_new(&probe, err);
    if (rc)
        return rc;
    rc = calendar_load_year(probe, text, len, err);
    if (!rc && calendar_year_count(probe) != 1)
        rc = gm_fail(err, GM_E_INVALID, "calendar", "日历文件应只包含一个年份");
    if (!rc)
        *year = calendar_year_at(probe, 0);
    calendar_free(probe);
    return rc;
}

static int replace_year(db *d, const gm_actor *who, int year, const char *text, gm_err *err)
{
    char now[GM_ISO_LEN], oid[16], after[64];
    clock_iso_from_now(now, 0);
    int rc = db_exec(d, err,
                     "INSERT INTO calendar_years(year,text,loaded_at,login) VALUES(?,?,?,?) "
                     "ON CONFLICT(year) DO UPDATE SET text=excluded.text, "
                     "loaded_at=excluded.loaded_at, login=excluded.login",
                     "ittt", (long long)year, text, now, who->login);
    snprintf(oid, sizeof oid, "%d", year);
    snprintf(after, sizeof after, "{\"year\":%d,\"bytes\":%zu}", year, strlen(text));
    return rc ? rc : audit_append(d, who, "calendar.load", "calendar", oid, "", after, err);
}

int calendars_store_year(db *d, const gm_actor *who, int year, const char *text, size_t len,
                         int *year_out, gm_err *err)
{
    int found;
    if (memchr(text, '\0', len))
        return gm_fail(err, GM_E_INVALID, "calendar", "日历文件不能包含 NUL 字节");
    int rc = year_of_file(text, len, &found, err);
    if (rc)
        return rc;
    if (year && found != year)
        return gm_fail(err, GM_E_INVALID, "year", "文件的年份为 %d,与请求的年份 %d 不一致", found,
                       year);
    rc = db_begin(d, err);
    if (!rc)
        rc = replace_year(d, who, found, text, err);
    rc = db_end(d, rc, err);
    if (!rc && year_out)
        *year_out = found;
    return rc;
}

static int stored_text(db *d, int year, char **text, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err, "SELECT text FROM calendar_years WHERE year=?", "i", (long long)year);
    if (rc)
        return rc;
    if ((rc = db_next(q)) == 1 && !(*text = strdup(db_text(q, 0))))
        rc = gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

int calendars_year_text(db *d, const char *data_dir, int year, char **text, const char **source,
                        gm_err *err)
{
    char path[1100];
    size_t len = 0;
    *text = NULL;
    int rc = stored_text(d, year, text, err);
    if (rc || *text) {
        *source = "store";
        return rc;
    }
    snprintf(path, sizeof path, "%s/calendars/%d.txt", data_dir ? data_dir : calendars_data_dir(),
             year);
    if (access(path, R_OK) != 0)
        return gm_fail(err, GM_E_NOTFOUND, "year", "%d 年的工作日历尚未导入", year);
    *source = "shipped";
    return gm_read_file(path, MAX_YEAR_FILE, text, &len, "calendar", err);
}

static int append_stored(db *d, json_t *arr, json_t *seen, gm_err *err)
{
    db_stmt *q;
    int rc = db_query(d, &q, err,
                      "SELECT year,loaded_at,login,"
                      "(SELECT display_name FROM users WHERE users.login=calendar_years.login) "
                      "FROM calendar_years ORDER BY year", "");
    if (rc)
        return rc;
    while ((rc = db_next(q)) == 1) {
        char key[16];
        snprintf(key, sizeof key, "%lld", db_int(q, 0));
        json_object_set_new(seen, key, json_true());
        json_array_append_new(arr, json_pack("{s:I,s:s,s:s,s:s,s:s?}", "year",
                                             (json_int_t)db_int(q, 0), "source", "store",
                                             "loaded_at", db_text(q, 1), "loaded_by", db_text(q, 2),
                                             "loaded_by_name", db_text(q, 3)));
    }
    db_done(q);
    return rc < 0 ? rc : GM_OK;
}

int calendars_list(db *d, const char *data_dir, json_t **out, gm_err *err)
{
    gm_calendar *shipped;
    json_t *arr = json_array(), *seen = json_object();
    int rc = arr && seen ? calendars_load(NULL, data_dir, &shipped, err)
                         : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    if (!rc) {
        rc = append_stored(d, arr, seen, err);
        for (size_t i = 0; !rc && i < calendar_year_count(shipped); i++) {
            char key[16];
            snprintf(key, sizeof key, "%d", calendar_year_at(shipped, i));
            if (!json_object_get(seen, key))
                json_array_append_new(arr, json_pack("{s:i,s:s}", "year",
                                                     calendar_year_at(shipped, i), "source",
                                                     "shipped"));
        }
        calendar_free(shipped);
    }
    json_decref(seen);
    if (rc)
        json_decref(arr);
    else
        *out = arr;
    return rc;
}
