/*
 * db_sqlite.c - the SQLite driver behind db.h.
 *
 * Connections run in WAL mode with foreign keys enforced and a busy timeout,
 * so several server threads (each with its own connection) can read while
 * one writes.  Errors from SQLite become GM_E_DB (or GM_E_CONFLICT for
 * constraint violations, GM_E_BUSY for lock time-outs) with SQLite's text.
 *
 * Each connection keeps a cache of prepared statements keyed by SQL text
 * (stmt_cache.c): a statement is prepared once with
 * SQLITE_PREPARE_PERSISTENT and then only reset and re-bound.  SQLite
 * re-prepares a cached statement by itself when another connection changed
 * the schema (schema cookie), so the cache never runs stale SQL.
 *
 * WAL checkpoints of a server (db_upkeep_start) run on a thread of their
 * own: the connections opened afterwards tell it when the WAL has grown past
 * SQLite's usual threshold instead of copying pages back and syncing in the
 * request whose commit crossed it.  Those checkpoints are PASSIVE (they
 * never hold anyone up), which alone lets the WAL grow without bound while
 * writes keep coming (a WAL starts over only after a checkpoint that caught
 * up with every commit; bench/api saw 200-350 MB after 16 s of writes, with
 * SQLite's own autocheckpoint too).  So past WAL_LIMIT_PAGES the thread runs
 * a RESTART checkpoint, which holds new writers back (they wait in their
 * busy handler) until it has caught up, and the next commit starts the WAL
 * over; and a commit past the limit waits for that checkpoint before its
 * request goes on (back-pressure: the checkpoint needs a moment without
 * writers, which busy writers would otherwise never leave it).  Durability is the same either way: a commit is in the WAL when
 * COMMIT returns, whoever checkpoints it later.
 *
 * Writers of one process take turns on a mutex (writer_turn) before BEGIN
 * IMMEDIATE and until COMMIT or ROLLBACK.  SQLite's busy handler polls: a
 * writer that finds the lock taken sleeps 1, 2, 5, 10 ... 100 ms and
 * retries, so under steady writes the lock stood free while the waiting
 * threads slept (bench/api: p99 of a write 0.2-0.8 s, most threads asleep).
 * A thread blocked on the mutex is woken the moment the previous writer is
 * done.  Other processes (the CLI) still meet the busy handler, as before;
 * nothing about what a transaction sees or keeps changes.
 *
 * A server (db_upkeep_start) also keeps one shared writing connection: the
 * holder of the writer turn runs its write transaction on it (db->use
 * points there from the turn's start to its end), so its page cache is
 * current from one write to the next, where each thread's own connection
 * had to read the pages again after every other thread's commit (WAL's
 * rule; bench/api: pread was 8 % of a write).  Reads outside a write
 * transaction stay on the thread's own connection; a statement runs to
 * its end on the connection it began on (db_stmt.via).  BEGIN IMMEDIATE,
 * COMMIT, the audit row in the same transaction and durability are the
 * same on either connection.
 */
#include "store/db.h"
#include "store/stmt_cache.h"

#include <errno.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define BUSY_TIMEOUT_MS 10000
#define STMT_CACHE_SIZE 128
#define WAL_CHECKPOINT_PAGES 1000   /* SQLite's own autocheckpoint threshold */
#define WAL_LIMIT_PAGES 2000        /* past it writers wait for a checkpoint */
#define UPKEEP_WAIT_MS 1000         /* how long that checkpoint waits for the lock */

/* One SQLite connection with its statement cache. */
typedef struct db_link {
    sqlite3 *conn;
    stmt_cache *cache;
    unsigned long long serial;   /* this connection among all opened by the process */
} db_link;

struct db {
    db_link own;
    db_link *use;          /* own, or the shared writer's during a write transaction */
    int writer_turn;       /* holds this process's writer turn (write transaction) */
    unsigned long long database; /* its file among those the process opened */
};

struct db_stmt {
    sqlite3_stmt *st;
    db_link *via;          /* the connection it runs on */
    gm_err *err;
    int slot;              /* cache slot it was lent from, or <0: private */
};

