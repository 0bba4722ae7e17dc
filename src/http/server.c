/*
 * server.c - libmicrohttpd glue: request bodies, dispatch, shutdown.
 *
 * MHD calls the access handler several times per request: first with no
 * body (we match the route and refuse oversized Content-Length with 413),
 * then with body chunks (accumulated up to the route's limit, in memory or,
 * for a spooled route, in a temporary file: util/spool.c), then a last
 * time with none (we take the worker thread's database connection and
 * dispatch).  A download may answer from a file (reply_file), sent by MHD
 * in pieces.  The completion callback frees the request and counts it out
 * of `inflight`, which server_stop() waits on so requests in flight finish.
 *
 * Each pool thread keeps one connection (with its prepared statements) for
 * its whole life (db_thread_get); the first request on a thread checks the
 * schema version once, and every request releases the connection clean
 * (no open transaction, no pending statement) before its answer is sent.
 * WAL checkpoints run on the store's upkeep thread (db_upkeep_start), not
 * in the request whose commit grew the WAL past the threshold.
 */
#include "http/server.h"
#include "http/check_lists.h"
#include "check/check.h"
#include "core/password.h"
#include "http/route.h"
#include "http/static_files.h"
#include "store/store.h"
#include "util/spool.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct conn_ctx {
    gm_request req;
    const gm_route *route;
    size_t max_body;
    size_t cap;
    int too_large;
    int path_known;
    gm_spool spool;     /* a spooled route's body (spool.fd -1 until it comes) */
    int spooling;
    int refused;        /* a spooled route's caller was not admitted: body discarded */
    gm_err refusal;
} conn_ctx;

static void client_address(struct MHD_Connection *c, char *out, size_t cap)
{
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    snprintf(out, cap, "unknown");
    if (!ci || !ci->client_addr)
        return;
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out, (socklen_t)cap);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, out, (socklen_t)cap);
}

static conn_ctx *ctx_new(gm_server *s, struct MHD_Connection *c, const char *url, const char *method)
{
    conn_ctx *x = calloc(1, sizeof *x);
    if (!x)
        return NULL;
    x->req.conn = c;
    x->req.srv = s;
    x->req.method = method;
    x->req.path = url;
    x->req.upload_fd = -1;
    x->req.resp_fd = -1;
    x->spool.fd = -1;
    client_address(c, x->req.actor.client_addr, sizeof x->req.actor.client_addr);
    if (strncmp(url, "/api/", 5) == 0) {
        x->route = router_match(method, url, x->req.ids, &x->req.n_ids, &x->path_known);
        x->max_body = x->route && x->route->max_body ? x->route->max_body : GM_DEFAULT_MAX_BODY;
    }
    return x;
}

static enum MHD_Result send_answer(struct MHD_Connection *c, gm_request *r)
{
    /* The body is handed over, not copied: MHD frees it (closes the file)
     * with the response. */
    struct MHD_Response *resp =
        r->resp_fd >= 0 ? MHD_create_response_from_fd64(r->resp_fd_len, r->resp_fd)
        : r->resp       ? MHD_create_response_from_buffer_with_free_callback(r->resp_len, r->resp, free)
                        : MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    if (!resp)
        return MHD_NO;
    r->resp = NULL;
    r->resp_fd = -1;
    if (r->content_type)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->content_type);
    if (r->allow[0])
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, r->allow);
    if (r->disposition[0])
        MHD_add_response_header(resp, "Content-Disposition", r->disposition);
    if (r->set_cookie[0])
        MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, r->set_cookie);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Cache-Control", "no-store");
    MHD_add_response_header(resp, "Content-Security-Policy",
                            "default-src 'self'; frame-ancestors 'none'");
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)(r->status ? r->status : 500), resp);
    MHD_destroy_response(resp);
    return ok;
}

static enum MHD_Result answer_error(struct MHD_Connection *c, conn_ctx *x, int code,
                                    const char *field, const char *msg)
{
    gm_err e;
    gm_fail(&e, code, field, "%s", msg);
    reply_error(&x->req, &e);
    return send_answer(c, &x->req);
}

static int content_length_too_big(struct MHD_Connection *c, size_t max)
{
    const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    return cl && strtoull(cl, NULL, 10) > max;
}

static size_t discard_limit(size_t max_body)
{
    size_t floor = 8u * 1024 * 1024;
    return max_body * 4 > floor ? max_body * 4 : floor;
}

static int append_body(conn_ctx *x, const char *data, size_t n)
{
    if (x->req.body_len + n > x->max_body) {
        x->too_large = 1;
        return 0;
    }
    if (x->req.body_len + n + 1 > x->cap) {
        size_t cap = (x->req.body_len + n + 1) * 2;
        char *p = realloc(x->req.body, cap);
        if (!p)
            return -1;
        x->req.body = p;
        x->cap = cap;
    }
    memcpy(x->req.body + x->req.body_len, data, n);
    x->req.body_len += n;
    x->req.body[x->req.body_len] = '\0';
    return 0;
}

