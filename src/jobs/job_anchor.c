/*
 * job_anchor.c - "audit.anchor": publishes the audit chain's head outside
 * the database every day.
 *
 * The anchor goes (1) as a new file into the directory named by
 * `serve --anchor-dir` (GOVMEDIA_ANCHOR_DIR), signed when `--anchor-key`
 * (GOVMEDIA_ANCHOR_KEY) names an Ed25519 key file, and (2) to every unit
 * holding a supervisor: in-app, and as a message of that unit's group
 * robots, which keep a copy on the chat platform, out of reach of whoever
 * can write our database file.  The in-app copy lives in the database and
 * proves nothing by itself; the file and the robot copies do.
 */
#include "jobs/job_list.h"
#include "store/audit.h"
#include "store/audit_anchor.h"
#include "store/notify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *env_or_null(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}

static int notify_supervisors(db *d, const audit_anchor *a, const char *file, gm_err *err)
{
    char title[128], body[512];
    snprintf(title, sizeof title, "审计链锚点:第 %lld 行", a->id);
    snprintf(body, sizeof body,
             "{\"id\":%lld,\"hash\":\"%s\",\"at\":\"%s\"}。请在本系统以外留存此消息(群消息即为留存),"
             "检查时用 govmedia audit verify --anchor 核对。%s%s",
             a->id, a->hash, a->at, file ? "锚点文件:" : "", file ? file : "");
    gm_notice n = {.kind = "audit.anchor", .title = title, .body = body, .link = ""};
    db_stmt *q;
    int rc = db_query(d, &q, err,
                      "SELECT DISTINCT unit_id FROM user_roles WHERE role='supervisor' ORDER BY unit_id", "");
    long long units[64];
    int n_units = 0;
    while (!rc && n_units < 64 && (rc = db_next(q)) == 1)
        units[n_units++] = db_int(q, 0);
    if (q)
        db_done(q);
    rc = rc < 0 ? rc : GM_OK;
    for (int i = 0; !rc && i < n_units; i++)
        rc = notify_role(d, units[i], ROLE_SUPERVISOR, &n, NULL, err);
    return rc;
}

static int record(db *d, const audit_anchor *a, const char *file, gm_err *err)
{
    gm_actor who;
    job_actor(&who);
    int rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = notify_supervisors(d, a, file, err);
    if (!rc)
        rc = audit_append_json(d, &who, "audit.anchor", "audit", a->id, NULL,
                               json_pack("{s:I,s:s,s:s?}", "id", (json_int_t)a->id, "hash", a->hash,
                                         "file", file),
                               err);
    return db_end(d, rc, err);
}

int job_audit_anchor(gm_job_ctx *ctx, gm_err *err)
{
    const char *dir = env_or_null("GOVMEDIA_ANCHOR_DIR"), *key = env_or_null("GOVMEDIA_ANCHOR_KEY");
    char written[4096] = "";
    audit_anchor a;
    int rc = dir ? audit_anchor_publish(ctx->d, dir, key, written, sizeof written, err) : GM_OK;
    if (!rc)
        rc = audit_anchor_head(ctx->d, &a, err);
    if (!rc)
        rc = record(ctx->d, &a, dir ? written : NULL, err);
    /* The run log keeps 256 bytes: a path too long for it is left out
     * whole (never cut inside a UTF-8 character); the row id stays. */
    int path_fits = dir && strlen(written) <= 160;
    if (!rc)
        snprintf(ctx->message, sizeof ctx->message, "已发布审计锚点:第 %lld 行%s%.160s", a.id,
                 !dir ? "(未配置 --anchor-dir,只通知了信息中心)"
                 : path_fits ? ",文件 " : ",文件见锚点目录",
                 path_fits ? written : "");
    return rc;
}