static int fail_sqlite(sqlite3 *conn, gm_err *err, int rc, const char *what)
{
    int code = GM_E_DB;
    if (rc == SQLITE_CONSTRAINT || (rc & 0xff) == SQLITE_CONSTRAINT)
        code = GM_E_CONFLICT;
    else if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        code = GM_E_BUSY;
    return gm_fail(err, code, NULL, "数据库错误(%s):%s", what,
                   conn ? sqlite3_errmsg(conn) : sqlite3_errstr(rc));
}

static void finalize_handle(void *st) { sqlite3_finalize(st); }

/* The writer turn: one write transaction of this process at a time (see
 * the top).  A thread that already holds it through another connection
 * does not wait for itself: that connection meets SQLite's busy handler,
 * as it did before the turn existed. */
static pthread_mutex_t writer_turn = PTHREAD_MUTEX_INITIALIZER;
static _Thread_local int writer_turn_held;
/* The server's one writing connection (db_upkeep_start), used by whoever
 * holds the writer turn; guarded by writer_turn. */
static db *shared_writer;

/* Resets the statements a caller left running on conn (their snapshot
 * would go stale, or hold a transaction open). */
static void reset_running(sqlite3 *conn)
{
    for (sqlite3_stmt *st = sqlite3_next_stmt(conn, NULL); st; st = sqlite3_next_stmt(conn, st))
        if (sqlite3_stmt_busy(st)) {
            fprintf(stderr, "govmedia: statement left open, reset: %s\n", sqlite3_sql(st));
            sqlite3_reset(st);
        }
}

static int take_writer_turn(db *d, gm_err *err)
{
    if (writer_turn_held)
        return GM_OK;
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += BUSY_TIMEOUT_MS / 1000;
    if (pthread_mutex_timedlock(&writer_turn, &until) != 0)
        return gm_fail(err, GM_E_BUSY, NULL, "数据库错误(BEGIN):等待写入超时");
    d->writer_turn = writer_turn_held = 1;
    if (shared_writer && shared_writer != d && shared_writer->database == d->database)
        d->use = &shared_writer->own;   /* its page cache is current: nobody else wrote */
    return GM_OK;
}

static void end_writer_turn(db *d)
{
    if (!d->writer_turn)
        return;
    if (d->use != &d->own) {   /* the shared writer goes back idle */
        if (!sqlite3_get_autocommit(d->use->conn)) {
            reset_running(d->use->conn);
            sqlite3_exec(d->use->conn, "ROLLBACK", NULL, NULL, NULL);
        }
        d->use = &d->own;
    }
    d->writer_turn = writer_turn_held = 0;
    pthread_mutex_unlock(&writer_turn);
}

/* The checkpointer of one database path (one server per process).  Each
 * commit that wants a checkpoint takes a ticket (asked); a checkpoint
 * serves every ticket taken before it started. */
static struct {
    pthread_mutex_t lock;
    pthread_cond_t wake, done;
    pthread_t thread;
    db *conn;           /* the checkpointer's own connection */
    char *path;         /* set while it runs */
    long asked, served;
    int pages;          /* largest WAL size among the unserved tickets */
    int stop;
} upkeep = {.lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER,
            .done = PTHREAD_COND_INITIALIZER};

/* A commit past the limit waits (a bounded time) for the checkpoint: the
 * back-pressure that lets a RESTART checkpoint find a moment without writers. */
static void wait_served(long ticket)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += UPKEEP_WAIT_MS * 2 / 1000;
    while (upkeep.served < ticket && !upkeep.stop)
        if (pthread_cond_timedwait(&upkeep.done, &upkeep.lock, &until) != 0)
            break;
}

/* Called by SQLite after each commit (its locks released) with the WAL's
 * size in pages. */
