/*
 * server.h - the HTTP server: libmicrohttpd with a thread pool, one kept
 * database connection per pool thread, graceful shutdown.
 */
#ifndef GM_HTTP_SERVER_H
#define GM_HTTP_SERVER_H

#include <pthread.h>
#include <stdatomic.h>
#include "http/login_limit.h"
#include "util/gm_error.h"

struct MHD_Daemon;
struct gm_checker;
struct static_files;

typedef struct gm_server_config {
    const char *db_path;
    const char *listen;         /* "127.0.0.1:8080"; port 0 picks a free one */
    const char *web_dir;        /* static console files */
    const char *data_dir;       /* lexicons, calendars */
    unsigned threads;
    long session_seconds;       /* absolute session lifetime */
    int max_failed_logins;
    long lock_seconds;
    int cookie_secure;          /* add "Secure" to the session cookie (behind TLS) */
    int max_failed_logins_per_address;   /* per lock_seconds window; 0: 30 */
} gm_server_config;

typedef struct gm_server {
    gm_server_config cfg;
    struct MHD_Daemon *daemon;
    unsigned short port;
    atomic_int inflight;
    pthread_mutex_t checker_lock;
    struct gm_checker *checker;    /* current lexicon version, refcounted */
    char dummy_hash[128];          /* verified for unknown logins: equal timing */
    struct static_files *web;      /* the console, loaded from cfg.web_dir at start */
    login_limit logins;            /* per-address brake on password checks */
} gm_server;

int server_start(gm_server *s, const gm_server_config *cfg, gm_err *err);
/* Stops accepting, waits up to grace_ms for requests in flight, stops. */
void server_stop(gm_server *s, int grace_ms);

/* Loads the compliance engine data anew and swaps it in; requests in
 * flight keep the version they took. */
int server_reload_checker(gm_server *s, gm_err *err);
/* Takes a reference to the current engine (NULL if none loaded). */
struct gm_checker *server_checker_acquire(gm_server *s);

#endif
