/*
 * stmt_cache.c - a bounded cache of prepared statements (see stmt_cache.h).
 *
 * A flat array searched by a 64-bit hash of the SQL text, then strcmp: a few
 * hundred distinct statements at most, so a linear scan of hashes costs far
 * less than the parse it saves.
 */
#include "store/stmt_cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct slot {
    uint64_t hash;
    char *sql;             /* NULL: empty slot */
    void *handle;
    int lent;
    unsigned long long last_used;
} slot;

struct stmt_cache {
    slot *slots;
    size_t cap;
    stmt_free_fn free_handle;
    unsigned long long clock;
};

static uint64_t sql_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;   /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

stmt_cache *stmt_cache_new(size_t capacity, stmt_free_fn free_handle)
{
    stmt_cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->slots = calloc(capacity, sizeof *c->slots);
    if (!c->slots) {
        free(c);
        return NULL;
    }
    c->cap = capacity;
    c->free_handle = free_handle;
    return c;
}

static void clear_slot(stmt_cache *c, slot *s)
{
    c->free_handle(s->handle);
    free(s->sql);
    memset(s, 0, sizeof *s);
}

void stmt_cache_free(stmt_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->cap; i++)
        if (c->slots[i].sql)
            clear_slot(c, &c->slots[i]);
    free(c->slots);
    free(c);
}

int stmt_cache_take(stmt_cache *c, const char *sql, void **handle)
{
    uint64_t h = sql_hash(sql);
    for (size_t i = 0; i < c->cap; i++) {
        slot *s = &c->slots[i];
        if (!s->sql || s->hash != h || strcmp(s->sql, sql) != 0)
            continue;
        if (s->lent)
            return STMT_CACHE_BUSY;
        s->lent = 1;
        s->last_used = ++c->clock;
        *handle = s->handle;
        return (int)i;
    }
    return STMT_CACHE_ABSENT;
}

/* An empty slot, else the least recently used idle one (emptied). */
static slot *free_slot(stmt_cache *c)
{
    slot *victim = NULL;
    for (size_t i = 0; i < c->cap; i++) {
        slot *s = &c->slots[i];
        if (!s->sql)
            return s;
        if (!s->lent && (!victim || s->last_used < victim->last_used))
            victim = s;
    }
    if (victim)
        clear_slot(c, victim);
    return victim;
}

int stmt_cache_put(stmt_cache *c, const char *sql, void *handle)
{
    slot *s = free_slot(c);
    char *copy = s ? strdup(sql) : NULL;
    if (!copy)
        return STMT_CACHE_ABSENT;
    *s = (slot){.hash = sql_hash(sql), .sql = copy, .handle = handle, .lent = 1,
                .last_used = ++c->clock};
    return (int)(s - c->slots);
}

void stmt_cache_give_back(stmt_cache *c, int i)
{
    if (i >= 0 && (size_t)i < c->cap)
        c->slots[i].lent = 0;
}

size_t stmt_cache_count(const stmt_cache *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->cap; i++)
        n += c->slots[i].sql != NULL;
    return n;
}