static int wal_committed(void *unused, sqlite3 *conn, const char *schema, int pages)
{
    (void)unused;
    if (pages < WAL_CHECKPOINT_PAGES)
        return SQLITE_OK;
    pthread_mutex_lock(&upkeep.lock);
    int running = upkeep.path && !upkeep.stop;
    if (running) {
        long ticket = ++upkeep.asked;
        upkeep.pages = pages > upkeep.pages ? pages : upkeep.pages;
        pthread_cond_signal(&upkeep.wake);
        if (pages >= WAL_LIMIT_PAGES)
            wait_served(ticket);
    }
    pthread_mutex_unlock(&upkeep.lock);
    if (!running)   /* no checkpointer (any more): do it here, as SQLite would */
        sqlite3_wal_checkpoint_v2(conn, schema, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    return SQLITE_OK;
}

/* Connections to the checkpointer's database hand their checkpoints over. */
static void join_upkeep(db *d, const char *path)
{
    pthread_mutex_lock(&upkeep.lock);
    if (upkeep.path && !upkeep.stop && strcmp(upkeep.path, path) == 0)
        sqlite3_wal_hook(d->use->conn, wal_committed, NULL);   /* replaces the autocheckpoint */
    pthread_mutex_unlock(&upkeep.lock);
}

/* The number of a database file within the process (db_stamp.database):
 * file names as SQLite resolved them, in the order first opened. */
#define KNOWN_FILES 64
static pthread_mutex_t files_lock = PTHREAD_MUTEX_INITIALIZER;
static char *known_files[KNOWN_FILES];

static unsigned long long file_number(sqlite3 *conn, unsigned long long serial)
{
    const char *name = sqlite3_db_filename(conn, "main");
    unsigned long long n = 0;
    pthread_mutex_lock(&files_lock);
    for (size_t i = 0; name && *name && !n && i < KNOWN_FILES; i++) {
        if (!known_files[i])
            known_files[i] = strdup(name);
        if (known_files[i] && strcmp(known_files[i], name) == 0)
            n = i + 1;
    }
    pthread_mutex_unlock(&files_lock);
    /* Unnamed (in memory) or past the table: a number of its own, never reused. */
    return n ? n : (1ULL << 63) | serial;
}

/* Process-wide SQLite settings, before the library's first use.  Memory
 * statistics off: with them every sqlite3_malloc/free of every connection
 * takes one global mutex (the pool threads queued on it, bench/api), and
 * nothing here reads them. */
static void configure_library(void) { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

int db_open(db **out, const char *path, gm_err *err)
{
    static pthread_once_t configured = PTHREAD_ONCE_INIT;
    pthread_once(&configured, configure_library);
    static _Atomic unsigned long long opened;
    *out = NULL;   /* callers close *out on failure: never leave it unset */
    db *d = calloc(1, sizeof *d);
    if (d)
        d->use = &d->own;
    if (!d || !(d->use->cache = stmt_cache_new(STMT_CACHE_SIZE, finalize_handle))) {
        free(d);
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    }
    d->use->serial = ++opened;
    /* NOMUTEX: a connection is used by one thread at a time (db.h). */
    int rc = sqlite3_open_v2(path, &d->use->conn,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        gm_fail(err, GM_E_IO, "db", "无法打开数据库 %s:%s", path,
                d->use->conn ? sqlite3_errmsg(d->use->conn) : sqlite3_errstr(rc));
        db_close(d);
        return GM_E_IO;
    }
    sqlite3_busy_timeout(d->use->conn, BUSY_TIMEOUT_MS);
    d->database = file_number(d->use->conn, d->use->serial);
    /* synchronous=NORMAL in WAL: a commit is in the OS once COMMIT returns
     * (survives kill -9 of the process); see docs/OPERATIONS.md for power loss. */
    rc = db_exec_script(d, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; "
                           "PRAGMA synchronous=NORMAL;", err);
    if (rc && (sqlite3_errcode(d->use->conn) == SQLITE_NOTADB ||
               sqlite3_errcode(d->use->conn) == SQLITE_CORRUPT))
        rc = gm_fail(err, GM_E_IO, "db", "文件 %s 不是 govmedia 数据库(或已损坏)", path);
    if (rc) {
        db_close(d);
        return rc;
    }
    join_upkeep(d, path);
    *out = d;
    return GM_OK;
}

static void *upkeep_main(void *unused)
{
    (void)unused;
    pthread_mutex_lock(&upkeep.lock);
    while (!upkeep.stop) {
        if (upkeep.served == upkeep.asked) {
            pthread_cond_wait(&upkeep.wake, &upkeep.lock);
            continue;
        }
        long serving = upkeep.asked;
        int mode = upkeep.pages >= WAL_LIMIT_PAGES ? SQLITE_CHECKPOINT_RESTART
                                                   : SQLITE_CHECKPOINT_PASSIVE;
        upkeep.pages = 0;
        pthread_mutex_unlock(&upkeep.lock);
        sqlite3_wal_checkpoint_v2(upkeep.conn->own.conn, NULL, mode, NULL, NULL);
        pthread_mutex_lock(&upkeep.lock);
        upkeep.served = serving;
        pthread_cond_broadcast(&upkeep.done);
    }
    pthread_mutex_unlock(&upkeep.lock);
    return NULL;
}

/* The shared writer, opened after the checkpointer (so that it hands its
 * checkpoints over too).  Without it (it could not be opened) each
 * connection writes on its own, as before. */
static void open_shared_writer(const char *path)
{
    db *w;
    gm_err ignored;
    if (db_open(&w, path, &ignored) != GM_OK)
        return;
    pthread_mutex_lock(&writer_turn);
    shared_writer = w;
    pthread_mutex_unlock(&writer_turn);
}

int db_upkeep_start(const char *path, gm_err *err)
{
    if (upkeep.path)
        return GM_OK;   /* one per process: a second server keeps SQLite's own */
    db *d;
    int rc = db_open(&d, path, err);
    if (rc)
        return rc;
    /* A RESTART checkpoint waits at most this long for the write lock and
     * for readers still on old WAL frames; the next commit tries again. */
    sqlite3_busy_timeout(d->use->conn, UPKEEP_WAIT_MS);
    char *copy = strdup(path);
    upkeep.conn = d;
    upkeep.asked = upkeep.served = 0;
    upkeep.pages = upkeep.stop = 0;
    if (!copy || pthread_create(&upkeep.thread, NULL, upkeep_main, NULL) != 0) {
        free(copy);
        db_close(d);
        upkeep.conn = NULL;
        return gm_fail(err, GM_E_NOMEM, NULL, "无法启动数据库维护线程");
    }
    pthread_mutex_lock(&upkeep.lock);
    upkeep.path = copy;
    pthread_mutex_unlock(&upkeep.lock);
    open_shared_writer(path);
    return GM_OK;
}

void db_upkeep_stop(void)
{
    if (!upkeep.path)
        return;
    pthread_mutex_lock(&writer_turn);
    db *w = shared_writer;
    shared_writer = NULL;
    pthread_mutex_unlock(&writer_turn);
    db_close(w);
    pthread_mutex_lock(&upkeep.lock);
    upkeep.stop = 1;
    pthread_cond_signal(&upkeep.wake);
    pthread_cond_broadcast(&upkeep.done);
    pthread_mutex_unlock(&upkeep.lock);
    pthread_join(upkeep.thread, NULL);
    db_close(upkeep.conn);
    pthread_mutex_lock(&upkeep.lock);
    free(upkeep.path);
    upkeep.path = NULL;
    upkeep.conn = NULL;
    pthread_mutex_unlock(&upkeep.lock);
}

void db_close(db *d)
{
    if (!d)
        return;
    end_writer_turn(d);   /* back to its own connection */
    stmt_cache_free(d->own.cache);   /* finalizes the cached statements first */
    sqlite3_close_v2(d->own.conn);
    free(d);
}

int db_exec_script(db *d, const char *sql, gm_err *err)
{
    char *msg = NULL;
    int rc = sqlite3_exec(d->use->conn, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) {
        gm_fail(err, (rc & 0xff) == SQLITE_BUSY ? GM_E_BUSY : GM_E_DB, NULL, "数据库错误:%s",
                msg ? msg : sqlite3_errstr(rc));
        sqlite3_free(msg);
        return err ? err->code : GM_E_DB;
    }
    return GM_OK;
}

int db_begin(db *d, gm_err *err)
{
    int in_transaction = !sqlite3_get_autocommit(d->use->conn);
    int rc = in_transaction ? GM_OK : take_writer_turn(d, err);
    if (!rc)
        rc = db_exec(d, err, "BEGIN IMMEDIATE", "");
    if (rc && !in_transaction)
        end_writer_turn(d);
    return rc;
}

int db_begin_read(db *d, gm_err *err) { return db_exec(d, err, "BEGIN DEFERRED", ""); }
int db_in_transaction(db *d) { return !sqlite3_get_autocommit(d->use->conn); }
int db_in_write_transaction(db *d) { return sqlite3_txn_state(d->use->conn, "main") == SQLITE_TXN_WRITE; }

int db_commit(db *d, gm_err *err)
{
    int rc = db_exec(d, err, "COMMIT", "");
    if (sqlite3_get_autocommit(d->use->conn))
        end_writer_turn(d);
    return rc;
}

void db_rollback(db *d)
{
    if (!sqlite3_get_autocommit(d->use->conn))
        sqlite3_exec(d->use->conn, "ROLLBACK", NULL, NULL, NULL);
    end_writer_turn(d);
}

int db_end(db *d, int rc, gm_err *err)
{
    if (rc == GM_OK)
        rc = db_commit(d, err);
    if (rc != GM_OK)
        db_rollback(d);
    return rc;
}

void db_release(db *d)
{
    if (!d)
        return;
    /* A db_query without its db_done: its read snapshot would go stale. */
    reset_running(d->use->conn);
    db_rollback(d);   /* a write transaction left open, on whichever connection */
    reset_running(d->own.conn);
    db_rollback(d);   /* a read transaction left open */
}

static int bind_params(db *d, sqlite3_stmt *st, const char *fmt, va_list ap, gm_err *err)
{
    int idx = 1;
    for (const char *f = fmt ? fmt : ""; *f; f++, idx++) {
        int rc;
        if (*f == 'i') {
            rc = sqlite3_bind_int64(st, idx, va_arg(ap, long long));
        } else if (*f == 'n') {
            long long v = va_arg(ap, long long);
            rc = v ? sqlite3_bind_int64(st, idx, v) : sqlite3_bind_null(st, idx);
        } else if (*f == 't') {
            const char *s = va_arg(ap, const char *);
            rc = s ? sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, idx);
        } else if (*f == 'b') {
            const void *p = va_arg(ap, const void *);
            size_t n = va_arg(ap, size_t);
            rc = sqlite3_bind_blob64(st, idx, p, n, SQLITE_TRANSIENT);
        } else if (*f == 'z') {
            rc = sqlite3_bind_zeroblob64(st, idx, (sqlite3_uint64)va_arg(ap, long long));
        } else {
            return gm_fail(err, GM_E_INTERNAL, NULL, "未知的参数格式 '%c'", *f);
        }
        if (rc != SQLITE_OK)
            return fail_sqlite(d->use->conn, err, rc, "bind");
    }
    return GM_OK;
}

/* Hands the statement back: reset into the cache, or finalized if private. */
static void stmt_release(db_link *via, sqlite3_stmt *st, int slot)
{
    if (!st)
        return;
    if (slot < 0) {
        sqlite3_finalize(st);
        return;
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    stmt_cache_give_back(via->cache, slot);
}

/* The cached statement for sql, prepared on first use. */
static int stmt_acquire(db *d, const char *sql, sqlite3_stmt **out, int *slot, gm_err *err)
{
    void *h;
    *slot = stmt_cache_take(d->use->cache, sql, &h);
    if (*slot >= 0) {
        *out = h;
        return GM_OK;
    }
    int busy = *slot == STMT_CACHE_BUSY;
    int rc = sqlite3_prepare_v3(d->use->conn, sql, -1, busy ? 0 : SQLITE_PREPARE_PERSISTENT, out, NULL);
    if (rc != SQLITE_OK)
        return fail_sqlite(d->use->conn, err, rc, "prepare");
    *slot = busy ? STMT_CACHE_BUSY : stmt_cache_put(d->use->cache, sql, *out);
    return GM_OK;
}

static int prepare_bound(db *d, db_stmt *q, gm_err *err, const char *sql, const char *fmt,
                         va_list ap)
{
    q->via = d->use;
    q->err = err;
    int rc = stmt_acquire(d, sql, &q->st, &q->slot, err);
    if (rc)
        return rc;
    rc = bind_params(d, q->st, fmt, ap, err);
    if (rc) {
        stmt_release(q->via, q->st, q->slot);
        q->st = NULL;
    }
    return rc;
}

int db_exec(db *d, gm_err *err, const char *sql, const char *fmt, ...)
{
    db_stmt q;
    va_list ap;
    va_start(ap, fmt);
    int rc = prepare_bound(d, &q, err, sql, fmt, ap);
    va_end(ap);
    if (rc)
        return rc;
    int s = sqlite3_step(q.st);
    while (s == SQLITE_ROW)
        s = sqlite3_step(q.st);
    rc = s == SQLITE_DONE ? GM_OK : fail_sqlite(d->use->conn, err, s, "step");
    stmt_release(q.via, q.st, q.slot);
    return rc;
}

int db_query(db *d, db_stmt **out, gm_err *err, const char *sql, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = db_vquery(d, out, err, sql, fmt, ap);
    va_end(ap);
    return rc;
}

int db_vquery(db *d, db_stmt **out, gm_err *err, const char *sql, const char *fmt, va_list ap)
{
    db_stmt *q = calloc(1, sizeof *q);
    if (!q)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    int rc = prepare_bound(d, q, err, sql, fmt, ap);
    if (rc) {
        free(q);
        return rc;
    }
    *out = q;
    return GM_OK;
}

int db_next(db_stmt *q)
{
    int s = sqlite3_step(q->st);
    if (s == SQLITE_ROW)
        return 1;
    if (s == SQLITE_DONE)
        return 0;
    return fail_sqlite(q->via->conn, q->err, s, "step");
}

long long db_int(db_stmt *q, int col) { return sqlite3_column_int64(q->st, col); }

const char *db_text(db_stmt *q, int col)
{
    const unsigned char *t = sqlite3_column_text(q->st, col);
    return t ? (const char *)t : "";
}

const char *db_text_len(db_stmt *q, int col, size_t *len)
{
    const char *t = db_text(q, col);   /* text first: then the byte count is the text's */
    *len = (size_t)sqlite3_column_bytes(q->st, col);
    return t;
}

const void *db_blob(db_stmt *q, int col, size_t *len)
{
    const void *b = sqlite3_column_blob(q->st, col);   /* blob first, then its byte count */
    *len = b ? (size_t)sqlite3_column_bytes(q->st, col) : 0;
    return b;
}

int db_is_null(db_stmt *q, int col) { return sqlite3_column_type(q->st, col) == SQLITE_NULL; }

#define BLOB_PIECE (1024 * 1024)

static int blob_open(db *d, const char *table, const char *column, long long id, int writing,
                     sqlite3_blob **out, gm_err *err)
{
    int rc = sqlite3_blob_open(d->use->conn, "main", table, column, id, writing, out);
    return rc == SQLITE_OK ? GM_OK : fail_sqlite(d->use->conn, err, rc, "blob_open");
}

int db_blob_from_fd(db *d, const char *table, const char *column, long long id, int fd,
                    unsigned long long len, gm_err *err)
{
    sqlite3_blob *b;
    int rc = blob_open(d, table, column, id, 1, &b, err);
    if (rc)
        return rc;
    char *piece = malloc(BLOB_PIECE);
    if (!piece)
        rc = gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    if (!rc && (unsigned long long)sqlite3_blob_bytes(b) != len)
        rc = gm_fail(err, GM_E_INTERNAL, column, "预留空间与文件大小不符");
    for (unsigned long long at = 0; !rc && at < len;) {
        size_t want = len - at < BLOB_PIECE ? (size_t)(len - at) : BLOB_PIECE;
        ssize_t got = read(fd, piece, want);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            rc = gm_fail(err, GM_E_IO, column, "读取上传的临时文件失败");
            break;
        }
        int s = sqlite3_blob_write(b, piece, (int)got, (int)at);
        if (s != SQLITE_OK)
            rc = fail_sqlite(d->use->conn, err, s, "blob_write");
        at += (unsigned long long)got;
    }
    free(piece);
    sqlite3_blob_close(b);
    return rc;
}

int db_blob_to_fd(db *d, const char *table, const char *column, long long id, int fd,
                  unsigned long long *len, gm_err *err)
{
    sqlite3_blob *b;
    int rc = blob_open(d, table, column, id, 0, &b, err);
    if (rc)
        return rc;
    char *piece = malloc(BLOB_PIECE);
    unsigned long long total = (unsigned long long)sqlite3_blob_bytes(b);
    if (!piece)
        rc = gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    for (unsigned long long at = 0; !rc && at < total;) {
        int want = total - at < BLOB_PIECE ? (int)(total - at) : BLOB_PIECE;
        int s = sqlite3_blob_read(b, piece, want, (int)at);
        if (s != SQLITE_OK) {
            rc = fail_sqlite(d->use->conn, err, s, "blob_read");
            break;
        }
        for (int off = 0; !rc && off < want;) {
            ssize_t w = write(fd, piece + off, (size_t)(want - off));
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0)
                rc = gm_fail(err, GM_E_IO, column, "写入临时文件失败");
            else
                off += (int)w;
        }
        at += (unsigned long long)want;
    }
    free(piece);
    sqlite3_blob_close(b);
    if (!rc)
        *len = total;
    return rc;
}

