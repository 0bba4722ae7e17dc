/*
 * account_memo.c - the per-thread memo of account list entries (see
 * account_memo.h).
 *
 * Direct-mapped by id: MEMO_SLOTS slots per thread, each holding the row's
 * column bytes it was made from (its key) and the entry.  The key is the
 * columns in order, an integer as its 8 bytes, a text with its NUL; a
 * lookup compares every column, so a slot never stands for another version
 * of the row.  It skips the comparison when the database's stamp is the one
 * under which the slot last matched: nothing was committed since, so the
 * row cannot read differently.
 */
#include "store/account_memo.h"
#include "util/thread_block.h"

#include <stdlib.h>
#include <string.h>

#define MEMO_SLOTS 1024

typedef struct memo_slot {
    long long id;
    unsigned char *key;
    size_t key_len;
    account_text *text;
    db_stamp seen;      /* the database stamp under which the key last matched */
} memo_slot;

static const char column_kinds[] = ACCOUNT_COLUMN_KINDS;
#define N_COLUMNS (sizeof column_kinds - 1)

static pthread_key_t slots_key;
static pthread_once_t slots_once = PTHREAD_ONCE_INIT;

static void slot_clear(memo_slot *s)
{
    free(s->key);
    account_text_unref(s->text);
    memset(s, 0, sizeof *s);
}

static void slots_free(void *p)
{
    memo_slot *slots = p;
    for (size_t i = 0; i < MEMO_SLOTS; i++)
        slot_clear(&slots[i]);
    free(slots);
}

static void make_key(void) { pthread_key_create(&slots_key, slots_free); }

/* This thread's slots, made on first use; NULL when out of memory. */
static memo_slot *my_slots(void)
{
    pthread_once(&slots_once, make_key);
    return thread_block(slots_key, MEMO_SLOTS, sizeof(memo_slot));
}

/* Column c's bytes in the key: *p and its length. */
static size_t column_bytes(db_stmt *q, size_t c, long long *num, const void **p)
{
    if (column_kinds[c] == 'i') {
        *num = db_int(q, (int)c);
        *p = num;
        return sizeof *num;
    }
    size_t len;
    *p = db_text_len(q, (int)c, &len);
    return len + 1;   /* with its NUL */
}

static int key_matches(db_stmt *q, const memo_slot *s)
{
    size_t at = 0;
    long long num;
    const void *p;
    for (size_t c = 0; c < N_COLUMNS; c++) {
        size_t n = column_bytes(q, c, &num, &p);
        if (n > s->key_len - at || memcmp(s->key + at, p, n) != 0)
            return 0;
        at += n;
    }
    return at == s->key_len;
}

/* The key of the row; NULL when out of memory. */
static unsigned char *key_of(db_stmt *q, size_t *len)
{
    size_t total = 0;
    long long num;
    const void *p;
    for (size_t c = 0; c < N_COLUMNS; c++)
        total += column_bytes(q, c, &num, &p);
    unsigned char *key = malloc(total ? total : 1);
    size_t at = 0;
    for (size_t c = 0; key && c < N_COLUMNS; c++) {
        size_t n = column_bytes(q, c, &num, &p);
        memcpy(key + at, p, n);
        at += n;
    }
    *len = total;
    return key;
}

/* The entry made from the row: parsed and written afresh. */
static int text_from_row(db_stmt *q, account_text **out, gm_err *err)
{
    gm_account a;
    int rc = account_from_row(q, &a, err);
    if (!rc)
        rc = account_text_make(&a, out, err);
    accounts_release(&a);
    return rc;
}

static int same_stamp(const db_stamp *a, const db_stamp *b)
{
    return a->connection == b->connection && a->version == b->version;
}

int account_memo_text(db_stmt *q, const db_stamp *stamp, account_text **out, gm_err *err)
{
    long long id = db_int(q, 0);
    memo_slot *slots = my_slots();
    memo_slot *s = slots ? &slots[(unsigned long long)id % MEMO_SLOTS] : NULL;
    if (s && s->text && s->id == id &&
        (same_stamp(&s->seen, stamp) || key_matches(q, s))) {
        s->seen = *stamp;
        *out = account_text_ref(s->text);
        return GM_OK;
    }
    int rc = text_from_row(q, out, err);
    if (rc || !s)
        return rc;   /* a damaged row is never remembered: checked every time */
    size_t key_len;
    unsigned char *key = key_of(q, &key_len);
    if (!key)
        return GM_OK;
    slot_clear(s);
    *s = (memo_slot){.id = id, .key = key, .key_len = key_len, .text = account_text_ref(*out),
                     .seen = *stamp};
    return GM_OK;
}
