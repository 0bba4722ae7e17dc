/*
 * record_memo.c - the per-thread memo of account records' list parts
 * (see record_memo.h).
 *
 * Direct-mapped by id: MEMO_SLOTS entries per thread, each the record text
 * it was made from and the slim object.  A lookup compares the whole text,
 * so an entry can never stand for another version of the record.
 */
#include "store/record_memo.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define MEMO_SLOTS 1024

typedef struct memo_entry {
    long long id;
    char *text;
    size_t len;
    json_t *slim;
} memo_entry;

static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void entry_clear(memo_entry *e)
{
    free(e->text);
    json_decref(e->slim);
    memset(e, 0, sizeof *e);
}

static void memo_free(void *p)
{
    memo_entry *slots = p;
    for (size_t i = 0; i < MEMO_SLOTS; i++)
        entry_clear(&slots[i]);
    free(slots);
}

static void make_key(void) { pthread_key_create(&key, memo_free); }

/* This thread's slots, made on first use; NULL when out of memory. */
static memo_entry *my_slots(void)
{
    pthread_once(&key_once, make_key);
    memo_entry *slots = pthread_getspecific(key);
    if (!slots && (slots = calloc(MEMO_SLOTS, sizeof *slots)) && pthread_setspecific(key, slots)) {
        free(slots);
        slots = NULL;
    }
    return slots;
}

/* The record's list part, parsed from text (the same json_loads flags as
 * account_from_row, so the same texts count as damaged). */
static json_t *slim_from_text(const char *text)
{
    json_t *rec = json_loads(text, 0, NULL);
    if (!rec)
        return NULL;
    json_t *slim = json_object();
    json_t *cert = json_object_get(rec, "certification");
    if (slim && cert)
        json_object_set(slim, "certification", cert);
    json_decref(rec);
    return slim;
}

json_t *record_memo_slim(long long id, const char *text)
{
    memo_entry *slots = my_slots();
    if (!slots)
        return slim_from_text(text);
    memo_entry *e = &slots[(unsigned long long)id % MEMO_SLOTS];
    size_t len = strlen(text);
    if (e->text && e->id == id && e->len == len && memcmp(e->text, text, len) == 0)
        return json_incref(e->slim);
    json_t *slim = slim_from_text(text);
    if (!slim)
        return NULL;   /* damaged: never remembered, so it is checked every time */
    char *copy = malloc(len + 1);
    if (!copy)
        return slim;
    memcpy(copy, text, len + 1);
    entry_clear(e);
    *e = (memo_entry){.id = id, .text = copy, .len = len, .slim = json_incref(slim)};
    return slim;
}
