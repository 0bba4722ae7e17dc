/*
 * db_thread.c - one kept connection per thread and database path (db.h).
 *
 * Driver-neutral: it only calls db_open/db_close, so a PostgreSQL driver
 * gets per-thread connections with their statement caches for free.  The
 * connections of a thread hang off a pthread key whose destructor closes
 * them when the thread exits (libmicrohttpd's pool threads at server stop,
 * a background job thread when it returns).  A thread that never asks holds
 * nothing; the CLI's single thread keeps using db_open/db_close.
 */
#include "store/db.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PATHS 4

typedef struct kept {
    char *path;
    db *d;
} kept;

typedef struct thread_conns {
    kept k[MAX_PATHS];
} thread_conns;

static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void close_all(void *p)
{
    thread_conns *t = p;
    for (int i = 0; i < MAX_PATHS; i++) {
        db_close(t->k[i].d);
        free(t->k[i].path);
    }
    free(t);
}

static void make_key(void) { pthread_key_create(&key, close_all); }

static thread_conns *mine(int create)
{
    pthread_once(&key_once, make_key);
    thread_conns *t = pthread_getspecific(key);
    if (!t && create && (t = calloc(1, sizeof *t)) && pthread_setspecific(key, t) != 0) {
        free(t);
        t = NULL;
    }
    return t;
}

static kept *find(thread_conns *t, const char *path)
{
    for (int i = 0; i < MAX_PATHS; i++)
        if (t->k[i].path && strcmp(t->k[i].path, path) == 0)
            return &t->k[i];
    return NULL;
}

static kept *empty_slot(thread_conns *t)
{
    for (int i = 0; i < MAX_PATHS; i++)
        if (!t->k[i].path)
            return &t->k[i];
    return NULL;
}

int db_thread_get(db **out, const char *path, int *fresh, gm_err *err)
{
    thread_conns *t = mine(1);
    if (!t)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    kept *k = find(t, path);
    *fresh = 0;
    if (k) {
        *out = k->d;
        return GM_OK;
    }
    k = empty_slot(t);
    if (!k)
        return gm_fail(err, GM_E_INTERNAL, NULL, "同一线程打开的数据库过多");
    char *copy = strdup(path);
    if (!copy)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    int rc = db_open(&k->d, path, err);
    if (rc) {
        free(copy);
        k->d = NULL;
        return rc;
    }
    k->path = copy;
    *out = k->d;
    *fresh = 1;
    return GM_OK;
}

void db_thread_drop(const char *path)
{
    thread_conns *t = mine(0);
    kept *k = t ? find(t, path) : NULL;
    if (!k)
        return;
    db_close(k->d);
    free(k->path);
    k->d = NULL;
    k->path = NULL;
}