void db_done(db_stmt *q)
{
    if (!q)
        return;
    stmt_release(q->via, q->st, q->slot);
    free(q);
}

int db_query_int(db *d, long long *out, gm_err *err, const char *sql, const char *fmt, ...)
{
    db_stmt q;
    va_list ap;
    va_start(ap, fmt);
    int rc = prepare_bound(d, &q, err, sql, fmt, ap);
    va_end(ap);
    if (rc)
        return rc;
    int s = sqlite3_step(q.st);
    if (s == SQLITE_ROW) {
        *out = sqlite3_column_int64(q.st, 0);
        rc = GM_OK;
    } else if (s == SQLITE_DONE) {
        rc = gm_fail(err, GM_E_NOTFOUND, NULL, "记录不存在");
    } else {
        rc = fail_sqlite(d->use->conn, err, s, "step");
    }
    stmt_release(q.via, q.st, q.slot);
    return rc;
}

/* SQLite keeps a "data version" per connection (SQLITE_FCNTL_DATA_VERSION):
 * it moves on with every commit of this connection, and with every commit
 * of any other connection or process that this connection has noticed.  A
 * connection notices when it starts a read transaction (it compares the
 * WAL index header), so outside a begun snapshot the stamp first steps
 * PRAGMA data_version, which starts one; inside one (a statement already
 * read in it) the version is that snapshot's.  The connection's
 * serial tells connections apart (their versions count separately). */
