/*
 * stmt_cache.h - a connection's prepared statements, kept by SQL text.
 *
 * Driver-neutral: a handle is whatever the driver prepares (an
 * sqlite3_stmt, a PostgreSQL statement name); the cache only finds it again
 * by its SQL text and frees it through the driver's callback when it is
 * evicted or the cache is freed.  A handle is lent to one user at a time:
 * a query that needs the same SQL while it is lent (a nested loop over the
 * same statement) gets STMT_CACHE_BUSY and prepares a private copy.
 * Bounded: when every slot is full the least recently used idle handle is
 * freed, so SQL built at run time cannot grow memory without limit.
 * Not thread-safe; one cache belongs to one connection, used by one thread.
 */
#ifndef GM_STMT_CACHE_H
#define GM_STMT_CACHE_H

#include <stddef.h>

#define STMT_CACHE_ABSENT (-1)
#define STMT_CACHE_BUSY (-2)

typedef struct stmt_cache stmt_cache;
typedef void (*stmt_free_fn)(void *handle);

stmt_cache *stmt_cache_new(size_t capacity, stmt_free_fn free_handle);
void stmt_cache_free(stmt_cache *c);

/* Lends the idle handle cached for sql: returns its slot (>= 0) and sets
 * *handle, or STMT_CACHE_ABSENT / STMT_CACHE_BUSY. */
int stmt_cache_take(stmt_cache *c, const char *sql, void **handle);
/* Caches a freshly prepared handle for sql, already lent to the caller;
 * returns its slot, or STMT_CACHE_ABSENT if every slot is lent (the caller
 * then keeps and frees the handle itself). */
int stmt_cache_put(stmt_cache *c, const char *sql, void *handle);
/* Returns a lent handle (reset by the driver) to the cache. */
void stmt_cache_give_back(stmt_cache *c, int slot);
/* Number of handles held (for tests). */
size_t stmt_cache_count(const stmt_cache *c);

#endif
