/*
 * db.h - the one door to the database.
 *
 * Everything in store/ talks SQL through this small driver interface, never
 * to sqlite3_* directly, so that a PostgreSQL driver (db_pg.c) can be added
 * without touching core/, http/ or the store modules.  SQL uses `?`
 * placeholders; the PostgreSQL driver will rewrite them to $1, $2, ...
 *
 * Parameters are bound from a format string, one char per parameter:
 *   'i' long long      't' const char * (NULL binds SQL NULL)
 *   'n' long long id, where 0 binds SQL NULL (optional foreign keys)
 *   'b' const void *, size_t (blob)
 *   'z' long long: a blob of that many zero bytes, room that
 *       db_blob_from_fd() then fills in pieces (a file too big for memory)
 * Invariant: one connection is used by one thread at a time.
 *
 * Statements are prepared once per connection and kept (by SQL text) for
 * the connection's life, so store modules simply pass their SQL on every
 * call.  Long-lived threads (server workers, background jobs) take their
 * connection from db_thread_get() instead of opening one per unit of work.
 */
#ifndef GM_DB_H
#define GM_DB_H

#include <stdarg.h>
#include "util/gm_error.h"

typedef struct db db;
typedef struct db_stmt db_stmt;

/* Opens (creating if needed) the database at path with WAL, foreign keys
 * and a busy timeout. */
int db_open(db **out, const char *path, gm_err *err);
void db_close(db *d);

/* The calling thread's own connection to path: opened on first use, kept
 * with its statement cache until the thread exits (then closed).  *fresh
 * is set to 1 when it was just opened (the caller may check the schema
 * version once), else 0.  Never db_close() it; call db_release() after each
 * unit of work. */
int db_thread_get(db **out, const char *path, int *fresh, gm_err *err);
/* Drops the calling thread's connection to path (e.g. after a failure). */
void db_thread_drop(const char *path);
/* Ends a unit of work on a kept connection: resets statements a caller
 * forgot to db_done() (they would pin an old snapshot) and rolls back a
 * transaction left open. */
void db_release(db *d);

/* Background upkeep of the database at path for a long-running server (the
 * SQLite driver: WAL checkpoints on a thread of their own, for connections
 * opened after the start, and one shared connection on which every write
 * transaction of the process runs, its cache kept warm).  One per process;
 * stop it after the threads using the database are done. */
int db_upkeep_start(const char *path, gm_err *err);
void db_upkeep_stop(void);

/* Writes: BEGIN IMMEDIATE takes the write lock up front, so two writers
 * never deadlock upgrading a read lock. */
int db_begin(db *d, gm_err *err);
/* Reads: one snapshot for several queries (a list and its rows, a session
 * and its user's grants), consistent and cheaper than a transaction per
 * statement.  End it with db_end(); never write inside it. */
int db_begin_read(db *d, gm_err *err);
int db_commit(db *d, gm_err *err);
void db_rollback(db *d);
/* 1 while a transaction (db_begin or db_begin_read) is open on d. */
int db_in_transaction(db *d);
/* 1 while a write transaction (db_begin) is open on d: what it reads may
 * include its own changes, which a rollback takes back. */
int db_in_write_transaction(db *d);
/* Ends a transaction: commits when rc is 0, rolls back otherwise; returns
 * rc (or the commit's failure).  Pattern:
 *   int rc = db_begin(d, err); if (!rc) rc = do_things(...); return db_end(d, rc, err); */
int db_end(db *d, int rc, gm_err *err);

/* Runs a statement that returns no rows. */
int db_exec(db *d, gm_err *err, const char *sql, const char *fmt, ...);
/* Runs several ;-separated statements without parameters (migrations). */
int db_exec_script(db *d, const char *sql, gm_err *err);

/* Starts a query; iterate with db_next() and release with db_done(). */
int db_query(db *d, db_stmt **out, gm_err *err, const char *sql, const char *fmt, ...);
int db_vquery(db *d, db_stmt **out, gm_err *err, const char *sql, const char *fmt, va_list ap);
/* 1: a row is ready, 0: no more rows, <0: error (filled into err given at query). */
int db_next(db_stmt *st);
long long db_int(db_stmt *st, int col);
const char *db_text(db_stmt *st, int col);   /* "" for NULL */
/* The same with its length in bytes, without counting them. */
const char *db_text_len(db_stmt *st, int col, size_t *len);
/* A blob column's bytes and their count (NULL and 0 for NULL or empty):
 * read bytes as bytes, never through db_text (PostgreSQL sends bytea as
 * text in hex). */
const void *db_blob(db_stmt *st, int col, size_t *len);
int db_is_null(db_stmt *st, int col);

/* Files too big for memory, kept in a blob column and moved in pieces.
 * table.column of the row whose integer primary key is id: the blob gets
 * the first len bytes of fd (from its current offset; inside the write
 * transaction that made the room with 'z'), or is written to fd
 * (*len = its size).  table and column are names from the code, never
 * from input. */
int db_blob_from_fd(db *d, const char *table, const char *column, long long id, int fd,
                    unsigned long long len, gm_err *err);
int db_blob_to_fd(db *d, const char *table, const char *column, long long id, int fd,
                  unsigned long long *len, gm_err *err);
void db_done(db_stmt *st);

/* Single-value query: *out = first column of first row; GM_E_NOTFOUND if no row. */
int db_query_int(db *d, long long *out, gm_err *err, const char *sql, const char *fmt, ...);

/* A stamp of the database as this connection now sees it: two stamps
 * taken on one connection are equal only if nothing was committed in
 * between, by this connection or any other (another thread, the CLI).
 * Taking one inside db_begin_read() starts that snapshot.  A memo that
 * keeps what it read with the stamp it read under is current while the
 * stamp is (store/session_memo.c).  A driver that cannot tell returns a
 * new stamp every time.  database tells database files apart within the
 * process (the same for every connection to one file, never 0), for
 * memos that compare something read from the database itself. */
typedef struct db_stamp {
    unsigned long long connection, version, database;
} db_stamp;
int db_stamp_take(db *d, db_stamp *out, gm_err *err);

/* Number of rows the last write statement changed. */
int db_changes(db *d);

/* Copies the live database to out_path with the online backup API. */
int db_backup(db *d, const char *out_path, gm_err *err);

#endif