int db_stamp_take(db *d, db_stamp *out, gm_err *err)
{
    /* Inside a snapshot already begun, its version is the one to take:
     * no statement needed. */
    if (sqlite3_txn_state(d->use->conn, "main") == SQLITE_TXN_NONE) {
        db_stmt *q;
        int rc = db_query(d, &q, err, "PRAGMA data_version", "");
        if (rc)
            return rc;
        rc = db_next(q);
        db_done(q);
        if (rc < 0)
            return rc;
    }
    unsigned int version = 0;
    if (sqlite3_file_control(d->use->conn, "main", SQLITE_FCNTL_DATA_VERSION, &version) != SQLITE_OK)
        return fail_sqlite(d->use->conn, err, SQLITE_ERROR, "data_version");
    out->connection = d->use->serial;
    out->version = version;
    out->database = d->database;
    return GM_OK;
}

int db_changes(db *d) { return sqlite3_changes(d->use->conn); }

int db_backup(db *d, const char *out_path, gm_err *err)
{
    sqlite3 *dst;
    int rc = sqlite3_open(out_path, &dst);
    if (rc != SQLITE_OK) {
        gm_fail(err, GM_E_IO, "out", "无法创建备份文件 %s:%s", out_path, sqlite3_errmsg(dst));
        sqlite3_close(dst);
        return GM_E_IO;
    }
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", d->use->conn, "main");
    if (!b) {
        gm_fail(err, GM_E_DB, "out", "备份失败:%s", sqlite3_errmsg(dst));
        sqlite3_close(dst);
        return GM_E_DB;
    }
    do {
        rc = sqlite3_backup_step(b, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    int final = rc == SQLITE_DONE ? GM_OK
                                  : gm_fail(err, GM_E_DB, "out", "备份失败:%s", sqlite3_errstr(rc));
    sqlite3_close(dst);
    return final;
}