/* A spooled route's body goes to its temporary file; past the limit the
 * file is dropped and the rest is read and discarded (too_large). */
static int spool_body(conn_ctx *x, const char *data, size_t n)
{
    gm_err e;
    if (!x->spooling) {
        if (gm_spool_open(&x->spool, x->max_body, GM_SPOOL_HEAD, &e) != GM_OK)
            return -1;
        x->spooling = 1;
    }
    int rc = gm_spool_add(&x->spool, data, n, &e);
    if (rc == GM_E_TOOLARGE)
        x->too_large = 1;
    return rc && rc != GM_E_TOOLARGE ? -1 : 0;
}

/* The spooled body as the handler reads it: the file, and its head. */
static void hand_over_spool(conn_ctx *x)
{
    if (!x->spooling)
        return;
    x->req.upload_bytes = x->spool.bytes;
    x->req.upload_fd = gm_spool_take_fd(&x->spool);
    x->req.body = x->spool.head;   /* freed with the request */
    x->req.body_len = x->spool.head_len;
    x->spool.head = NULL;
}

static const char *too_large_message(const conn_ctx *x, char *buf, size_t cap)
{
    char limit[32];
    gm_spool_size_text(x->max_body, limit, sizeof limit);
    snprintf(buf, cap, "请求体超过大小上限(%s,%zu 字节)", limit, x->max_body);
    return buf;
}

/* This worker thread's connection; a new one must have the current schema. */
static int thread_db(gm_server *s, db **out, gm_err *err)
{
    int fresh;
    int rc = db_thread_get(out, s->cfg.db_path, &fresh, err);
    if (!rc && fresh && (rc = store_require_current(*out, err)) != GM_OK)
        db_thread_drop(s->cfg.db_path);
    return rc;
}

static enum MHD_Result dispatch_api(struct MHD_Connection *c, conn_ctx *x)
{
    gm_err err;
    gm_err_clear(&err);
    if (!route_uses_db(x->route)) {
        router_dispatch(&x->req, x->route);
        return send_answer(c, &x->req);
    }
    if (thread_db(x->req.srv, &x->req.db, &err) != GM_OK) {
        reply_error(&x->req, &err);
        return send_answer(c, &x->req);
    }
    router_dispatch(&x->req, x->route);
    db_release(x->req.db);
    x->req.db = NULL;
    return send_answer(c, &x->req);
}

/* A spooled route admits its caller before the body comes (router_admit). */
static int admit_spooled(conn_ctx *x, gm_err *err)
{
    int rc = thread_db(x->req.srv, &x->req.db, err);
    if (rc)
        return rc;
    rc = router_admit(&x->req, x->route, err);
    db_release(x->req.db);
    x->req.db = NULL;
    return rc;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *data,
                                  size_t *data_size, void **con_cls)
{
    (void)version;
    gm_server *s = cls;
    conn_ctx *x = *con_cls;
    if (!x) {
        x = ctx_new(s, c, url, method);
        *con_cls = x;
        if (!x)
            return MHD_NO;
        atomic_fetch_add(&s->inflight, 1);   /* counted out in on_completed */
        /* Far too big: refuse before reading.  Moderately too big: read and
         * discard, so the client sees a clean 413 instead of a reset (a
         * spooled route's limit is already hundreds of MB: refused at once). */
        char msg[160];
        if (x->route && content_length_too_big(c, x->route->spool ? x->max_body
                                                                   : discard_limit(x->max_body)))
            return answer_error(c, x, GM_E_TOOLARGE, "body", too_large_message(x, msg, sizeof msg));
        /* A caller not admitted to a spooled route: a large declared body is
         * refused at once, one up to what any route reads and discards (8 MiB)
         * is read and dropped (the client reads the answer instead of a
         * broken pipe); nothing goes to disk. */
        if (x->route && x->route->spool && admit_spooled(x, &x->refusal) != GM_OK) {
            if (content_length_too_big(c, discard_limit(GM_DEFAULT_MAX_BODY))) {
                reply_error(&x->req, &x->refusal);
                return send_answer(c, &x->req);
            }
            x->refused = 1;
        }
        return MHD_YES;
    }
    if (*data_size) {
        if (x->route && !x->too_large && !x->refused &&
            (x->route->spool ? spool_body(x, data, *data_size) : append_body(x, data, *data_size)) < 0)
            return MHD_NO;
        *data_size = 0;
        return MHD_YES;
    }
    if (strncmp(url, "/api/", 5) != 0)
        return static_files_answer(c, s->web, url, method);
    char msg[160];
    if (!x->route && x->path_known) {
        router_allowed_methods(url, x->req.allow, sizeof x->req.allow);
        snprintf(msg, sizeof msg, "该路径不支持此 HTTP 方法(可用:%s)", x->req.allow);
        return answer_error(c, x, GM_E_METHOD, NULL, msg);
    }
    if (!x->route)
        return answer_error(c, x, GM_E_NOTFOUND, NULL, "没有这个 API 路径");
    if (x->refused) {
        reply_error(&x->req, &x->refusal);
        return send_answer(c, &x->req);
    }
    if (x->too_large)
        return answer_error(c, x, GM_E_TOOLARGE, "body", too_large_message(x, msg, sizeof msg));
    hand_over_spool(x);
    return dispatch_api(c, x);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    (void)c;
    (void)toe;
    gm_server *s = cls;
    conn_ctx *x = *con_cls;
    if (!x)
        return;
    free(x->req.body);
    free(x->req.resp);
    if (x->req.upload_fd >= 0)
        close(x->req.upload_fd);
    if (x->req.resp_fd >= 0)
        close(x->req.resp_fd);
    gm_spool_close(&x->spool);
    free(x);
    *con_cls = NULL;
    atomic_fetch_sub(&s->inflight, 1);
}

