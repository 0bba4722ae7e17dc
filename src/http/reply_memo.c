/*
 * reply_memo.c - the per-thread memo of whole replies (see reply_memo.h).
 *
 * A handful of slots per thread, searched in turn (the stamp first, which
 * rules out every slot after a commit), replaced oldest first.  A slot owns
 * copies of its key and its body.
 */
#include "http/reply_memo.h"
#include "util/thread_block.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct memo_slot {
    db_stamp stamp;
    void *key;
    size_t key_len;
    char *body;
    size_t len;
} memo_slot;

typedef struct memo {
    memo_slot slots[REPLY_MEMO_SLOTS];
    size_t next;   /* the slot to replace next */
} memo;

static pthread_key_t memo_key;
static pthread_once_t memo_once = PTHREAD_ONCE_INIT;

static void slot_clear(memo_slot *s)
{
    free(s->key);
    free(s->body);
    memset(s, 0, sizeof *s);
}

static void memo_free(void *p)
{
    memo *m = p;
    for (size_t i = 0; i < REPLY_MEMO_SLOTS; i++)
        slot_clear(&m->slots[i]);
    free(m);
}

static void make_key(void) { pthread_key_create(&memo_key, memo_free); }

/* This thread's memo, made on first use; NULL when out of memory. */
static memo *my_memo(void)
{
    pthread_once(&memo_once, make_key);
    return thread_block(memo_key, 1, sizeof(memo));
}

static bool same_stamp(const db_stamp *a, const db_stamp *b)
{
    return a->connection == b->connection && a->version == b->version &&
           a->database == b->database;
}

static memo_slot *find_slot(memo *m, const db_stamp *stamp, const void *key, size_t key_len)
{
    for (size_t i = 0; i < REPLY_MEMO_SLOTS; i++) {
        memo_slot *s = &m->slots[i];
        if (s->body && same_stamp(&s->stamp, stamp) && s->key_len == key_len &&
            memcmp(s->key, key, key_len) == 0)
            return s;
    }
    return NULL;
}

bool reply_memo_find(const db_stamp *stamp, const void *key, size_t key_len, char **body,
                     size_t *len)
{
    memo *m = my_memo();
    memo_slot *s = m ? find_slot(m, stamp, key, key_len) : NULL;
    if (!s || !(*body = malloc(s->len + 1)))
        return false;
    memcpy(*body, s->body, s->len + 1);
    *len = s->len;
    return true;
}

void reply_memo_keep(const db_stamp *stamp, const void *key, size_t key_len, const char *body,
                     size_t len)
{
    memo *m = my_memo();
    if (!m || len > REPLY_MEMO_MAX_BYTES)
        return;
    memo_slot *s = find_slot(m, stamp, key, key_len);
    if (!s) {
        s = &m->slots[m->next];
        m->next = (m->next + 1) % REPLY_MEMO_SLOTS;
    }
    slot_clear(s);
    void *k = malloc(key_len ? key_len : 1);
    char *b = malloc(len + 1);
    if (!k || !b) {
        free(k);
        free(b);
        return;
    }
    memcpy(k, key, key_len);
    memcpy(b, body, len);
    b[len] = '\0';
    *s = (memo_slot){.stamp = *stamp, .key = k, .key_len = key_len, .body = b, .len = len};
}
