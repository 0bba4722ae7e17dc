/*
 * reply.c - building answers and reading query arguments (see request.h).
 */
#include "http/request.h"
#include "store/units.h"
#include "util/json_text.h"

#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* An answer replaces the one before, a file answer too. */
static void drop_file_answer(gm_request *r)
{
    if (r->resp_fd >= 0)
        close(r->resp_fd);
    r->resp_fd = -1;
}

int reply_json(gm_request *r, int status, json_t *obj)
{
    drop_file_answer(r);
    free(r->resp);
    r->resp = obj ? json_dumps(obj, JSON_COMPACT) : NULL;
    json_decref(obj);
    if (!r->resp) {
        r->status = 500;
        r->resp = NULL;
        return GM_E_NOMEM;
    }
    r->resp_len = strlen(r->resp);
    r->status = status;
    r->content_type = "application/json; charset=utf-8";
    return GM_OK;
}

int reply_json_text(gm_request *r, int status, json_text *t)
{
    size_t len;
    char *text = json_text_take(t, &len);
    if (!text) {
        free(r->resp);
        r->resp = NULL;
        r->status = 500;
        return GM_E_NOMEM;
    }
    return reply_json_bytes(r, status, text, len);
}

int reply_json_bytes(gm_request *r, int status, char *text, size_t len)
{
    reply_bytes(r, status, "application/json; charset=utf-8", text, len);
    return GM_OK;
}

void reply_bytes(gm_request *r, int status, const char *content_type, void *data, size_t len)
{
    drop_file_answer(r);
    free(r->resp);
    r->resp = data;
    r->resp_len = len;
    r->status = status;
    r->content_type = content_type;
}

void reply_file(gm_request *r, int status, const char *content_type, int fd,
                unsigned long long len)
{
    drop_file_answer(r);
    free(r->resp);
    r->resp = NULL;
    r->resp_len = 0;
    r->resp_fd = fd;
    r->resp_fd_len = len;
    r->status = status;
    r->content_type = content_type;
}

void reply_error(gm_request *r, const gm_err *err)
{
    int code = err->code ? err->code : GM_E_INTERNAL;
    json_t *e = json_pack("{s:{s:s,s:s,s:s?}}", "error", "code", gm_code_name(code), "message",
                          err->message[0] ? err->message : gm_code_name(code), "field",
                          err->field[0] ? err->field : NULL);
    reply_json(r, gm_code_http_status(code), e);
}

const char *request_header(gm_request *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *request_arg(gm_request *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

int request_arg_int(gm_request *r, const char *name, long long dflt, long long *out, gm_err *err)
{
    const char *v = request_arg(r, name);
    if (!v || !*v) {
        *out = dflt;
        return GM_OK;
    }
    char *end;
    long long n = strtoll(v, &end, 10);
    if (*end)
        return gm_fail(err, GM_E_INVALID, name, "参数 %s 应为整数", name);
    *out = n;
    return GM_OK;
}

int request_require_loaded_unit(gm_request *r, gm_perm perm, const gm_unit *u, gm_err *err)
{
    if (!actor_take_role(&r->actor, perm, u->path))
        return gm_fail(err, GM_E_DENIED, NULL, "无权对单位“%s”执行此操作(需要“%s”(%s)的权限)",
                       u->name, perm_label_zh(perm), perm_name(perm));
    return GM_OK;
}

int request_require_unit(gm_request *r, gm_perm perm, long long unit_id, gm_err *err)
{
    gm_unit u;
    int rc = units_get(r->db, unit_id, &u, err);
    return rc ? rc : request_require_loaded_unit(r, perm, &u, err);
}

int request_require_system(gm_request *r, gm_perm perm, gm_err *err)
{
    db_stmt *q;
    long long roots[8];
    int n = 0;
    int rc = db_query(r->db, &q, err, "SELECT id FROM units WHERE parent_id IS NULL ORDER BY id", "");
    if (rc)
        return rc;
    while (n < 8 && (rc = db_next(q)) == 1)
        roots[n++] = db_int(q, 0);
    db_done(q);
    if (rc < 0)
        return rc;
    for (int i = 0; i < n; i++)
        if (request_require_unit(r, perm, roots[i], NULL) != GM_OK)
            return gm_fail(err, GM_E_DENIED, NULL,
                           "这是全系统范围的操作,需要在根单位上拥有“%s”(%s)的权限",
                           perm_label_zh(perm), perm_name(perm));
    return n ? GM_OK : gm_fail(err, GM_E_DENIED, NULL, "还没有根单位");
}