static int parse_listen(const char *listen, struct sockaddr_in *sa, gm_err *err)
{
    char host[64];
    const char *colon = strrchr(listen, ':');
    if (!colon || (size_t)(colon - listen) >= sizeof host)
        return gm_fail(err, GM_E_INVALID, "listen", "监听地址应为 IP:端口,例如 127.0.0.1:8080");
    memcpy(host, listen, (size_t)(colon - listen));
    host[colon - listen] = '\0';
    char *end;
    long port = strtol(colon + 1, &end, 10);
    memset(sa, 0, sizeof *sa);
    sa->sin_family = AF_INET;
    sa->sin_port = htons((unsigned short)port);
    if (*end || port < 0 || port > 65535 || inet_pton(AF_INET, host, &sa->sin_addr) != 1)
        return gm_fail(err, GM_E_INVALID, "listen", "监听地址无效:%s", listen);
    return GM_OK;
}

int server_start(gm_server *s, const gm_server_config *cfg, gm_err *err)
{
    memset(s, 0, sizeof *s);
    s->cfg = *cfg;
    pthread_mutex_init(&s->checker_lock, NULL);
    login_limit_init(&s->logins,
                     cfg->max_failed_logins_per_address ? cfg->max_failed_logins_per_address : 30,
                     cfg->lock_seconds > 0 ? cfg->lock_seconds : 900);
    struct sockaddr_in sa;
    int rc = parse_listen(cfg->listen, &sa, err);
    if (!rc)
        rc = password_hash("timing-equaliser-not-a-password", s->dummy_hash, err);
    if (!rc)
        rc = server_reload_checker(s, err);
    if (!rc && cfg->web_dir)
        rc = static_files_load(&s->web, cfg->web_dir, err);
    if (!rc && cfg->db_path)
        rc = db_upkeep_start(cfg->db_path, err);   /* before the pool opens its connections */
    if (rc)
        return rc;
    /* MHD_USE_AUTO: epoll on Linux instead of select() in each pool thread. */
    s->daemon = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ITC |
                                     MHD_USE_ERROR_LOG,
                                 0, NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR, &sa,
                                 MHD_OPTION_THREAD_POOL_SIZE, cfg->threads ? cfg->threads : 4,
                                 MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
                                 MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30, MHD_OPTION_END);
    if (!s->daemon) {
        db_upkeep_stop();
        static_files_free(s->web);
        s->web = NULL;
        return gm_fail(err, GM_E_IO, "listen", "无法在 %s 上监听(端口被占用?)", cfg->listen);
    }
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = di ? di->port : ntohs(sa.sin_port);
    return GM_OK;
}

void server_stop(gm_server *s, int grace_ms)
{
    if (!s->daemon)
        return;
    MHD_quiesce_daemon(s->daemon);
    struct timespec tick = {0, 10 * 1000 * 1000};
    for (int waited = 0; atomic_load(&s->inflight) > 0 && waited < grace_ms; waited += 10)
        nanosleep(&tick, NULL);
    MHD_stop_daemon(s->daemon);   /* joins the pool: its connections are closed */
    s->daemon = NULL;
    db_upkeep_stop();
    if (s->checker)
        gm_checker_unref(s->checker);
    s->checker = NULL;
    static_files_free(s->web);
    s->web = NULL;
}

int server_reload_checker(gm_server *s, gm_err *err)
{
    gm_checker *fresh;
    db *d = NULL;
    int rc = s->cfg.db_path ? db_open(&d, s->cfg.db_path, err) : 0;
    if (!rc)
        rc = check_lists_load(d, s->cfg.data_dir, &fresh, err);
    if (d)
        db_close(d);
    if (rc)
        return rc;
    const char *const *merged;
    size_t n = gm_checker_merges(fresh, &merged);
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, "govmedia serve:词库:%s\n", merged[i]);
    pthread_mutex_lock(&s->checker_lock);
    gm_checker *old = s->checker;
    s->checker = fresh;
    pthread_mutex_unlock(&s->checker_lock);
    if (old)
        gm_checker_unref(old);
    return GM_OK;
}

gm_checker *server_checker_acquire(gm_server *s)
{
    pthread_mutex_lock(&s->checker_lock);
    gm_checker *c = s->checker;
    if (c)
        gm_checker_ref(c);
    pthread_mutex_unlock(&s->checker_lock);
    return c;
}
